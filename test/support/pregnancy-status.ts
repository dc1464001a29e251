import type { Observation } from 'fhir/r4';

/** A US Core pregnancy status observation (LOINC 82810-3, category social-history); SNOMED 77386006 Pregnant by default. */
export function pregnancyStatusObservation(o: { id: string; patientId: string; date?: string; snomed?: string; display?: string; extra?: Partial<Observation> }): Observation {
  const display = o.display ?? 'Pregnant';
  return {
    resourceType: 'Observation',
    id: o.id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' }] },
    subject: { reference: `Patient/${o.patientId}` },
    ...(o.date !== undefined && { effectiveDateTime: o.date }),
    valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: o.snomed ?? '77386006', display }], text: display },
    ...o.extra,
  };
}
