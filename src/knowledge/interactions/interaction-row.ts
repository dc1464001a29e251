import type { KnowledgeSource } from '../knowledge-source';
import type { Severity } from '../severity';

/**
 * A listed drug-drug interaction between any ingredient of `a` and any of `b` (lower-case RxNorm
 * ingredient names; a test checks each resolves). A row whose `a` and `b` are one group pairs any two members.
 */
export interface InteractionRow {
  id: string;
  /** The groups as the list names them: "MAO inhibitors", "QT-prolonging agents". */
  aLabel: string;
  bLabel: string;
  a: readonly string[];
  b: readonly string[];
  /** How loudly the interaction speaks when both drugs are ordered or taken. */
  severity: Severity;
  /** The consequence, for the summary: "serotonin syndrome or hypertensive crisis". */
  effect: string;
  /** What to do, one sentence for the detail. */
  management: string;
  source: KnowledgeSource;
}
