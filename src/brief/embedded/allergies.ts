import type { AllergyIntolerance, AllergyIntoleranceReaction, CodeableConcept } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { currentAllergies, isCurrentAllergy, isNoKnownAllergy, severeReactionsOf, type AllergyFact } from '../../chart/facts/allergies';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import { compareText, conceptText, datePart, refOf, unique, withoutSemanticTag } from './fhir-values';

const CRITICALITY_RANK: Record<string, number> = { high: 0, 'unable-to-assess': 1, low: 2 };

// The semantic tags of allergen concepts, beyond the clinical ones withoutSemanticTag knows.
const ALLERGEN_TAG = /\s*\((?:substance|organism|product)\)\s*$/i;

/** A chart name without its SNOMED CT semantic tag ("Tree nut (substance)" → "Tree nut", "Anaphylaxis (disorder)" → "Anaphylaxis"). */
function plainText(concept: CodeableConcept | undefined): string | undefined {
  const text = conceptText(concept);
  return text === undefined ? undefined : withoutSemanticTag(text.replace(ALLERGEN_TAG, '')) || text;
}

function isSevereManifestation(m: CodeableConcept): boolean {
  return severeReactionsOf({ manifestation: [m] }).length > 0;
}

/** One reaction's manifestations, the severe ones (anaphylaxis, angioedema, SJS/TEN) first, so a clipped line keeps them. */
function manifestationsText(r: AllergyIntoleranceReaction): string | undefined {
  const all = r.manifestation ?? [];
  const ordered = [...all.filter(isSevereManifestation), ...all.filter((m) => !isSevereManifestation(m))];
  const names = unique(ordered.map(plainText).filter((m): m is string => m !== undefined));
  if (names.length === 0) return undefined;
  return r.severity ? `${names.join(', ')} (${r.severity})` : names.join(', ');
}

function reactionText(a: AllergyIntolerance): string | undefined {
  const reactions = a.reaction ?? [];
  const severe = reactions.filter((r) => severeReactionsOf(r).length > 0);
  const parts = [...severe, ...reactions.filter((r) => !severe.includes(r))].map(manifestationsText).filter((p): p is string => p !== undefined);
  return parts.length > 0 ? unique(parts).join('; ') : undefined;
}

/** Anaphylaxis, angioedema or SJS/TEN recorded, or judged high criticality: kept on the card before anything ordinary. */
function isSevere(f: AllergyFact): boolean {
  return f.severeReactions.length > 0 || f.highCriticality;
}

/** "Penicillin V: anaphylaxis, hives (severe); high criticality; unconfirmed". */
function allergyStatement(f: AllergyFact): Statement {
  const a = f.allergy;
  const substance = plainText(a.code) ?? plainText(a.reaction?.[0]?.substance) ?? 'Unnamed substance';
  const name = a.type === 'intolerance' ? `${substance} (intolerance)` : substance;
  const reaction = reactionText(a);
  const notes: string[] = [];
  if (a.criticality === 'high' || a.criticality === 'low') notes.push(`${a.criticality} criticality`);
  if (a.criticality === 'unable-to-assess') notes.push('criticality not assessed');
  if (f.unconfirmed) notes.push('unconfirmed');
  const text = [reaction ? `${name}: ${reaction}` : name, ...notes].join('; ');
  return { text, evidence: [f.ref], ...(isSevere(f) && { priority: 'critical' as const }) };
}

/** Severe ones first (a recorded anaphylaxis outranks a "low" criticality), then by criticality, medication allergies, name and id. */
function compareAllergies(a: AllergyFact, b: AllergyFact): number {
  const severe = (x: AllergyFact): number => (isSevere(x) ? 0 : 1);
  const crit = (x: AllergyFact): number => CRITICALITY_RANK[x.allergy.criticality ?? ''] ?? 3;
  const drug = (x: AllergyFact): number => (x.allergy.category?.includes('medication') ? 0 : 1);
  const name = (x: AllergyFact): string => (conceptText(x.allergy.code) ?? '').toLowerCase();
  return severe(a) - severe(b) || crit(a) - crit(b) || drug(a) - drug(b) || compareText(name(a), name(b)) || compareText(a.ref, b.ref);
}

/** Current allergies and intolerances (not "no known allergy" records), the severe ones first. */
export function selectCurrentAllergies(chart: Chart): AllergyFact[] {
  return currentAllergies(chart).sort(compareAllergies);
}

/**
 * Current allergies with reactions and criticality. With none listed, the brief says so only
 * from evidence: a recorded "no known allergy" (cited), or a complete allergy list that is empty
 * (citing the Patient) — never from a list that was not read.
 */
export function allergiesSection(chart: Chart, allergies: readonly AllergyFact[]): BriefSection | undefined {
  const statements = allergies.map(allergyStatement);
  if (statements.length === 0) {
    const current = chart.allergies.filter((a) => a.id && isCurrentAllergy(a));
    const nka = current.filter(isNoKnownAllergy).sort((a, b) => compareText(refOf(a), refOf(b)));
    const first = nka[0];
    if (first) {
      const date = datePart(first.recordedDate);
      const label = conceptText(first.code) ?? 'No known allergy';
      statements.push({ text: date ? `${label} (recorded ${date})` : label, evidence: [refOf(first)] });
    } else if (isComplete(chart, 'allergies')) {
      // An empty list is not "no known allergies": nobody recorded that the patient was asked.
      const text = chart.allergies.length === 0 ? 'No allergy record: neither allergies nor "no known allergies" documented' : 'No current allergies recorded';
      statements.push({ text, evidence: [chart.patientRef] });
    }
  }
  return statements.length > 0 ? { name: 'allergies', title: 'Allergies', statements } : undefined;
}
