import type { MedicationRequest } from 'fhir/r4';
import type { Chart, ResolvedMedication } from '../chart';
import type { DraftMedicationOrder } from '../draft-medications';
import { refOf } from '../../brief/embedded/fhir-values';
import { identifyDrug, type DrugIdentity } from '../../knowledge/drugs/drug-identity';

// The medication orders rules and the brief read: the chart's active orders (one definition of
// "active") and a call's drafts, each with what identifyDrug says it contains. Unknown drugs keep
// `identity.known === false`: each reader decides to leave them out, none guesses.

/**
 * An order the patient is taking: status `active` (https://hl7.org/fhir/R4/valueset-medicationrequest-status.html;
 * on-hold, stopped, completed, cancelled, draft and entered-in-error are not), and not a
 * `doNotPerform` order, which says the drug must not be given.
 */
export function isActiveOrder(request: MedicationRequest): boolean {
  return request.status === 'active' && request.doNotPerform !== true;
}

export interface MedicationOrder {
  /** `MedicationRequest/<id>`: the citation, and the `resourceId` of a delete suggestion for a draft. */
  ref: string;
  /** The order's own drug name ("Warfarin Sodium 5 MG Oral Tablet"). */
  display: string;
  identity: DrugIdentity;
  /** A draft of this call (order-select/order-sign), not an order the chart holds. */
  draft: boolean;
  request: MedicationRequest;
  medication: ResolvedMedication;
}

// A resolved medication is identified once, whichever rule asks first (drafts are shared by every rule of a call).
const identities = new WeakMap<ResolvedMedication, DrugIdentity>();

/** What an order contains, reading the chart's Medication when the order points at one. */
export function identifyOrder(chart: Chart, medication: ResolvedMedication): DrugIdentity {
  let identity = identities.get(medication);
  if (!identity) {
    identity = identifyDrug(medication, medication.medicationRef === undefined ? undefined : chart.medication(medication.medicationRef));
    identities.set(medication, identity);
  }
  return identity;
}

function orderOf(chart: Chart, medication: ResolvedMedication, ref: string, draft: boolean): MedicationOrder {
  return { ref, display: medication.display, identity: identifyOrder(chart, medication), draft, request: medication.request, medication };
}

/** The chart's active medication orders, known drugs or not, in chart order. */
export function activeOrders(chart: Chart): MedicationOrder[] {
  // The chart only holds resources with an id (src/chart/chart.ts), so `refOf` names each one.
  return chart.medications.filter((m) => isActiveOrder(m.request)).map((m) => orderOf(chart, m, refOf(m.request), false));
}

/** The call's draft medication orders, known drugs or not. */
export function draftOrders(chart: Chart, drafts: readonly DraftMedicationOrder[]): MedicationOrder[] {
  return drafts.map((d) => orderOf(chart, d.medication, d.ref, true));
}
