import { isComplete } from '../../brief/embedded/availability';
import { formatNumber } from '../../brief/embedded/fhir-values';
import { chartFacts } from '../../chart/facts/chart-facts';
import { describeLab, formatLab, type LabValue } from '../../chart/facts/lab-values';
import { LAB_AGGRAVATORS, type LabAggravators } from '../../knowledge/labs/lab-aggravators';
import type { LabAlert, LabBand } from '../../knowledge/labs/lab-alerts';
import { readRisk } from '../drug-safety/interaction-risk';
import type { RuleInput } from '../rule';
import { selects } from './drug-selector';
import type { LabFindingPart } from './lab-trends';

// A dangerous value older than its currency window that nobody repeated does not vanish: it is an
// unresolved result. Never critical (it may have resolved), but a warning when the patient takes a
// drug or has a condition that pushes the analyte further the dangerous way (LAB_AGGRAVATORS:
// potassium with an ACE inhibitor and CKD), information otherwise. The card names what aggravates it.

const SUMMARY_MAX = 139;

/** What makes the value worse in this patient: the drugs and facts found, in words with citations. */
export interface Aggravation {
  row: LabAggravators;
  /** Short names for the summary: "lisinopril", "kidney disease". */
  names: string[];
  /** Detail phrases, each naming its `Type/id`. */
  lines: string[];
  evidence: string[];
}

/** The side of the band: below a bound is low, at or above one is high. */
function sideOf(band: LabBand): 'high' | 'low' {
  return band.range.below !== undefined || band.range.atMost !== undefined ? 'low' : 'high';
}

export function rowFor(alert: LabAlert, band: LabBand): LabAggravators | undefined {
  return LAB_AGGRAVATORS.find((r) => r.lab === alert.lab.key && r.direction === sideOf(band));
}

export function aggravation(row: LabAggravators | undefined, input: RuleInput): Aggravation | undefined {
  if (!row) return undefined;
  const selector = { classes: row.drugClasses, ingredients: row.ingredients };
  const drugs = chartFacts(input.chart, input.asOf)
    .activeOrders()
    .filter((o) => o.identity.local !== true && selects(selector, o.identity));
  const conditions = row.conditions;
  const facts = (conditions?.keys ?? []).flatMap((key) => {
    const reading = readRisk(key, input);
    return reading?.holds === true ? [reading] : [];
  });
  if (drugs.length === 0 && facts.length === 0) return undefined;
  const named = drugs.map((o) => ({ ref: o.ref, name: o.identity.ingredients.map((i) => i.name).join('/') }));
  return {
    row,
    names: [...new Set(named.map((d) => d.name)), ...(conditions && facts.length > 0 ? [conditions.label] : [])],
    lines: [...named.map((d) => `${d.name} (${d.ref})`), ...facts.map((f) => f.text)],
    evidence: [...named.map((d) => d.ref), ...facts.flatMap((f) => f.evidence)],
  };
}

/** Why it is only information: nothing on record aggravates it (said only from complete medication and problem lists). */
function nothingWorse(row: LabAggravators | undefined, input: RuleInput): string[] {
  if (!row || !isComplete(input.chart, 'medications') || !isComplete(input.chart, 'conditions')) return [];
  return [`No active drug or recorded condition that would ${row.effect} further: information only.`];
}

/** The first summary that fits a card (< 140 characters): with the finding, then without it, then counted. */
function summaryOf(alert: LabAlert, band: LabBand, latest: LabValue, found: Aggravation | undefined): string {
  const head = `${alert.lab.label} ${formatLab(latest, alert.lab)} (${latest.date}) unresolved, not repeated`;
  if (!found) return `${head}: ${band.finding}. Repeat it.`;
  const names = found.names.join(', ');
  const named = [`${head}: ${band.finding}; worsened by ${names}. Repeat now.`, `${head}; worsened by ${names}. Repeat now.`];
  return named.find((c) => c.length <= SUMMARY_MAX) ?? `${head}; worsened by ${found.names.length} drugs and conditions on record. Repeat now.`;
}

/**
 * The part for a value in a band but past `alert.currentDays`: "unresolved, not repeated since",
 * a warning when something on record aggravates it, else info. `warfarin`: the active warfarin
 * orders a warfarin-only band cites.
 */
export function unresolvedPart(alert: LabAlert, band: LabBand, latest: LabValue, ageDays: number, input: RuleInput, warfarin: readonly string[]): LabFindingPart {
  const row = rowFor(alert, band);
  const found = aggravation(row, input);
  const days = formatNumber(ageDays, 0);
  const drug = warfarin.length > 0 ? ' The patient takes warfarin.' : '';
  const worse = found
    ? [`What makes it worse, and makes this a warning: ${found.lines.join('; ')} — these ${found.row.effect} (${found.row.source.label}).`]
    : nothingWorse(row, input);
  return {
    severity: found ? 'warning' : 'info',
    summary: summaryOf(alert, band, latest, found),
    lines: [
      `${describeLab(latest, alert.lab)}, ${days} days ago: unresolved, not repeated since.${drug}`,
      ...worse,
      `${band.source.label}: ${band.finding}.`,
      `Options: repeat it now, before acting on it; if confirmed: ${band.action.charAt(0).toLowerCase()}${band.action.slice(1)}`,
    ],
    evidence: [latest.ref, ...warfarin, ...(found?.evidence ?? [])],
    knowledge: [band.id, ...(found ? [found.row.id] : [])],
    source: found ? found.row.source : band.source,
  };
}
