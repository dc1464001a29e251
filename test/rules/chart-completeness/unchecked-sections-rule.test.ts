import type { MedicationRequest } from 'fhir/r4';
import { uncheckedSectionsRule } from '../../../src/rules/chart-completeness/unchecked-sections-rule';
import { ruleInputFor } from '../../../src/rules/rule-input';
import { ChartBuilder } from '../../support/chart-builder';

// An order checked against part of the chart says so, rather than answering with no card.

const AS_OF = new Date('2026-01-01T00:00:00Z');

function draft(patientRef: string): MedicationRequest {
  return { resourceType: 'MedicationRequest', id: 'd1', status: 'draft', intent: 'order', subject: { reference: patientRef }, medicationCodeableConcept: { text: 'Ibuprofen 400 MG Oral Tablet' } };
}

it('warns at signing when the medication list could not be read in full, naming the checks it leaves undone', () => {
  const chart = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' })
    .section('medications', { state: 'complete', source: 'fhir', truncated: true, reason: '2 referenced Medications could not be read: FHIR server timed out' })
    .build();
  const [finding, ...more] = uncheckedSectionsRule.evaluate(ruleInputFor('order-sign', chart, [draft(chart.patientRef)], AS_OF));
  expect(more).toEqual([]);
  expect(finding?.severity).toBe('warning');
  expect(finding?.summary).toBe('Checked without part of the chart (medications): no card here does not mean safe');
  expect(finding?.detail).toContain('Medications incomplete: 2 referenced Medications could not be read: FHIR server timed out. Not fully checked: interaction and duplicate-therapy checks');
  expect(finding?.evidence).toEqual([chart.patientRef, 'MedicationRequest/d1']);
});

it('is information only when what is missing is not the medication or allergy list', () => {
  const chart = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' })
    .section('labs', { state: 'failed', source: 'fhir', reason: 'FHIR server answered 500' })
    .section('surveys', { state: 'failed', source: 'fhir', reason: 'FHIR server answered 403' })
    .build();
  const [finding] = uncheckedSectionsRule.evaluate(ruleInputFor('order-select', chart, [draft(chart.patientRef)], AS_OF));
  expect(finding?.severity).toBe('info');
  expect(finding?.detail).toContain('- Labs unavailable: FHIR server answered 500. Not fully checked: renal dosing');
  expect(finding?.detail).toContain('- Surveys unavailable: FHIR server answered 403. Not fully checked: smoking status');
});

it('states a medication list the EHR never sent as information, not an interruption on every order', () => {
  const chart = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' }).section('medications', { state: 'missing', source: 'none', reason: 'not prefetched and no fhirServer' }).build();
  const [finding] = uncheckedSectionsRule.evaluate(ruleInputFor('order-sign', chart, [draft(chart.patientRef)], AS_OF));
  expect(finding?.severity).toBe('info');
  expect(finding?.detail).toMatch(/- Medications unavailable: .*Not fully checked: interaction/);
});

it('ignores sections the order checks do not read (encounters, immunizations)', () => {
  const chart = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' })
    .section('encounters', { state: 'missing', source: 'none', reason: 'not provided' })
    .section('immunizations', { state: 'failed', source: 'fhir', reason: 'FHIR server timed out' })
    .build();
  expect(uncheckedSectionsRule.evaluate(ruleInputFor('order-sign', chart, [draft(chart.patientRef)], AS_OF))).toEqual([]);
});

it('says nothing when every section was read in full, or when no medication is being ordered', () => {
  const whole = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' }).build();
  expect(uncheckedSectionsRule.evaluate(ruleInputFor('order-sign', whole, [draft(whole.patientRef)], AS_OF))).toEqual([]);
  const partial = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' }).section('allergies', { state: 'failed', source: 'fhir', reason: 'FHIR server answered 500' }).build();
  expect(uncheckedSectionsRule.evaluate(ruleInputFor('order-sign', partial, [], AS_OF))).toEqual([]);
});
