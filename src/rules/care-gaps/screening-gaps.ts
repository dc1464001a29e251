import { SCREENINGS, type ScreeningMethod, type ScreeningRow } from '../../knowledge/care-gaps/screenings';
import { STATIN_INGREDIENTS } from '../../knowledge/care-gaps/risk-factors';
import type { ChartEvent } from './chart-events';
import { findExclusion } from './exclusion-check';
import { type GapAssessment, type GapContext, missingSections } from './gap-assessment';
import { eventText, intervalText, orList, stillCounts } from './interval-text';
import { activeOrdersOf } from './risk-facts';
import { eligibility } from './screening-eligibility';

// USPSTF screenings (screenings.ts) for this patient: due, met, excluded, not indicated (the chart
// shows the patient outside the recommendation), or not assessable.

type Base = Omit<GapAssessment, 'status' | 'reason' | 'evidence'>;

function applicableMethods(row: ScreeningRow, ctx: GapContext): ScreeningMethod[] {
  return row.methods.filter((m) => m.minAge === undefined || ctx.age.years >= m.minAge);
}

/** What meets the screening now: a recent enough test, or (lipids) an active statin. */
function metBy(row: ScreeningRow, ctx: GapContext): { text: string; ref: string; knowledge: string } | undefined {
  for (const method of applicableMethods(row, ctx)) {
    const last = ctx.events.latest(method.codes);
    if (last && stillCounts(last.time, method.intervalMonths, ctx.asOf)) return { text: eventText(method.label, last), ref: last.ref, knowledge: method.id };
  }
  const statin = row.metByStatin ? activeOrdersOf(ctx, ['statin'], STATIN_INGREDIENTS)[0] : undefined;
  return statin ? { text: `on a statin \`${statin.ref}\``, ref: statin.ref, knowledge: 'statin' } : undefined;
}

/** The most recent test of any applicable method, however old, with its method. */
function lastDone(row: ScreeningRow, ctx: GapContext): { method: ScreeningMethod; event: ChartEvent } | undefined {
  let best: { method: ScreeningMethod; event: ChartEvent } | undefined;
  for (const method of applicableMethods(row, ctx)) {
    const event = ctx.events.latest(method.codes);
    if (event && (!best || event.time > best.event.time)) best = { method, event };
  }
  return best;
}

function assessScreening(row: ScreeningRow, ctx: GapContext): GapAssessment | undefined {
  if (ctx.age.years < row.minAge || ctx.age.years > row.maxAge) return undefined;
  const base: Base = { id: row.id, short: row.short, title: row.title, knowledge: [row.id], order: row.order, source: row.source };
  const patient = ctx.chart.patientRef;
  if (row.sex !== undefined && ctx.sex === undefined) return { ...base, status: 'not-assessed', reason: 'sex not recorded', evidence: [patient] };
  if (row.sex !== undefined && ctx.sex !== row.sex) return undefined;
  const excluded = findExclusion(row.exclusions, ctx);
  if (excluded) return { ...base, knowledge: [row.id, excluded.row.id], status: 'excluded', reason: `${excluded.row.label} \`${excluded.ref}\``, evidence: [excluded.ref] };
  const who = eligibility(row, ctx);
  if (who === undefined) return undefined;
  if (who.kind === 'not-indicated') return { ...base, status: 'not-indicated', reason: who.reason, evidence: who.evidence };
  if (who.kind === 'unknown') return { ...base, status: 'not-assessed', reason: who.reason, evidence: who.evidence };
  const met = metBy(row, ctx);
  if (met) return { ...base, knowledge: [row.id, met.knowledge], status: 'met', reason: met.text, evidence: [met.ref] };
  const missing = missingSections(ctx.chart, row.evidenceSections);
  if (missing !== undefined) return { ...base, status: 'not-assessed', reason: `${missing} unavailable`, evidence: [patient] };
  const last = lastDone(row, ctx);
  const options = orList(applicableMethods(row, ctx).map((m) => `${m.label} (${intervalText(m.intervalMonths)})`));
  const history = last ? `last ${eventText(last.method.label, last.event)}; due: ${options}` : `no ${options} on record`;
  return { ...base, status: 'due', reason: `${who.text}: ${history}`, evidence: [...who.evidence, ...(last ? [last.event.ref] : [])] };
}

/** Every USPSTF screening that applies to this patient's age and sex, assessed. */
export function assessScreenings(ctx: GapContext): GapAssessment[] {
  return SCREENINGS.flatMap((row) => {
    const a = assessScreening(row, ctx);
    return a ? [a] : [];
  });
}
