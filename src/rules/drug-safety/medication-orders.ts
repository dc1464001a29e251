import type { MedicationRequest } from 'fhir/r4';
import { refOf } from '../../brief/embedded/fhir-values';
import type { Chart, ResolvedMedication } from '../../chart/chart';
import type { DrugIdentity } from '../../knowledge/drugs/drug-identity';
import { identifyDrug } from '../../knowledge/drugs/drug-identity';
import type { RuleInput } from '../rule';

// The medication orders the drug-safety rules compare: the chart's active orders and the call's
// drafts, each with what it contains. Orders of unknown drugs are left out (never guessed).

export interface IdentifiedOrder {
  /** `MedicationRequest/<id>`: the citation, and the `resourceId` of a delete suggestion for a draft. */
  ref: string;
  /** The order's own drug name ("Warfarin Sodium 5 MG Oral Tablet"). */
  display: string;
  identity: DrugIdentity;
  draft: boolean;
  request: MedicationRequest;
}

/** An order the patient is taking now: active and not a do-not-perform order. */
export function isActiveOrder(request: MedicationRequest): boolean {
  return request.status === 'active' && request.doNotPerform !== true;
}

function identified(med: ResolvedMedication, ref: string, draft: boolean, chart: Chart): IdentifiedOrder | undefined {
  const resource = med.medicationRef === undefined ? undefined : chart.medication(med.medicationRef);
  const identity = identifyDrug(med, resource);
  return identity.known ? { ref, display: med.display, identity, draft, request: med.request } : undefined;
}

/** The chart's active medication orders whose drug is known, minus any that are drafts of this call. */
export function activeOrders(chart: Chart, draftRefs: ReadonlySet<string> = new Set()): IdentifiedOrder[] {
  // The chart only holds resources with an id (src/chart/chart.ts), so `refOf` names each one.
  return chart.medications.flatMap((med) => {
    const ref = refOf(med.request);
    if (draftRefs.has(ref) || !isActiveOrder(med.request)) return [];
    return identified(med, ref, false, chart) ?? [];
  });
}

/** The call's draft medication orders whose drug is known. */
export function draftOrders(input: RuleInput): IdentifiedOrder[] {
  return input.drafts.flatMap((d) => identified(d.medication, d.ref, true, input.chart) ?? []);
}

/** Drafts and active orders of one call, computed once per rule. */
export interface OrderSet {
  drafts: IdentifiedOrder[];
  active: IdentifiedOrder[];
}

export function ordersOf(input: RuleInput): OrderSet {
  const drafts = input.hook === 'patient-view' ? [] : draftOrders(input);
  return { drafts, active: activeOrders(input.chart, new Set(input.drafts.map((d) => d.ref))) };
}

/** "warfarin", "amoxicillin/clavulanate": the order's ingredients by generic name. */
export function drugName(order: IdentifiedOrder): string {
  return order.identity.ingredients.map((i) => i.name).join('/');
}

/** The first letter upper-cased, for the start of a summary. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The text cut to `max` characters with an ellipsis, for names quoted in a summary (< 140 characters). */
export function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** How the detail names an order: its display, whether drafted or active, and its citation. */
export function orderLine(order: IdentifiedOrder): string {
  const since = order.request.authoredOn?.slice(0, 10);
  const state = order.draft ? 'new order' : `active${since === undefined ? '' : ` since ${since}`}`;
  return `**${order.display}** (${state}; ${order.ref})`;
}
