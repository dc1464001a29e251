import { chartFacts, type ChartFacts } from '../../chart/facts/chart-facts';
import { describeLab, formatLab, type LabSeries, type LabValue } from '../../chart/facts/lab-values';
import { daysBetween } from '../../chart/facts/time';
import { LAB_ALERTS, type LabAlert, type LabBand } from '../../knowledge/labs/lab-alerts';
import type { LabKey } from '../../knowledge/labs/lab-definitions';
import type { Finding, Rule, RuleInput } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import { inRange } from './in-range';
import { acuteKidneyInjury, hba1cRising, type LabFindingPart } from './lab-trends';
import { aggravation, rowFor, unresolvedPart } from './unresolved-result';

// Critical and markedly abnormal lab values, and trends, on patient-view. Per analyte only the
// latest final result counts, at its band's severity while current (LabAlert.currentDays); an
// older one, not repeated since, is unresolved (unresolved-result.ts: a warning when drugs or
// conditions aggravate it, else info; never critical) until LabAlert.recheckDays, older still
// nothing. One finding per analyte (topic `lab:<analyte>`), whatever parts it rests on.
//
// Not on order hooks: there the prescriber is deciding an order, and the labs that bear on it are
// cited by the drug rules (renal dosing reads eGFR, CrCl and potassium); an unrelated lab card at
// signing would be the interruption cards.md warns about.

export const LAB_ALERT_RULE_ID = 'lab-alert';

const TRENDS: Partial<Record<LabKey, (series: LabSeries) => LabFindingPart | undefined>> = {
  creatinine: acuteKidneyInjury,
  hba1c: hba1cRising,
};

/** Active warfarin orders (INR targets are warfarin's). */
function warfarinOrders(facts: ChartFacts): string[] {
  return facts
    .activeOrders()
    .filter((o) => o.identity.ingredients.some((i) => i.name.toLowerCase() === 'warfarin'))
    .map((o) => o.ref);
}

/** Whether the value was confirmed: the result before it, when one was taken within the currency window. */
function repeatLine(alert: LabAlert, series: LabSeries): { line: string; evidence: string[] } {
  const latest = series.latest;
  const previous = series.get(1);
  if (latest && previous && daysBetween(previous.at, latest.at) <= alert.currentDays) {
    return { line: `Repeated: ${formatLab(previous, alert.lab)} on ${previous.date} (${previous.ref}), then ${formatLab(latest, alert.lab)}.`, evidence: [previous.ref] };
  }
  return { line: 'Not repeated yet.', evidence: [] };
}

function bandPart(alert: LabAlert, band: LabBand, latest: LabValue, series: LabSeries, ageDays: number, input: RuleInput, warfarin: readonly string[]): LabFindingPart | undefined {
  const onWarfarin = band.onWarfarin === true ? warfarin : [];
  if (ageDays <= alert.currentDays) {
    const drug = onWarfarin.length > 0 ? ' The patient takes warfarin.' : '';
    // One card per analyte (cards.md): it names what on record pushes the value further, and whether it was repeated.
    const worse = aggravation(rowFor(alert, band), input);
    const repeat = repeatLine(alert, series);
    return {
      knowledge: [band.id, ...(worse ? [worse.row.id] : [])],
      source: band.source,
      severity: band.severity,
      summary: `${alert.lab.label} ${formatLab(latest, alert.lab)}: ${band.finding}. ${band.action}`,
      lines: [
        `${describeLab(latest, alert.lab)}.${drug} ${repeat.line}`,
        ...(worse ? [`On record, these ${worse.row.effect}: ${worse.lines.join('; ')} (${worse.row.source.label}).`] : []),
        `${band.source.label}: ${band.finding}.`,
        `Options: ${band.action}`,
      ],
      evidence: [latest.ref, ...repeat.evidence, ...onWarfarin, ...(worse?.evidence ?? [])],
    };
  }
  return ageDays > alert.recheckDays ? undefined : unresolvedPart(alert, band, latest, ageDays, input, onWarfarin);
}

function analyteFinding(alert: LabAlert, input: RuleInput, facts: ChartFacts, warfarin: readonly string[]): Finding | undefined {
  const series = facts.labSeries(alert.lab);
  const latest = series.latest;
  if (!latest) return undefined;
  const ageDays = daysBetween(latest.at, facts.asOf.getTime());
  const band = alert.bands.find((b) => (b.onWarfarin !== true || warfarin.length > 0) && inRange(latest.value, b.range));
  const trend = TRENDS[alert.lab.key];
  const parts = [band && bandPart(alert, band, latest, series, ageDays, input, warfarin), ageDays <= alert.currentDays ? trend?.(series) : undefined]
    .filter((p): p is LabFindingPart => p !== undefined)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const [top] = parts;
  if (!top) return undefined;
  return {
    ruleId: LAB_ALERT_RULE_ID,
    topic: `lab:${alert.lab.key}`,
    severity: top.severity,
    summary: top.summary,
    detail: parts.flatMap((p) => p.lines).join('\n\n'),
    evidence: [...new Set(parts.flatMap((p) => p.evidence))],
    source: top.source,
    knowledge: parts.flatMap((p) => p.knowledge),
  };
}

function evaluate(input: RuleInput): Finding[] {
  const facts = chartFacts(input.chart, input.asOf);
  if (facts.patient.deceased) return [];
  const warfarin = warfarinOrders(facts);
  return LAB_ALERTS.flatMap((alert) => analyteFinding(alert, input, facts, warfarin) ?? []);
}

/** Critical and abnormal lab values (current, or unresolved when older) and trends: AKI, HbA1c rising. */
export const labAlertRule: Rule = {
  id: LAB_ALERT_RULE_ID,
  title: 'Critical and abnormal lab values and trends',
  hooks: ['patient-view'],
  evaluate,
};
