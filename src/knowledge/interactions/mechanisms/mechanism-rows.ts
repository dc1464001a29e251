import type { MechanismRow } from './mechanism-row';
import { CONTRAINDICATED_ROWS } from './contraindicated-combinations';
import { PHARMACODYNAMIC_ROWS } from './pharmacodynamic';
import { PHARMACOKINETIC_ROWS } from './pharmacokinetic';

// Every mechanism-based interaction row, one table per family of mechanisms. The rules read this
// list; the drug-table generator reads it for the ingredient names it needs.

export const MECHANISM_ROWS: readonly MechanismRow[] = [...PHARMACOKINETIC_ROWS, ...PHARMACODYNAMIC_ROWS, ...CONTRAINDICATED_ROWS];
