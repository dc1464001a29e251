import { AAAAI_ACAAI_2022 } from '../allergies/severe-reactions';
import type { KnowledgeSource } from '../knowledge-source';

// The shape of a cross-sensitivity group: drugs an allergy to one member may extend to, because
// they share the structure immune reactions are directed at (a beta-lactam side chain, an opioid
// ring system, the sulfonamide antibiotics' arylamine). The rows live in their own tables.

/** AAAAI/ACAAI drug allergy practice parameter update 2022 (Khan DA et al.), the source the severe-reaction table cites. */
export const AAAAI_2022: KnowledgeSource = AAAAI_ACAAI_2022;

/**
 * How an allergy to one member carries over to the others:
 * - `class`: as an allergy to the drug itself (sulfonamide antibiotics);
 * - `shared-structure`: by the reaction history (critical after anaphylaxis, angioedema or SJS/TEN,
 *   a warning when the reaction is not recorded or not severe, info after a mild one);
 * - `minor`: worth a note, never interruptive (an identical R2 side chain rarely cross-reacts).
 */
export type CrossSensitivityStrength = 'class' | 'shared-structure' | 'minor';

export interface CrossSensitivityGroup {
  id: string;
  /** Lower-case RxNorm ingredient names (a table test checks each resolves). */
  members: readonly string[];
  strength: CrossSensitivityStrength;
  /** Short, for a card summary: "same R1 side chain", "same opioid class (phenanthrenes)". */
  label: string;
  /** What the members share and why it matters, in plain words, for a card detail. */
  shared: string;
  /** What to order instead. */
  instead: string;
  source: KnowledgeSource;
}
