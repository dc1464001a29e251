import { END_OF_LIFE_EXCLUSIONS } from '../../knowledge/care-gaps/exclusions';
import type { Finding, Rule, RuleInput } from '../rule';
import { careGapFinding, CARE_GAP_RULE_ID } from './care-gap-finding';
import { ChartEvents } from './chart-events';
import { assessDiabetes } from './diabetes-gaps';
import { findExclusion } from './exclusion-check';
import type { GapContext } from './gap-assessment';
import { assessImmunizations } from './immunization-gaps';
import { ageAt, isDeceased, sexOf } from './patient-facts';
import { assessScreenings } from './screening-gaps';

// Care gaps on patient-view: USPSTF A/B screenings, ADA diabetes monitoring and ACIP adult
// immunizations, as one grouped info card. Nothing for the deceased, for patients in hospice or
// palliative care, or when the birth date is unknown (every check depends on age).

function evaluate(input: RuleInput): Finding[] {
  const { chart, asOf } = input;
  if (isDeceased(chart.patient)) return [];
  const age = ageAt(chart.patient.birthDate, asOf);
  if (!age) return [];
  const ctx: GapContext = { chart, asOf, age, sex: sexOf(chart.patient), events: new ChartEvents(chart, asOf) };
  if (findExclusion(END_OF_LIFE_EXCLUSIONS, ctx)) return [];
  const finding = careGapFinding(ctx, [...assessScreenings(ctx), ...assessDiabetes(ctx), ...assessImmunizations(ctx)]);
  return finding ? [finding] : [];
}

export const CARE_GAP_RULE: Rule = {
  id: CARE_GAP_RULE_ID,
  title: 'Care gaps: USPSTF screenings, ADA diabetes monitoring, ACIP immunizations',
  hooks: ['patient-view'],
  evaluate,
};
