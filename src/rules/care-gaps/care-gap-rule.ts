import { END_OF_LIFE_EXCLUSIONS } from '../../knowledge/care-gaps/exclusions';
import type { Chart } from '../../chart/chart';
import { chartFacts } from '../../chart/facts/chart-facts';
import type { Finding, Rule, RuleInput } from '../rule';
import { careGapFinding, CARE_GAP_RULE_ID } from './care-gap-finding';
import { ChartEvents } from './chart-events';
import { assessDiabetes } from './diabetes-gaps';
import { findExclusion } from './exclusion-check';
import type { GapAssessment, GapContext } from './gap-assessment';
import { assessImmunizations } from './immunization-gaps';
import { assessScreenings } from './screening-gaps';
import { assessStatin } from './statin-gap';

// Care gaps on patient-view: statin therapy (ACC/AHA 2018, ADA 2025, USPSTF 2022), USPSTF A/B
// screenings, ADA diabetes monitoring and ACIP adult immunizations, as one grouped info card.
// Nothing for the deceased, for patients in hospice or palliative care, or when the birth date is
// unknown (every check depends on age).

/** The context of the checks, or undefined when no gap applies at all (deceased, no birth date, end of life). */
function gapContext(chart: Chart, asOf: Date): GapContext | undefined {
  const { deceased, age, sex } = chartFacts(chart, asOf).patient;
  if (deceased || !age) return undefined;
  const ctx: GapContext = { chart, asOf, age, sex, events: new ChartEvents(chart, asOf) };
  return findExclusion(END_OF_LIFE_EXCLUSIONS, ctx) ? undefined : ctx;
}

type CareGapAssessment = { ctx: GapContext; assessments: GapAssessment[] } | undefined;

// patient-view asks twice per chart (the care-gap card and the brief's section): assess once.
const assessedCharts = new WeakMap<Chart, { asOf: number; result: CareGapAssessment }>();

/** Every check's conclusion for this chart (empty when none applies). */
export function assessCareGaps(chart: Chart, asOf: Date): CareGapAssessment {
  const known = assessedCharts.get(chart);
  if (known?.asOf === asOf.getTime()) return known.result;
  const ctx = gapContext(chart, asOf);
  const statin = ctx && assessStatin(ctx);
  const result = ctx && { ctx, assessments: [...(statin ? [statin] : []), ...assessScreenings(ctx), ...assessDiabetes(ctx), ...assessImmunizations(ctx)] };
  assessedCharts.set(chart, { asOf: asOf.getTime(), result });
  return result;
}

function evaluate(input: RuleInput): Finding[] {
  const assessed = assessCareGaps(input.chart, input.asOf);
  const finding = assessed && careGapFinding(assessed.ctx, assessed.assessments);
  return finding ? [finding] : [];
}

export const CARE_GAP_RULE: Rule = {
  id: CARE_GAP_RULE_ID,
  title: 'Care gaps: statin therapy, USPSTF screenings, ADA diabetes monitoring, ACIP immunizations',
  hooks: ['patient-view'],
  evaluate,
};
