import type { Chart } from '../../src/chart/chart';
import type { Deadline } from '../../src/deadline';
import { quietFindings } from '../../src/ledger/quiet-findings';
import { ruleInputFor } from '../../src/rules/rule-input';
import type { OrderContext } from '../hook-request';
import { draftOrdersBundle } from '../hook-request';
import type { HookDeps, ServiceAnswer } from './cds-service';
import { parseDraftOrders } from './draft-orders';
import { readOverrides } from './past-overrides';
import { ruleCards } from './rule-cards';

/**
 * Medication safety for order-select and order-sign: every draft order checked against the chart
 * and the other drafts. On order-select, only findings about the orders just selected are shown
 * (the others were already checked when they were selected); a safe draft gets no card. At
 * order-sign, what was overridden at order-select for the same draft no longer interrupts.
 */
export async function orderSafety(hook: 'order-select' | 'order-sign', context: OrderContext, chart: Chart, deps: HookDeps, deadline: Deadline): Promise<ServiceAnswer> {
  const now = deps.now();
  // Only order-sign honours overrides (those given at order-select for the same draft): read them while the rules run.
  const overrides = hook === 'order-sign' ? readOverrides(deps, context.patientId, now, deadline) : Promise.resolve([]);
  const { orders } = parseDraftOrders(draftOrdersBundle(context));
  let { findings } = deps.runRules(ruleInputFor(hook, chart, orders, now));
  const selections = hook === 'order-select' ? context.selections : undefined;
  if (selections && selections.length > 0) {
    const selected = new Set(selections);
    findings = findings.filter((f) => f.evidence.some((ref) => selected.has(ref)));
  }
  const draftRefs = orders.map((o) => `${o.resourceType}/${o.id ?? ''}`);
  findings = quietFindings(findings, await overrides, { hook, now, quietDays: deps.overrideQuietDays, draftRefs });
  const { urgent, info, shown } = ruleCards(findings, deps, new Set(draftRefs));
  return { response: { cards: [...urgent, ...info] }, shown };
}
