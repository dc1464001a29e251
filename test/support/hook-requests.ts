import type { Patient } from 'fhir/r4';
import { CHART_SECTIONS } from '../../src/chart/chart-sections';

/** A Patient small enough to read in a test. */
export function testPatient(id: string): Patient {
  return { resourceType: 'Patient', id, gender: 'female', birthDate: '1950-04-02', name: [{ family: 'Testperson', given: ['Ada'] }] };
}

/**
 * A complete patient-view request whose prefetch holds only the Patient and `null` for every
 * other section (the spec's "no data"), so no FHIR server is needed.
 */
export function patientViewRequest(patientId = 'pat-1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const prefetch: Record<string, unknown> = {};
  for (const section of CHART_SECTIONS) prefetch[section] = section === 'patient' ? testPatient(patientId) : null;
  return {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/example', patientId },
    prefetch,
    ...extra,
  };
}

/** An order-sign (or order-select) request with one draft MedicationRequest. */
export function orderRequest(hook: 'order-sign' | 'order-select', patientId = 'pat-1'): Record<string, unknown> {
  const base = patientViewRequest(patientId);
  const draft = {
    resourceType: 'MedicationRequest',
    id: 'draft-1',
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361', display: 'Amlodipine 5 MG Oral Tablet' }] },
  };
  return {
    ...base,
    hook,
    context: {
      userId: 'Practitioner/example',
      patientId,
      ...(hook === 'order-select' && { selections: ['MedicationRequest/draft-1'] }),
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft }] },
    },
  };
}
