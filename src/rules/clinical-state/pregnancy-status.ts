import type { CodeableConcept, Condition, Observation, Procedure } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { ICD10, ICD10_CM, LOINC, SNOMED_CT } from '../../clinical-codes/code-systems';
import { codesOf, conceptText, datePart, instantOf, observationTimeText, refOf, statusCode } from '../../brief/embedded/fhir-values';
import { isActiveCondition } from '../../brief/embedded/problems';
import {
  PREGNANCY_CONDITIONS,
  PREGNANCY_CURRENCY,
  PREGNANCY_END_CONDITIONS,
  PREGNANCY_END_PROCEDURES,
  PREGNANCY_TESTS,
  type PregnancyCodes,
} from '../../knowledge/pregnancy/pregnancy-codes';
import { daysBetween } from './patient-facts';

// Is the patient pregnant at asOf, by what the chart says? An active pregnancy Condition that is
// not over (no delivery, miscarriage or termination since its onset, onset within ~43 weeks), or a
// recent positive hCG test not followed by a negative one or an ended pregnancy. Patient.gender is
// not consulted: it is administrative, and the chart's clinical record wins.

export interface PregnancyStatus {
  /** Markdown: what says so, with its date. */
  basis: string;
  evidence: string[];
}

const RESULT_STATUSES: ReadonlySet<string> = new Set(['final', 'amended', 'corrected']);
const EXCLUDED_VERIFICATION: ReadonlySet<string> = new Set(['entered-in-error', 'refuted']);

function hasCode(concept: CodeableConcept | undefined, codes: PregnancyCodes): boolean {
  if (codesOf(concept, [SNOMED_CT]).some((c) => codes.snomed.includes(c))) return true;
  return codesOf(concept, [ICD10_CM, ICD10]).some((c) => codes.icd10.some((p) => c.replaceAll('.', '').toUpperCase().startsWith(p)));
}

function conditionStart(c: Condition): number | undefined {
  return instantOf(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate);
}

/** When recorded pregnancies ended: miscarriages, terminations, deliveries (not refuted, not in error). */
function pregnancyEnds(chart: Chart, asOf: number): number[] {
  const fromConditions = chart.conditions
    .filter((c) => hasCode(c.code, PREGNANCY_END_CONDITIONS) && !EXCLUDED_VERIFICATION.has(statusCode(c.verificationStatus) ?? ''))
    .map(conditionStart);
  const fromProcedures = chart.procedures
    .filter((p: Procedure) => p.status === 'completed' && hasCode(p.code, PREGNANCY_END_PROCEDURES))
    .map((p) => instantOf(p.performedDateTime ?? p.performedPeriod?.start));
  return [...fromConditions, ...fromProcedures].filter((t): t is number => t !== undefined && t <= asOf);
}

function fromCondition(chart: Chart, asOf: number, ends: readonly number[]): PregnancyStatus | undefined {
  const current = chart.conditions
    .filter((c) => c.id && isActiveCondition(c) && hasCode(c.code, PREGNANCY_CONDITIONS))
    .map((c) => ({ c, start: conditionStart(c) }))
    .filter(({ start }) => start === undefined || (start <= asOf && daysBetween(start, asOf) <= PREGNANCY_CURRENCY.maxConditionDays && !ends.some((e) => e >= start)))
    .sort((a, b) => (b.start ?? 0) - (a.start ?? 0));
  const found = current[0];
  if (!found) return undefined;
  const since = datePart(found.c.onsetDateTime ?? found.c.onsetPeriod?.start ?? found.c.recordedDate);
  const basis = ['Active problem:', conceptText(found.c.code), since && `(since ${since})`].filter((part) => typeof part === 'string').join(' ');
  return { basis, evidence: [refOf(found.c)] };
}

function testResult(o: Observation): 'positive' | 'negative' | undefined {
  const codes = codesOf(o.valueCodeableConcept, [SNOMED_CT]);
  if (codes.some((c) => (PREGNANCY_TESTS.positiveSnomed as readonly string[]).includes(c))) return 'positive';
  if (codes.some((c) => (PREGNANCY_TESTS.negativeSnomed as readonly string[]).includes(c))) return 'negative';
  const text = (conceptText(o.valueCodeableConcept) ?? o.valueString ?? '').toLowerCase();
  if (/negative|not detected/.test(text)) return 'negative';
  return /positive|detected/.test(text) ? 'positive' : undefined;
}

function fromTest(chart: Chart, asOf: number, ends: readonly number[]): PregnancyStatus | undefined {
  const tests = chart.observations
    .filter((o) => o.id && RESULT_STATUSES.has(o.status) && codesOf(o.code, [LOINC]).some((c) => (PREGNANCY_TESTS.loinc as readonly string[]).includes(c)))
    .map((o) => ({ o, at: instantOf(observationTimeText(o)), result: testResult(o) }))
    .filter((t): t is { o: Observation; at: number; result: 'positive' | 'negative' } => t.at !== undefined && t.at <= asOf && t.result !== undefined)
    .sort((a, b) => b.at - a.at);
  const latest = tests[0];
  if (!latest || latest.result !== 'positive' || daysBetween(latest.at, asOf) > PREGNANCY_CURRENCY.positiveTestDays || ends.some((e) => e >= latest.at)) return undefined;
  return { basis: `Positive pregnancy test on ${datePart(observationTimeText(latest.o)) ?? 'an unreadable date'}`, evidence: [refOf(latest.o)] };
}

/** The chart's evidence that the patient is pregnant at asOf, or undefined. */
export function currentPregnancy(chart: Chart, asOf: Date): PregnancyStatus | undefined {
  const now = asOf.getTime();
  const ends = pregnancyEnds(chart, now);
  return fromCondition(chart, now, ends) ?? fromTest(chart, now, ends);
}
