import type { AllergyIntolerance, AllergyIntoleranceReaction, CodeableConcept } from 'fhir/r4';
import type { Chart } from '../chart';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import { NO_KNOWN_ALLERGY_CODES } from '../../clinical-codes/no-known-allergy';
import { SEVERE_REACTIONS, type SevereReactionRow } from '../../knowledge/allergies/severe-reactions';
import { arrayOrEmpty, codesOf, conceptText, refOf, statusCode } from '../../brief/embedded/fhir-values';

// Allergies as every reader sees them: which are current, how critical, and whether a recorded
// reaction was severe (anaphylaxis, angioedema, SJS/TEN).

// https://hl7.org/fhir/R4/valueset-allergyintolerance-clinical.html (inactive, resolved: not current)
const NOT_CURRENT: ReadonlySet<string> = new Set(['inactive', 'resolved']);
// https://hl7.org/fhir/R4/valueset-allergyintolerance-verification.html
const EXCLUDED_VERIFICATION: ReadonlySet<string> = new Set(['refuted', 'entered-in-error']);

/** Not inactive or resolved, not refuted or entered in error: an allergy without a clinicalStatus still counts (the safer error). */
export function isCurrentAllergy(a: AllergyIntolerance): boolean {
  const clinical = statusCode(a.clinicalStatus);
  const verification = statusCode(a.verificationStatus);
  if (clinical !== undefined && NOT_CURRENT.has(clinical)) return false;
  return verification === undefined || !EXCLUDED_VERIFICATION.has(verification);
}

/** A recorded "no known allergy" (SNOMED CT 716186003 and kin), which is not an allergy. */
export function isNoKnownAllergy(a: AllergyIntolerance): boolean {
  return codesOf(a.code, [SNOMED_CT]).some((c) => NO_KNOWN_ALLERGY_CODES.has(c));
}

function severeRowOf(manifestation: CodeableConcept): SevereReactionRow | undefined {
  const codes = codesOf(manifestation, [SNOMED_CT]);
  const texts = [manifestation.text, ...arrayOrEmpty(manifestation.coding).map((c) => c.display)].filter((t): t is string => typeof t === 'string');
  return SEVERE_REACTIONS.find((row) => codes.some((c) => row.snomed.includes(c)) || row.text.some((re) => texts.some((t) => re.test(t))));
}

/** The severe reactions (by row) a recorded reaction names: anaphylaxis, angioedema, SJS/TEN, by SNOMED CT code or text. */
export function severeReactionsOf(reaction: AllergyIntoleranceReaction): SevereReactionRow[] {
  return [...new Set(arrayOrEmpty(reaction.manifestation).flatMap((m) => severeRowOf(m) ?? []))];
}

/** True when the reaction was anaphylaxis, angioedema or SJS/TEN. */
export function isSevereReaction(reaction: AllergyIntoleranceReaction): boolean {
  return severeReactionsOf(reaction).length > 0;
}

export interface AllergyFact {
  allergy: AllergyIntolerance;
  /** `AllergyIntolerance/id`. */
  ref: string;
  /** As recorded ("Allergy to penicillin"). */
  name: string;
  unconfirmed: boolean;
  /** `criticality: 'high'`: the recorder judged a future reaction could be life-threatening. */
  highCriticality: boolean;
  /** The most severe `reaction.severity` recorded (mild < moderate < severe). */
  reactionSeverity?: 'mild' | 'moderate' | 'severe';
  /** Severe reactions recorded (anaphylaxis, angioedema, SJS/TEN), each once. */
  severeReactions: SevereReactionRow[];
}

const SEVERITY_ORDER = ['mild', 'moderate', 'severe'] as const;

function worstSeverity(reactions: readonly AllergyIntoleranceReaction[]): AllergyFact['reactionSeverity'] {
  const ranks = reactions.flatMap((r) => (r.severity !== undefined && SEVERITY_ORDER.includes(r.severity) ? [SEVERITY_ORDER.indexOf(r.severity)] : []));
  return ranks.length > 0 ? SEVERITY_ORDER[Math.max(...ranks)] : undefined;
}

/** What an allergy record says, read once. */
export function allergyFact(a: AllergyIntolerance): AllergyFact {
  const reactions = arrayOrEmpty(a.reaction);
  const reactionSeverity = worstSeverity(reactions);
  return {
    allergy: a,
    ref: refOf(a),
    name: conceptText(a.code) ?? conceptText(reactions[0]?.substance) ?? 'unnamed substance',
    unconfirmed: statusCode(a.verificationStatus) === 'unconfirmed',
    highCriticality: a.criticality === 'high',
    severeReactions: [...new Set(reactions.flatMap(severeReactionsOf))],
    ...(reactionSeverity !== undefined && { reactionSeverity }),
  };
}

/** The chart's current allergies and intolerances ("no known allergy" records left out), in chart order. */
export function currentAllergies(chart: Chart): AllergyFact[] {
  return chart.allergies.filter((a) => a.id && isCurrentAllergy(a) && !isNoKnownAllergy(a)).map(allergyFact);
}
