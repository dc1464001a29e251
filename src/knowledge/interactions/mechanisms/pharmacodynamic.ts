import type { MechanismRow } from './mechanism-row';
import { BLEEDING_ROWS, HYPOTENSION_ROWS, QT_ROWS } from './pharmacodynamic-cardiac';
import { ANTICHOLINERGIC_ROWS, CNS_DEPRESSION_ROWS, SEROTONERGIC_ROWS } from './pharmacodynamic-neuro';
import { HYPERKALAEMIA_ROWS, HYPOGLYCAEMIA_ROWS, MARROW_SUPPRESSION_ROWS, TRIPLE_WHAMMY_ROWS } from './pharmacodynamic-renal-metabolic';

// Pharmacodynamic interactions: two drugs that add to (or multiply) each other's effect at the
// target, whatever their levels: serotonin, QT, sedation, bleeding, potassium, blood pressure,
// glucose, marrow, kidney, anticholinergic burden. Severity follows the label or guideline; the
// patient facts the row names (QTc, potassium, eGFR, INR, sleep apnoea, COPD, age) raise it.

/** Every pharmacodynamic mechanism row. */
export const PHARMACODYNAMIC_ROWS: readonly MechanismRow[] = [
  ...SEROTONERGIC_ROWS,
  ...QT_ROWS,
  ...CNS_DEPRESSION_ROWS,
  ...BLEEDING_ROWS,
  ...HYPERKALAEMIA_ROWS,
  ...HYPOTENSION_ROWS,
  ...MARROW_SUPPRESSION_ROWS,
  ...TRIPLE_WHAMMY_ROWS,
  ...HYPOGLYCAEMIA_ROWS,
  ...ANTICHOLINERGIC_ROWS,
];
