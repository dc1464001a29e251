import { INFLUENZA, PNEUMOCOCCAL_PRODUCTS, PNEUMOCOCCAL_SCHEDULE, type PneumococcalProduct } from '../../knowledge/care-gaps/immunizations';
import type { ChartEvent } from './chart-events';
import { addMonths, dayText, seasonStart } from './dates';
import { type GapAssessment, type GapContext, missingSections } from './gap-assessment';
import { eventText } from './interval-text';
import { yearsOn } from '../../chart/facts/patient';
import { dateOf } from '../../chart/facts/time';

// ACIP 2024 adult immunizations (immunizations.ts): influenza every season from 6 months of age,
// pneumococcal conjugate vaccination from 50. Only completed Immunizations count.

type Base = Omit<GapAssessment, 'status' | 'reason' | 'evidence'>;

/** Completed doses of these CVX codes, newest first. */
function doses(ctx: GapContext, cvx: readonly string[]): ChartEvent[] {
  return ctx.events.matching({ cvx }).filter((e) => e.resource.resourceType === 'Immunization');
}

function missingImmunizations(ctx: GapContext, base: Base): GapAssessment | undefined {
  const missing = missingSections(ctx.chart, ['immunizations']);
  return missing === undefined ? undefined : { ...base, status: 'not-assessed', reason: `${missing} unavailable`, evidence: [ctx.chart.patientRef] };
}

function assessInfluenza(ctx: GapContext): GapAssessment | undefined {
  if (ctx.age.months < INFLUENZA.minAgeMonths) return undefined;
  const base: Base = { id: INFLUENZA.id, short: INFLUENZA.short, title: INFLUENZA.title, knowledge: [INFLUENZA.id], order: INFLUENZA.order, source: INFLUENZA.source };
  const start = seasonStart(ctx.asOf, INFLUENZA.seasonStartMonth, INFLUENZA.seasonStartDay);
  const last = doses(ctx, INFLUENZA.cvx)[0];
  if (last && last.time >= start) return { ...base, status: 'met', reason: eventText('dose', last), evidence: [last.ref] };
  const season = `season since ${dayText(start)}`;
  const history = last ? `last ${eventText('dose', last)}` : 'no dose on record';
  return missingImmunizations(ctx, base) ?? { ...base, status: 'due', reason: `${season}: ${history}`, evidence: [ctx.chart.patientRef, ...(last ? [last.ref] : [])] };
}

interface Dose {
  product: PneumococcalProduct;
  label: string;
  event: ChartEvent;
}

/** Every pneumococcal dose, with the product it counts as, newest first. */
function pneumococcalDoses(ctx: GapContext): Dose[] {
  return PNEUMOCOCCAL_PRODUCTS.flatMap((row) => doses(ctx, row.cvx).map((event) => ({ product: row.product, label: row.label, event }))).sort(
    (a, b) => b.event.time - a.event.time,
  );
}

type PneumococcalState = { state: 'complete' | 'unknown' } | { state: 'wait'; from: number } | { state: 'due'; ppsv23Next: boolean };

/** The ACIP 2024 reading of the doses: complete, next dose now or from when, or cannot tell. */
function pneumococcalState(ctx: GapContext, given: Dose[]): PneumococcalState {
  const has = (p: PneumococcalProduct): Dose | undefined => given.find((d) => d.product === p);
  if (has('pcv20') || has('pcv21')) return { state: 'complete' };
  const pcv15 = has('pcv15');
  const ppsv23 = has('ppsv23');
  if (pcv15 && ppsv23) return { state: 'complete' };
  if (has('unspecified')) return { state: 'unknown' };
  if (pcv15) return timed(ctx, pcv15.event.time, PNEUMOCOCCAL_SCHEDULE.afterSingleDoseMonths, true);
  const pcv13 = has('pcv13');
  const ppsv23Age = ppsv23 ? yearsOn(ctx.chart.patient, dateOf(ppsv23.event.time)) : undefined;
  if (pcv13 && ppsv23Age !== undefined && ppsv23Age >= PNEUMOCOCCAL_SCHEDULE.ppsv23CompletesAtAge) return { state: 'complete' };
  const lastPrior = [pcv13, ppsv23].filter((d): d is Dose => d !== undefined).sort((a, b) => b.event.time - a.event.time)[0];
  if (!lastPrior) return { state: 'due', ppsv23Next: false };
  const months = pcv13 && ppsv23 ? PNEUMOCOCCAL_SCHEDULE.afterBothMonths : PNEUMOCOCCAL_SCHEDULE.afterSingleDoseMonths;
  return timed(ctx, lastPrior.event.time, months, false);
}

/** Due now when `months` have passed since `after`; otherwise wait until then. */
function timed(ctx: GapContext, after: number, months: number, ppsv23Next: boolean): PneumococcalState {
  const from = addMonths(after, months);
  return from <= ctx.asOf.getTime() ? { state: 'due', ppsv23Next } : { state: 'wait', from };
}

function assessPneumococcal(ctx: GapContext): GapAssessment | undefined {
  const s = PNEUMOCOCCAL_SCHEDULE;
  if (ctx.age.years < s.minAge) return undefined;
  const base: Base = { id: s.id, short: s.short, title: s.title, knowledge: [s.id], order: s.order, source: s.source };
  const given = pneumococcalDoses(ctx);
  const history = given.map((d) => eventText(d.label, d.event));
  const refs = given.map((d) => d.event.ref);
  const state = pneumococcalState(ctx, given);
  switch (state.state) {
    case 'complete':
      return { ...base, status: 'met', reason: history.join(', '), evidence: refs };
    case 'unknown':
      return { ...base, status: 'not-assessed', reason: `series unclear: ${history.join(', ')}`, evidence: refs };
    case 'wait':
      return { ...base, status: 'met', reason: `${history.join(', ')}; next dose from ${dayText(state.from)}`, evidence: refs };
    case 'due': {
      const order = state.ppsv23Next ? s.orderPpsv23 : s.order;
      const reason = `age ${ctx.age.years}: ${history.length > 0 ? history.join(', ') : 'no dose on record'}; due: ${order.text}`;
      return missingImmunizations(ctx, { ...base, order }) ?? { ...base, order, status: 'due', reason, evidence: [ctx.chart.patientRef, ...refs] };
    }
  }
}

/** Influenza and pneumococcal vaccination, where age makes them apply. */
export function assessImmunizations(ctx: GapContext): GapAssessment[] {
  return [assessInfluenza(ctx), assessPneumococcal(ctx)].filter((a): a is GapAssessment => a !== undefined);
}
