import type { CodeableConcept } from 'fhir/r4';
import { arrayOrEmpty, codesOf } from '../../brief/embedded/fhir-values';
import type { AllergyFact } from '../../chart/facts/allergies';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import { SIDE_EFFECT_REACTIONS } from '../../knowledge/drugs/side-effect-reactions';
import { conceptStrings, mentions } from './concept-terms';

// What a recorded allergy's reaction history says about the risk of a cross-reaction, read as an
// allergist would (AAAAI/ACAAI 2022): severe (anaphylaxis, angioedema or SJS/TEN — the chart
// facts' severe reactions —, a reaction recorded as severe, or criticality high), a reaction
// recorded but not severe, nothing recorded, mild, or an intolerance (a side effect such as
// nausea, which is not allergy).

export type ReactionLevel = 'severe' | 'reported' | 'unknown' | 'mild' | 'intolerance';

export type ReactionHistory =
  | {
      level: Exclude<ReactionLevel, 'unknown'>;
      /** The recorded fact that set the level, in plain words ("anaphylaxis", "criticality high", "nausea"). */
      fact: string;
      /** SJS/TEN is recorded: drugs related to the culprit are generally avoided too. */
      severeCutaneous: boolean;
    }
  | { level: 'unknown'; severeCutaneous: false };

function isSideEffect(concept: CodeableConcept): boolean {
  const codes = codesOf(concept, [SNOMED_CT]);
  const texts = conceptStrings(concept);
  return SIDE_EFFECT_REACTIONS.some((r) => codes.some((c) => r.snomed.includes(c)) || r.terms.some((t) => mentions(texts, t)));
}

/** The risk level an allergy's recorded reactions, reaction severities, type and criticality set. */
export function reactionHistory(fact: AllergyFact): ReactionHistory {
  const [severe] = fact.severeReactions;
  if (severe) return { level: 'severe', fact: severe.label, severeCutaneous: fact.severeReactions.some((r) => r.id === 'sjs-ten') };
  if (fact.reactionSeverity === 'severe') return { level: 'severe', fact: 'a severe reaction', severeCutaneous: false };
  if (fact.highCriticality) return { level: 'severe', fact: 'criticality high', severeCutaneous: false };
  const manifestations = arrayOrEmpty(fact.allergy.reaction).flatMap((r) => arrayOrEmpty(r.manifestation));
  const recorded = manifestations.flatMap((m) => conceptStrings(m).filter((t) => t.trim() !== '').slice(0, 1)).join(', ').toLowerCase();
  if (fact.allergy.type === 'intolerance' || (manifestations.length > 0 && manifestations.every(isSideEffect))) {
    return { level: 'intolerance', fact: recorded || 'an intolerance', severeCutaneous: false };
  }
  if (fact.reactionSeverity === 'mild') return { level: 'mild', fact: 'a mild reaction', severeCutaneous: false };
  if (fact.allergy.criticality === 'low') return { level: 'mild', fact: 'criticality low', severeCutaneous: false };
  return recorded ? { level: 'reported', fact: recorded, severeCutaneous: false } : { level: 'unknown', severeCutaneous: false };
}
