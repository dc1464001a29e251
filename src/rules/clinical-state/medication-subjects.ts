import type { ResolvedMedication } from '../../chart/chart';
import { chartFacts } from '../../chart/facts/chart-facts';
import { draftOrders, type MedicationOrder } from '../../chart/facts/medication-orders';
import type { DrugIdentity } from '../../knowledge/drugs/drug-identity';
import type { FindingSuggestion, RuleInput } from '../rule';
import { checksDraftOrders } from '../rule';

// The medication orders a clinical-state rule looks at: on order-select/order-sign the drafts being
// decided (and only those: the chart's other drugs were decided before), on patient-view the active
// orders (chart-facts). Unknown drugs are left out, never guessed.

export interface MedicationSubject {
  /** `MedicationRequest/id`: the draft (for `delete`) or the chart's active order. */
  ref: string;
  origin: 'draft' | 'active';
  /** As ordered: "Metformin hydrochloride 500 MG Oral Tablet". */
  display: string;
  /** Short, for a summary: "Metformin", "Lisinopril". */
  name: string;
  identity: DrugIdentity;
  medication: ResolvedMedication;
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A known drug taken systemically: renal, pregnancy and Beers cautions are about systemic
 * exposure, so products applied locally (creams, eye drops, inhalers: `identity.local`) are skipped.
 */
function subject(order: MedicationOrder): MedicationSubject | undefined {
  const { identity } = order;
  if (!identity.known || identity.local === true) return undefined;
  const name = capitalised(identity.ingredients.map((i) => i.name).join(' / '));
  return { ref: order.ref, origin: order.draft ? 'draft' : 'active', display: order.display, name, identity, medication: order.medication };
}

/** Drafts on order hooks, active orders on patient-view; known, systemic drugs only. */
export function medicationSubjects(input: RuleInput): MedicationSubject[] {
  const orders = checksDraftOrders(input.hook) ? draftOrders(input.chart, input.drafts) : chartFacts(input.chart, input.asOf).activeOrders();
  return orders.flatMap((o) => subject(o) ?? []);
}

/** Ingredient names of every active order of the chart, for "already taking" and co-therapy checks. */
export function activeIngredients(input: RuleInput): Set<string> {
  return new Set(chartFacts(input.chart, input.asOf).activeOrders().flatMap((o) => o.identity.ingredients.map((i) => i.name.toLowerCase())));
}

/** True for a draft whose every ingredient the patient already takes: a renewal, not a new start. */
export function renewsActive(draft: MedicationSubject, active: ReadonlySet<string>): boolean {
  return draft.identity.ingredients.every((i) => active.has(i.name.toLowerCase()));
}

/** "Remove metformin order": a `delete` of the draft (CDS Hooks 2.0 action, resourceId `Type/id`). */
export function removeDraftSuggestion(s: MedicationSubject): FindingSuggestion {
  return {
    label: `Remove ${s.name.toLowerCase()} order`,
    isRecommended: true,
    actions: [{ type: 'delete', description: `Remove the draft order for ${s.display}.`, resourceId: s.ref }],
  };
}
