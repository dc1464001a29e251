import { formatNumber, unique } from '../../brief/embedded/fhir-values';
import type { ScreeningRow } from '../../knowledge/care-gaps/screenings';
import { LUNG_SCREENING_SMOKING } from '../../knowledge/care-gaps/smoking-status';
import { addMonths, dayText } from './dates';
import { type GapContext, missingSections } from './gap-assessment';
import { cvRiskFactors } from './risk-facts';
import { type SmokingHistory, smokingHistory, smokingNotRecorded, type SmokingRecord } from './smoking-history';

// Who a screening applies to beyond age and sex, as the chart shows it: a cardiovascular risk
// factor (lipids), ever smoking (AAA), heavy and recent smoking (lung cancer).

/** eligible: the chart shows the patient qualifies; not-indicated: it shows they do not; unknown: it cannot say. */
export type Eligibility =
  | { kind: 'eligible'; text: string; evidence: string[] }
  | { kind: 'not-indicated'; reason: string; evidence: string[] }
  | { kind: 'unknown'; reason: string; evidence: string[] };

function cite(ref: string): string {
  return `\`${ref}\``;
}

/** AAA (USPSTF 2019): men 65–75 who have ever smoked; a recorded never-smoker is outside it. */
function everSmoked(ctx: GapContext, age: string): Eligibility {
  const patient = ctx.chart.patientRef;
  const smoking = smokingHistory(ctx);
  if (smoking.ever) return { kind: 'eligible', text: `${age}, has smoked`, evidence: [patient, smoking.ever.ref] };
  if (smoking.latest) return { kind: 'not-indicated', reason: `never smoked ${cite(smoking.latest.ref)}`, evidence: [smoking.latest.ref] };
  return { kind: 'unknown', reason: smokingNotRecorded(ctx), evidence: [patient] };
}

/** Smoking now, or stopped within 15 years: the text that shows it, or why not (not indicated, unknown). */
function recentSmoking(ctx: GapContext, latest: SmokingRecord, last: SmokingHistory['lastSmoking']): Eligibility | { text: string; ref: string } {
  if (latest.kind === 'current') return { text: `smokes ${cite(latest.ref)}`, ref: latest.ref };
  const years = LUNG_SCREENING_SMOKING.maxYearsSinceQuit;
  if (last && addMonths(last.time, years * 12) > ctx.asOf.getTime()) return { text: `${last.quit ? 'quit' : 'last recorded smoking'} ${dayText(last.time)} ${cite(last.ref)}`, ref: last.ref };
  if (last?.quit === true) return { kind: 'not-indicated', reason: `quit ${dayText(last.time)} ${cite(last.ref)}, over ${years} years ago`, evidence: [last.ref] };
  const known = last ? `; last recorded smoking ${dayText(last.time)} ${cite(last.ref)}` : '';
  const what = latest.kind === 'former' ? 'quit date not recorded' : 'current smoking status not recorded';
  return { kind: 'unknown', reason: `${what} ${cite(latest.ref)}${known}`, evidence: unique([latest.ref, ...(last ? [last.ref] : [])]) };
}

/** Lung cancer (USPSTF 2021): 50–80, ≥ 20 pack-years, smoking now or quit within the past 15 years. */
function lungCancerRisk(ctx: GapContext, age: string): Eligibility {
  const patient = ctx.chart.patientRef;
  const { ever, latest, lastSmoking, packYears } = smokingHistory(ctx);
  if (!ever || !latest) return latest ? { kind: 'not-indicated', reason: `never smoked ${cite(latest.ref)}`, evidence: [latest.ref] } : { kind: 'unknown', reason: smokingNotRecorded(ctx), evidence: [patient] };
  if (!packYears) return { kind: 'unknown', reason: `has smoked ${cite(ever.ref)}; pack-years not recorded`, evidence: [ever.ref] };
  const packText = `${formatNumber(packYears.value, 1)} pack-years ${cite(packYears.ref)}`;
  const min = LUNG_SCREENING_SMOKING.minPackYears;
  if (packYears.value < min) return { kind: 'not-indicated', reason: `${packText}, under ${min}`, evidence: [packYears.ref] };
  const recent = recentSmoking(ctx, latest, lastSmoking);
  if ('kind' in recent) return recent;
  return { kind: 'eligible', text: `${age}, ${packText}, ${recent.text}`, evidence: [patient, packYears.ref, recent.ref] };
}

/** The eligibility beyond age and sex; undefined when the screening does not apply and the card need not say so. */
export function eligibility(row: ScreeningRow, ctx: GapContext): Eligibility | undefined {
  const age = `age ${ctx.age.years}`;
  const patient = ctx.chart.patientRef;
  switch (row.requires) {
    case undefined:
      return { kind: 'eligible', text: age, evidence: [patient] };
    case 'cv-risk-factor': {
      const factors = cvRiskFactors(ctx);
      if (factors.length > 0) return { kind: 'eligible', text: `${age}, ${factors.map((f) => f.row.label).join(', ')}`, evidence: [patient, ...factors.map((f) => f.ref)] };
      const missing = missingSections(ctx.chart, ['conditions']);
      return missing === undefined ? undefined : { kind: 'unknown', reason: `risk factors unknown (${missing} unavailable)`, evidence: [patient] };
    }
    case 'ever-smoked':
      return everSmoked(ctx, age);
    case 'lung-cancer-risk':
      return lungCancerRisk(ctx, age);
  }
}
