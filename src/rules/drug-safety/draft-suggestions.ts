import type { Dosage, MedicationRequest, ServiceRequest } from 'fhir/r4';
import { LOINC, RXNORM, SNOMED_CT } from '../../clinical-codes/code-systems';
import type { AlternativeDirections } from '../../knowledge/interactions/pddi-warfarin-nsaids';
import type { MonitoringOrder } from '../../knowledge/interactions/mechanisms/mechanism-row';
import type { FindingSuggestion } from '../rule';
import type { IdentifiedOrder } from './medication-orders';
import { drugName } from './medication-orders';

// The one-click actions a drug-safety card offers on a draft: remove it, or replace it with the
// alternative the source names. https://cds-hooks.hl7.org/2.0/#action

/** An alternative drug named by the knowledge source (e.g. acetaminophen for an NSAID on warfarin). */
export interface Alternative {
  rxnorm: string;
  display: string;
  ingredient: string;
  /** The label's directions, so the replacement order has a dose and a sig. */
  directions: AlternativeDirections;
}

/** The directions as a FHIR Dosage: the sig, as needed, the dose, the interval and the daily maximum. */
function dosageOf(d: AlternativeDirections): Dosage {
  return {
    text: d.text,
    asNeededBoolean: true,
    timing: { repeat: { frequency: 1, period: d.everyHours, periodUnit: 'h' } },
    route: { coding: [{ system: SNOMED_CT, code: '26643006', display: 'Oral route' }] },
    doseAndRate: [{ doseQuantity: { value: d.doseValue, unit: d.doseUnit } }],
    maxDosePerPeriod: { numerator: { value: d.maxPerDay, unit: d.doseUnit }, denominator: { value: 24, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' } },
  };
}

/** "Remove ibuprofen order": delete the draft. */
export function removeDraft(order: IdentifiedOrder, isRecommended: boolean): FindingSuggestion {
  return {
    label: `Remove ${drugName(order)} order`,
    isRecommended,
    actions: [{ type: 'delete', description: `Remove the draft order for ${order.display}.`, resourceId: order.ref }],
  };
}

/** "Replace with acetaminophen": delete the draft and create a draft order of the alternative. */
export function replaceDraft(order: IdentifiedOrder, alternative: Alternative, patientRef: string): FindingSuggestion {
  const resource: MedicationRequest = {
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: 'order',
    subject: { reference: patientRef },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: alternative.rxnorm, display: alternative.display }], text: alternative.display },
    dosageInstruction: [dosageOf(alternative.directions)],
  };
  return {
    label: `Replace with ${alternative.ingredient}`,
    isRecommended: true,
    actions: [
      { type: 'delete', description: `Remove the draft order for ${order.display}.`, resourceId: order.ref },
      { type: 'create', description: `Order ${alternative.display} instead.`, resource },
    ],
  };
}

/**
 * Remove-this-draft suggestions for the drafts among `orders` (none on patient-view, where nothing
 * is a draft). Recommended only when asked and it is the one removal (at-most-one allows one).
 */
export function removeDrafts(orders: readonly IdentifiedOrder[], recommend: boolean): FindingSuggestion[] {
  const drafts = orders.filter((o) => o.draft);
  return drafts.map((o) => removeDraft(o, recommend && drafts.length === 1));
}

/** "Order INR": a draft ServiceRequest for the monitoring test the interaction's source names. */
export function orderMonitoring(monitoring: MonitoringOrder, patientRef: string): FindingSuggestion {
  const resource: ServiceRequest = {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    subject: { reference: patientRef },
    code: { coding: [{ system: LOINC, code: monitoring.loinc, display: monitoring.display }], text: monitoring.display },
  };
  return { label: monitoring.label, isRecommended: false, actions: [{ type: 'create', description: `Order ${monitoring.display}.`, resource }] };
}
