import { refOf } from '../../brief/embedded/fhir-values';
import { isActiveCondition } from '../../brief/embedded/problems';
import { DIABETES_CONDITIONS, DIABETES_MONITORING, type DiabetesMonitoringRow } from '../../knowledge/care-gaps/diabetes-monitoring';
import { conceptMatches } from './code-match';
import { type GapAssessment, type GapContext, missingSections } from './gap-assessment';
import { hba1cSchedule } from './hba1c-schedule';
import { eventText, intervalText, stillCounts } from './interval-text';

// ADA diabetes monitoring (diabetes-monitoring.ts) for an adult with active diabetes.

/** ADA's adult standards; children with diabetes follow the pediatric schedule (not covered). */
const ADULT_AGE = 18;

function assessRow(row: DiabetesMonitoringRow, ctx: GapContext, diabetesRef: string): GapAssessment {
  const base = { id: row.id, short: row.short, title: row.title, order: row.order, source: row.source };
  const last = ctx.events.latest(row.codes);
  const schedule = row.id === 'hba1c' ? hba1cSchedule(ctx, last) : { months: row.intervalMonths, notes: [], evidence: [], knowledge: [] };
  const knowledge = [`diabetes-${row.id}`, ...schedule.knowledge];
  if (last && stillCounts(last.time, schedule.months, ctx.asOf)) {
    return { ...base, knowledge, status: 'met', reason: eventText('last', last), evidence: [last.ref, ...schedule.evidence] };
  }
  const missing = missingSections(ctx.chart, row.evidenceSections);
  if (missing !== undefined) return { ...base, knowledge, status: 'not-assessed', reason: `${missing} unavailable`, evidence: [diabetesRef] };
  const every = `every ${intervalText(schedule.months)}${schedule.notes.length > 0 ? ` (${schedule.notes.join('; ')})` : ''}`;
  const history = last ? eventText('last', last) : 'none on record';
  return {
    ...base,
    knowledge,
    status: 'due',
    reason: `diabetes \`${diabetesRef}\`: ${history}; due ${every}`,
    evidence: [diabetesRef, ...(last ? [last.ref] : []), ...schedule.evidence],
  };
}

/** HbA1c, urine albumin, eye and foot exams for an adult with active diabetes; none otherwise. */
export function assessDiabetes(ctx: GapContext): GapAssessment[] {
  if (ctx.age.years < ADULT_AGE) return [];
  const diabetes = ctx.chart.conditions.find((c) => isActiveCondition(c) && conceptMatches(c.code, DIABETES_CONDITIONS));
  return diabetes ? DIABETES_MONITORING.map((row) => assessRow(row, ctx, refOf(diabetes))) : [];
}
