import type { KnowledgeSource } from '../knowledge-source';

// Reactions that make a drug allergy dangerous to rechallenge: anaphylaxis, angioedema and the
// severe cutaneous reactions Stevens–Johnson syndrome and toxic epidermal necrolysis. The practice
// parameter treats these as contraindicating re-exposure outside specialist care.

export const AAAAI_ACAAI_2022: KnowledgeSource = {
  label: 'AAAAI/ACAAI drug allergy practice parameter 2022',
  url: 'https://doi.org/10.1016/j.anai.2022.08.014',
};

export interface SevereReactionRow {
  id: string;
  /** How a card names it. */
  label: string;
  /** SNOMED CT clinical findings an EHR codes the manifestation with. */
  snomed: readonly string[];
  /** For manifestations recorded as text only (matched as words, case-insensitively unless upper case). */
  text: readonly RegExp[];
  source: KnowledgeSource;
}

export const SEVERE_REACTIONS: readonly SevereReactionRow[] = [
  // 39579001 Anaphylaxis (disorder)
  { id: 'anaphylaxis', label: 'anaphylaxis', snomed: ['39579001'], text: [/\banaphyla/i], source: AAAAI_ACAAI_2022 },
  // 41291007 Angioedema (disorder)
  { id: 'angioedema', label: 'angioedema', snomed: ['41291007'], text: [/\bangio-?o?edema/i, /\bquincke/i], source: AAAAI_ACAAI_2022 },
  // 73442001 Stevens-Johnson syndrome (disorder); 768962006 Lyell syndrome (toxic epidermal necrolysis)
  {
    id: 'sjs-ten',
    label: 'Stevens–Johnson syndrome / toxic epidermal necrolysis',
    snomed: ['73442001', '768962006'],
    text: [/stevens[\s-]*johnson/i, /toxic epidermal necrolysis/i, /\blyell/i, /\bSJS\b/, /\bTEN\b/],
    source: AAAAI_ACAAI_2022,
  },
];
