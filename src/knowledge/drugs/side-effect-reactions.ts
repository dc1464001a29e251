import type { KnowledgeSource } from '../knowledge-source';
import { AAAAI_2022 } from './cross-sensitivity-group';

// Recorded reactions that are side effects, not allergy: nausea, vomiting, diarrhoea, an opioid's
// constipation or drowsiness. An "allergy" whose reactions are all side effects is an intolerance:
// it carries no immune risk, to the drug itself or to related drugs (AAAAI/ACAAI 2022 risk
// stratification: isolated gastrointestinal symptoms and expected side effects are low risk).
// Matched by SNOMED CT code (KBV NFD reaction value set, Synthea reactions) or by the words of the
// recorded text. The severe reactions are the chart facts' (src/knowledge/allergies/severe-reactions.ts).

export interface SideEffectRow {
  snomed: readonly string[];
  /** Lower-case words or phrases, matched word-bounded in the manifestation's text and displays. */
  terms: readonly string[];
  source: KnowledgeSource;
}

const SIDE_EFFECTS_ARE_NOT_ALLERGY: KnowledgeSource = { ...AAAAI_2022, label: `${AAAAI_2022.label} (intolerance and side effects are not allergy)` };

export const SIDE_EFFECT_REACTIONS: readonly SideEffectRow[] = [
  // 422587007 Nausea; 300359004 Finding of vomiting; 1985008 Vomitus; 62315008 Diarrhea.
  { snomed: ['422587007', '300359004', '1985008', '62315008'], terms: ['nausea', 'nauseated', 'vomiting', 'vomit', 'emesis', 'diarrhea', 'diarrhoea', 'upset stomach', 'stomach upset', 'gi upset', 'dyspepsia'], source: SIDE_EFFECTS_ARE_NOT_ALLERGY },
  // Expected effects of the drug (opioids, sedatives): described in words, no code.
  { snomed: [], terms: ['constipation', 'constipated', 'drowsiness', 'drowsy', 'somnolence', 'sedation', 'sleepiness', 'dizziness', 'dizzy', 'headache'], source: SIDE_EFFECTS_ARE_NOT_ALLERGY },
];
