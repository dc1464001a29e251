import { clipText } from '../../brief/embedded/bounds';
import type { Finding, Rule, RuleInput, Severity } from '../rule';
import { checksDraftOrders } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import { assessDigoxinCyclosporine } from './digoxin-cyclosporine-check';
import { orderMonitoring, replaceDraft, removeDrafts } from './draft-suggestions';
import { duplicationOf } from './duplicate-match';
import type { InteractionAssessment, PairContext } from './interaction-assessment';
import type { RiskReading } from './interaction-risk';
import { riskReader } from './interaction-risk';
import { assessListedInteraction } from './listed-interaction-check';
import { assessMechanism } from './mechanism-check';
import type { IdentifiedOrder } from './medication-orders';
import { orderLine, ordersOf } from './medication-orders';
import { assessWarfarinNsaid } from './warfarin-nsaid-check';
import type { PatientRiskKey } from '../../knowledge/interactions/mechanisms/mechanism-row';
import { STANDING_CRITICAL_DAYS } from '../../knowledge/interactions/mechanisms/risk-facts';

// `drug-interaction`: each draft against the chart's active medications and the other drafts
// (order-select, order-sign); on patient-view, the active medications against each other, in one
// grouped card, as warning at most unless a recent patient fact crosses a critical threshold, with
// nothing to delete and without the non-interruptive list. The HL7 PDDI-CDS logic decides warfarin +
// NSAID and digoxin + cyclosporine, the mechanism rows (FDA labels and tables, Beers, CDC) what they
// cover, the ONC lists the rest.

export const DRUG_INTERACTION_RULE_ID = 'drug-interaction';

/** The pairs to check: draft × active and draft × earlier draft on order hooks; active × active on patient-view. */
function pairsOf(ctx: PairContext): [IdentifiedOrder, IdentifiedOrder][] {
  const { drafts, active } = ctx.orders;
  if (!checksDraftOrders(ctx.input.hook)) return active.flatMap((x, i) => active.slice(i + 1).map((y): [IdentifiedOrder, IdentifiedOrder] => [x, y]));
  return drafts.flatMap((d, i) => [...active, ...drafts.slice(0, i)].map((o): [IdentifiedOrder, IdentifiedOrder] => [d, o]));
}

type Reader = (key: PatientRiskKey) => RiskReading | undefined;

function assess(x: IdentifiedOrder, y: IdentifiedOrder, ctx: PairContext, read: Reader): InteractionAssessment | undefined {
  // Non-interruptive pairs are left out on patient-view (long-standing combinations the panel
  // judged not worth an alert would crowd out the overview) and where the pair duplicates
  // therapy (ACE inhibitor + ARB: duplicate-therapy reports it).
  const skipNonInterruptive = !checksDraftOrders(ctx.input.hook) || duplicationOf(x, y) !== undefined;
  return (
    assessWarfarinNsaid(x, y, ctx) ??
    assessDigoxinCyclosporine(x, y, ctx) ??
    assessMechanism(x, y, ctx, read) ??
    assessListedInteraction(x, y, skipNonInterruptive)
  );
}

/** On chart open a long-standing combination is a warning at most, unless a recent fact makes it critical. */
function standingSeverity(a: InteractionAssessment): Severity {
  if (a.severity === 'critical' && a.standingCritical === true) return 'critical';
  return a.severity === 'info' ? 'info' : 'warning';
}

function findingOf(a: InteractionAssessment, input: RuleInput): Finding {
  const orderHook = checksDraftOrders(input.hook);
  const alternative = a.alternative && a.first.draft ? [replaceDraft(a.first, a.alternative, input.chart.patientRef)] : [];
  // Removal is recommended only when it is the one option and the card is more than information.
  const recommendRemoval = alternative.length === 0 && a.severity !== 'info';
  const monitoring = a.monitoring ? [orderMonitoring(a.monitoring, input.chart.patientRef)] : [];
  const suggestions = orderHook ? [...alternative, ...removeDrafts([a.first, a.second], recommendRemoval), ...monitoring] : monitoring;
  const severity = orderHook ? a.severity : standingSeverity(a);
  const capped = severity !== a.severity ? [`Shown as ${severity}: the patient already takes both, and no result of the last ${STANDING_CRITICAL_DAYS} days crosses a critical threshold (a new order would be ${a.severity}).`] : [];
  return {
    ruleId: DRUG_INTERACTION_RULE_ID,
    topic: `ddi:${[...a.ingredients].sort().join('+')}`,
    severity,
    summary: a.summary,
    detail: [`${orderLine(a.first)} with ${orderLine(a.second)}.`, ...a.lines, ...capped].map((l) => `- ${l}`).join('\n'),
    evidence: [...new Set([a.first.ref, a.second.ref, ...a.evidence])],
    source: a.source,
    knowledge: a.knowledge,
    ...(a.severityFact && { severityFact: a.severityFact }),
    ...(suggestions.length > 0 && { suggestions, selectionBehavior: 'at-most-one' as const }),
  };
}

/**
 * Patient-view: the chart's standing interactions as one card (cards.md: one card per problem; the
 * overview must not fill with one card per pair), most severe first, each pair with its own lines.
 */
function grouped(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const top = sorted[0];
  if (!top || sorted.length === 1) return sorted;
  // Cut on a word boundary under 140 characters: the count and the most severe pair lead.
  const summary = clipText(`${sorted.length} interactions among current medications. ${top.summary}`, 138);
  const blocks = sorted.map((f) => `**${f.summary}**\n\n${f.detail}`);
  return [
    {
      ...top,
      topic: 'ddi:standing',
      summary,
      detail: blocks.join('\n\n'),
      evidence: [...new Set(sorted.flatMap((f) => f.evidence))],
      knowledge: [...new Set(sorted.flatMap((f) => f.knowledge))],
      suggestions: sorted.flatMap((f) => f.suggestions ?? []),
    },
  ];
}

/** Lab facts (their `severityFact.code` is a lab key) that the lab-alert card of chart open also reports. */
const ANALYTE_TOPICS: ReadonlySet<string> = new Set(['potassium', 'inr', 'qtc', 'magnesium']);

/**
 * Patient-view: a standing pair whose severity a lab value set (K 6.1 on spironolactone +
 * lisinopril) shares the analyte's topic, so the chart shows one card about that potassium (the
 * most severe of the lab, interaction and dosing findings); the other standing pairs are grouped.
 */
function patientViewFindings(findings: readonly Finding[]): Finding[] {
  const analyteOf = (f: Finding): string | undefined => (f.severityFact && ANALYTE_TOPICS.has(f.severityFact.code) ? f.severityFact.code : undefined);
  const analyte = findings.flatMap((f) => {
    const code = analyteOf(f);
    return code === undefined ? [] : [{ ...f, topic: `lab:${code}` }];
  });
  return [...analyte, ...grouped(findings.filter((f) => analyteOf(f) === undefined))];
}

function evaluate(input: RuleInput): Finding[] {
  const ctx: PairContext = { input, orders: ordersOf(input) };
  const read = riskReader(input);
  const findings = pairsOf(ctx).flatMap(([x, y]) => {
    const assessment = assess(x, y, ctx, read);
    return assessment ? [findingOf(assessment, input)] : [];
  });
  return checksDraftOrders(input.hook) ? findings : patientViewFindings(findings);
}

export const drugInteractionRule: Rule = {
  id: DRUG_INTERACTION_RULE_ID,
  title: 'Drug-drug interactions (mechanism tables, ONC lists, HL7 PDDI-CDS)',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  evaluate,
};
