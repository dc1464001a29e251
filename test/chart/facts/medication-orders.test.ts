import type { Medication, MedicationRequest } from 'fhir/r4';
import { chartFacts } from '../../../src/chart/facts/chart-facts';
import { activeOrders, draftOrders, identifyOrder, isActiveOrder } from '../../../src/chart/facts/medication-orders';
import { draftMedications } from '../../../src/chart/draft-medications';
import { ChartBuilder } from '../../support/chart-builder';

// One definition of "active order" for every rule and the brief, each order with what it contains.

const AS_OF = new Date('2026-06-01T12:00:00Z');
const request = (r: Partial<MedicationRequest>): MedicationRequest => ({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/pat-1' }, ...r });

it('counts status active only, and never a do-not-perform order', () => {
  expect(isActiveOrder(request({}))).toBe(true);
  expect(isActiveOrder(request({ doNotPerform: true }))).toBe(false);
  for (const status of ['on-hold', 'stopped', 'completed', 'cancelled', 'draft', 'entered-in-error', 'unknown'] as const) {
    expect(isActiveOrder(request({ status }))).toBe(false);
  }
});

it('lists the active orders with their identified ingredients, unknown drugs kept as unknown', () => {
  const chart = new ChartBuilder()
    .medication({ id: 'warf', name: 'Warfarin Sodium 5 MG Oral Tablet', rxnorm: '855332' })
    .medication({ id: 'stopped', name: 'Ibuprofen 400 MG Oral Tablet', status: 'stopped' })
    .medication({ id: 'tonic', name: 'Grandma’s tonic' })
    .build();
  const orders = activeOrders(chart);
  expect(orders.map((o) => [o.ref, o.draft, o.identity.known, o.identity.ingredients.map((i) => i.name)])).toEqual([
    ['MedicationRequest/warf', false, true, ['warfarin']],
    ['MedicationRequest/tonic', false, false, []],
  ]);
  expect(chartFacts(chart, AS_OF).activeOrders()).toEqual(orders);
});

it('reads the Medication an order points at, and identifies a medication once', () => {
  const medication: Medication = { resourceType: 'Medication', id: 'med-1', code: { text: 'Apixaban 5 MG Oral Tablet' } };
  const chart = new ChartBuilder().resource(medication).resource(request({ id: 'm-ref', medicationReference: { reference: 'Medication/med-1' } })).build();
  const [order] = activeOrders(chart);
  expect(order?.identity.ingredients.map((i) => i.name)).toEqual(['apixaban']);
  expect(identifyOrder(chart, order!.medication)).toBe(order?.identity);
});

it('identifies the drafts of a call', () => {
  const chart = new ChartBuilder().build();
  const drafts = draftMedications([request({ id: 'd1', status: 'draft', medicationCodeableConcept: { text: 'Lisinopril 10 MG Oral Tablet' } })], chart);
  expect(draftOrders(chart, drafts).map((o) => [o.ref, o.draft, o.identity.ingredients.map((i) => i.name)])).toEqual([['MedicationRequest/d1', true, ['lisinopril']]]);
});
