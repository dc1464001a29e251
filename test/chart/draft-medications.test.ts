import type { FhirResource, Medication, MedicationRequest } from 'fhir/r4';
import { draftMedications } from '../../src/chart/draft-medications';
import { ChartBuilder } from '../support/chart-builder';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const builder = new ChartBuilder({ birthDate: '1950-01-01', gender: 'male' });
builder.resource({ resourceType: 'Medication', id: 'held', code: { coding: [{ system: RXNORM, code: '855332', display: 'Warfarin Sodium 5 MG Oral Tablet' }] } });
// The chart keeps a Medication only when one of its MedicationRequests references it.
builder.resource({ resourceType: 'MedicationRequest', id: 'uses-held', status: 'active', intent: 'order', subject: { reference: builder.patientRef }, medicationReference: { reference: 'Medication/held' } });
const chart = builder.build();

function draft(id: string, extra: Partial<MedicationRequest>): MedicationRequest {
  return { resourceType: 'MedicationRequest', id, status: 'draft', intent: 'order', subject: { reference: chart.patientRef }, ...extra };
}

const amoxicillin: Medication = { resourceType: 'Medication', id: 'm1', code: { text: 'Amoxicillin 500 MG Oral Capsule' } };

it('resolves drafts coded inline, by a contained Medication (Epic), by a Medication the chart holds, or not at all', () => {
  const orders: FhirResource[] = [
    draft('inline', { medicationCodeableConcept: { coding: [{ system: RXNORM, code: '197806', display: 'Ibuprofen 600 MG Oral Tablet' }] } }),
    draft('contained', { contained: [amoxicillin], medicationReference: { reference: '#m1' } }),
    draft('by-chart', { medicationReference: { reference: 'Medication/held' } }),
    draft('dangling', { medicationReference: { reference: 'Medication/unknown', display: 'Some drug' } }),
    draft('bad-contained', { medicationReference: { reference: '#missing' } }),
    { resourceType: 'ServiceRequest', id: 's1', status: 'draft', intent: 'order', subject: { reference: chart.patientRef } },
  ];
  const drafts = draftMedications(orders, chart);
  expect(drafts.map((d) => [d.ref, d.medication.display, d.medication.resolved])).toEqual([
    ['MedicationRequest/inline', 'Ibuprofen 600 MG Oral Tablet', true],
    ['MedicationRequest/contained', 'Amoxicillin 500 MG Oral Capsule', true],
    ['MedicationRequest/by-chart', 'Warfarin Sodium 5 MG Oral Tablet', true],
    ['MedicationRequest/dangling', 'Some drug', false],
    ['MedicationRequest/bad-contained', 'Unknown medication', false],
  ]);
  expect(drafts[2]?.medication.codings[0]?.code).toBe('855332');
});
