import type { Chart } from '../../chart/chart';
import { currentPregnancy } from '../../chart/facts/pregnancy';
import { DEFAULT_PROBLEM_WEIGHT } from '../../clinical-codes/problem-importance';
import type { ActiveProblem } from './problems';

// The brief says "pregnant" only when the chart-facts decision does (chart/facts/pregnancy.ts):
// a pregnancy problem left active since 2020 with nothing since is listed as not current, ranked as
// a past situation, and kept out of the headline.

const PREGNANCY_KEY = 'pregnancy';

/** True for a problem the importance table files as pregnancy. */
export function isPregnancyProblem(p: ActiveProblem): boolean {
  return p.importance?.key === PREGNANCY_KEY;
}

/**
 * The problems with stale pregnancies marked "not current" and moved after the rest (weighted as a
 * situation), when the chart holds no current pregnancy; otherwise unchanged.
 */
export function qualifyPregnancyProblems(problems: readonly ActiveProblem[], chart: Chart, asOf: Date): ActiveProblem[] {
  if (!problems.some(isPregnancyProblem) || currentPregnancy(chart, asOf)) return [...problems];
  const stale = problems.filter(isPregnancyProblem).map((p) => ({ ...p, weight: DEFAULT_PROBLEM_WEIGHT.situation, qualifier: p.qualifier === undefined ? 'not current' : `${p.qualifier}, not current` }));
  return [...problems.filter((p) => !isPregnancyProblem(p)), ...stale];
}

/** The headline's "pregnant, 18 wk" (weeks by the estimated delivery date), citing what says so; undefined when not pregnant. */
export function pregnancyHeadlinePart(chart: Chart, asOf: Date): { text: string; evidence: string[] } | undefined {
  const pregnancy = currentPregnancy(chart, asOf);
  if (!pregnancy) return undefined;
  return { text: pregnancy.weeks === undefined ? 'pregnant' : `pregnant, ${pregnancy.weeks} wk`, evidence: pregnancy.evidence };
}
