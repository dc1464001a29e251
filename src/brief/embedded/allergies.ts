import type { AllergyIntolerance } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { currentAllergies, isCurrentAllergy, isNoKnownAllergy } from '../../chart/facts/allergies';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import { compareText, conceptText, datePart, refOf, unique } from './fhir-values';

const CRITICALITY_RANK: Record<string, number> = { high: 0, 'unable-to-assess': 1, low: 2 };

function reactionText(a: AllergyIntolerance): string | undefined {
  const parts: string[] = [];
  for (const r of a.reaction ?? []) {
    const manifestations = unique((r.manifestation ?? []).map((m) => conceptText(m)).filter((m): m is string => m !== undefined));
    if (manifestations.length === 0) continue;
    parts.push(r.severity ? `${manifestations.join(', ')} (${r.severity})` : manifestations.join(', '));
  }
  return parts.length > 0 ? unique(parts).join('; ') : undefined;
}

/** "Penicillin V: hives (severe); high criticality; unconfirmed". */
function allergyStatement(a: AllergyIntolerance): Statement {
  const substance = conceptText(a.code) ?? conceptText(a.reaction?.[0]?.substance) ?? 'Unnamed substance';
  const name = a.type === 'intolerance' ? `${substance} (intolerance)` : substance;
  const reaction = reactionText(a);
  const notes: string[] = [];
  if (a.criticality === 'high' || a.criticality === 'low') notes.push(`${a.criticality} criticality`);
  if (a.criticality === 'unable-to-assess') notes.push('criticality not assessed');
  const verification = a.verificationStatus?.coding?.find((c) => c.code)?.code;
  if (verification === 'unconfirmed') notes.push('unconfirmed');
  const text = [reaction ? `${name}: ${reaction}` : name, ...notes].join('; ');
  return { text, evidence: [refOf(a)] };
}

/** High criticality first, then medication allergies, then by name and id. */
function compareAllergies(a: AllergyIntolerance, b: AllergyIntolerance): number {
  const crit = (x: AllergyIntolerance): number => CRITICALITY_RANK[x.criticality ?? ''] ?? 3;
  const drug = (x: AllergyIntolerance): number => (x.category?.includes('medication') ? 0 : 1);
  const name = (x: AllergyIntolerance): string => (conceptText(x.code) ?? '').toLowerCase();
  return crit(a) - crit(b) || drug(a) - drug(b) || compareText(name(a), name(b)) || compareText(refOf(a), refOf(b));
}

/** Current allergies and intolerances (not "no known allergy" records), most critical first. */
export function selectCurrentAllergies(chart: Chart): AllergyIntolerance[] {
  return currentAllergies(chart)
    .map((f) => f.allergy)
    .sort(compareAllergies);
}

/**
 * Current allergies with reactions and criticality. With none listed, the brief says so only
 * from evidence: a recorded "no known allergy" (cited), or a complete allergy list that is empty
 * (citing the Patient) — never from a list that was not read.
 */
export function allergiesSection(chart: Chart, allergies: readonly AllergyIntolerance[]): BriefSection | undefined {
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
