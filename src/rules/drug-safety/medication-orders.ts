import { chartFacts } from '../../chart/facts/chart-facts';
import { draftOrders, type MedicationOrder } from '../../chart/facts/medication-orders';
import type { RuleInput } from '../rule';
import { checksDraftOrders } from '../rule';

// The medication orders the drug-safety rules compare: the chart's active orders and the call's
// drafts (chart-facts), each with what it contains. Orders of unknown drugs are left out (never guessed).

/** A medication order whose drug the tables know. */
export type IdentifiedOrder = MedicationOrder;

/** Drafts and active orders of one call, computed once per rule. */
export interface OrderSet {
  drafts: IdentifiedOrder[];
  active: IdentifiedOrder[];
}

/** Known drafts (order hooks) and known active orders, leaving out active orders that are drafts of this call. */
export function ordersOf(input: RuleInput): OrderSet {
  const draftRefs = new Set(input.drafts.map((d) => d.ref));
  const drafts = checksDraftOrders(input.hook) ? draftOrders(input.chart, input.drafts).filter((o) => o.identity.known) : [];
  const active = chartFacts(input.chart, input.asOf).activeOrders().filter((o) => o.identity.known && !draftRefs.has(o.ref));
  return { drafts, active };
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
