import type { CodeableConcept, Coding, Medication, MedicationRequest } from 'fhir/r4';
import type { ResolvedMedication } from './chart';

/** RxNorm, the code system US EHRs (Epic, Oracle Health) and our interaction tables use for drugs. */
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** Codings of a concept with RxNorm first, so rules that read `codings[0]` see RxNorm when there is one. */
export function drugCodings(concept: CodeableConcept | undefined): Coding[] {
  const codings = concept?.coding ?? [];
  return [...codings.filter((c) => c.system === RXNORM), ...codings.filter((c) => c.system !== RXNORM)];
}

/** A human-readable name for a drug concept: its text, else a coding's display, else a code. */
export function conceptName(concept: CodeableConcept | undefined): string | undefined {
  const text = concept?.text?.trim();
  if (text) return text;
  const codings = drugCodings(concept);
  return codings.find((c) => c.display?.trim())?.display?.trim() ?? codings.find((c) => c.code?.trim())?.code?.trim();
}

/** A Medication the request's `medicationReference` led to, with the chart key it is held under. */
export interface FoundMedication {
  key: string;
  medication: Medication;
}

/**
 * What a MedicationRequest orders, from whichever form the EHR used: a Medication resource we hold
 * (bundled, read, or lifted from `contained`), else `medicationCodeableConcept` (possibly text
 * only), else the reference's `display` with `resolved: false` so callers know the drug is unknown.
 */
export function describeMedication(request: MedicationRequest, found: FoundMedication | undefined): ResolvedMedication {
  if (found) {
    const code = found.medication.code ?? request.medicationCodeableConcept;
    const display = conceptName(code) ?? request.medicationReference?.display?.trim() ?? 'Unnamed medication';
    return { request, codings: drugCodings(code), display: display || 'Unnamed medication', medicationRef: found.key, resolved: true };
  }
  const concept = request.medicationCodeableConcept;
  if (concept) {
    return { request, codings: drugCodings(concept), display: conceptName(concept) ?? 'Unnamed medication', resolved: true };
  }
  const display = request.medicationReference?.display?.trim();
  return { request, codings: [], display: display || 'Unknown medication', resolved: false };
}
