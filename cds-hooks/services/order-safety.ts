import type { Chart } from '../../src/chart/chart';
import { ruleInputFor } from '../../src/rules/rule-input';
import type { OrderContext } from '../hook-request';
import { draftOrdersBundle } from '../hook-request';
import type { HookDeps, ServiceAnswer } from './cds-service';
import { parseDraftOrders } from './draft-orders';
import { ruleCards } from './rule-cards';

/**
 * Medication safety for order-select and order-sign: every draft order checked against the chart
 * and the other drafts. On order-select, only findings about the orders just selected are shown
 * (the others were already checked when they were selected); a safe draft gets no card.
 */
export function orderSafety(hook: 'order-select' | 'order-sign', context: OrderContext, chart: Chart, deps: HookDeps): ServiceAnswer {
  const { orders } = parseDraftOrders(draftOrdersBundle(context));
  let { findings } = deps.runRules(ruleInputFor(hook, chart, orders, deps.now()));
  const selections = hook === 'order-select' ? context.selections : undefined;
  if (selections && selections.length > 0) {
    const selected = new Set(selections);
    findings = findings.filter((f) => f.evidence.some((ref) => selected.has(ref)));
  }
  const { urgent, info, shown } = ruleCards(findings, deps, new Set(orders.map((o) => `${o.resourceType}/${o.id ?? ''}`)));
  return { response: { cards: [...urgent, ...info] }, shown };
}
