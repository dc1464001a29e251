/** Where a knowledge row comes from (a guideline, a label, a list). Required on every row. */
export interface KnowledgeSource {
  /** Short, for `card.source.label`, e.g. "ONC high-priority DDI list (Phansalkar 2012)". */
  label: string;
  url?: string;
}
