import type { Finding, Rule, RuleInput, Severity } from '../rule';
import { assessDigoxinCyclosporine } from './digoxin-cyclosporine-check';
import { replaceDraft, removeDrafts } from './draft-suggestions';
import { duplicationOf } from './duplicate-match';
import type { InteractionAssessment, PairContext } from './interaction-assessment';
import { assessListedInteraction } from './listed-interaction-check';
import type { IdentifiedOrder } from './medication-orders';
import { orderLine, ordersOf } from './medication-orders';
import { assessWarfarinNsaid } from './warfarin-nsaid-check';

// `drug-interaction`: each draft against the chart's active medications and the other drafts
// (order-select, order-sign); on patient-view, the active medications against each other, as
// warning at most, with nothing to delete and without the non-interruptive list. The HL7 PDDI-CDS logic decides warfarin +
// NSAID and digoxin + cyclosporine; the ONC lists decide the rest.

export const DRUG_INTERACTION_RULE_ID = 'drug-interaction';

/** The pairs to check: draft × active and draft × earlier draft on order hooks; active × active on patient-view. */
function pairsOf(ctx: PairContext): [IdentifiedOrder, IdentifiedOrder][] {
  const { drafts, active } = ctx.orders;
  if (ctx.input.hook === 'patient-view') return active.flatMap((x, i) => active.slice(i + 1).map((y): [IdentifiedOrder, IdentifiedOrder] => [x, y]));
  return drafts.flatMap((d, i) => [...active, ...drafts.slice(0, i)].map((o): [IdentifiedOrder, IdentifiedOrder] => [d, o]));
}

function assess(x: IdentifiedOrder, y: IdentifiedOrder, ctx: PairContext): InteractionAssessment | undefined {
  // Non-interruptive pairs are left out on patient-view (long-standing combinations the panel
  // judged not worth an alert would crowd out the overview) and where the pair duplicates
  // therapy (ACE inhibitor + ARB: duplicate-therapy reports it).
  const skipNonInterruptive = ctx.input.hook === 'patient-view' || duplicationOf(x, y) !== undefined;
  return assessWarfarinNsaid(x, y, ctx) ?? assessDigoxinCyclosporine(x, y, ctx) ?? assessListedInteraction(x, y, skipNonInterruptive);
}

const PATIENT_VIEW_CAP: Record<Severity, Severity> = { critical: 'warning', warning: 'warning', info: 'info' };

function findingOf(a: InteractionAssessment, input: RuleInput): Finding {
  const orderHook = input.hook !== 'patient-view';
  const alternative = a.alternative && a.first.draft ? [replaceDraft(a.first, a.alternative, input.chart.patientRef)] : [];
  // Removal is recommended only when it is the one option and the card is more than information.
  const recommendRemoval = alternative.length === 0 && a.severity !== 'info';
  const suggestions = orderHook ? [...alternative, ...removeDrafts([a.first, a.second], recommendRemoval)] : [];
  return {
    ruleId: DRUG_INTERACTION_RULE_ID,
    topic: `ddi:${[...a.ingredients].sort().join('+')}`,
    severity: orderHook ? a.severity : PATIENT_VIEW_CAP[a.severity],
    summary: a.summary,
    detail: [`${orderLine(a.first)} with ${orderLine(a.second)}.`, ...a.lines].map((l) => `- ${l}`).join('\n'),
    evidence: [...new Set([a.first.ref, a.second.ref, ...a.evidence])],
    source: a.source,
    knowledge: a.knowledge,
    ...(suggestions.length > 0 && { suggestions, selectionBehavior: 'at-most-one' as const }),
  };
}

function evaluate(input: RuleInput): Finding[] {
  const ctx: PairContext = { input, orders: ordersOf(input) };
  return pairsOf(ctx).flatMap(([x, y]) => {
    const assessment = assess(x, y, ctx);
    return assessment ? [findingOf(assessment, input)] : [];
  });
}

export const drugInteractionRule: Rule = {
  id: DRUG_INTERACTION_RULE_ID,
  title: 'Drug-drug interactions (ONC lists, HL7 PDDI-CDS)',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  evaluate,
};
