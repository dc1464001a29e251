import type { CodeableConcept, Condition, Observation } from 'fhir/r4';
import { codesOf, compareText, conceptText, datePart, instantOf, observationTimeText, refOf, statusCode } from '../../brief/embedded/fhir-values';
import { isActiveCondition } from '../../brief/embedded/problems';
import { ICD10, ICD10_CM, LOINC, SNOMED_CT } from '../../clinical-codes/code-systems';
import {
  PREGNANCY_CONDITIONS,
  PREGNANCY_CURRENCY,
  PREGNANCY_EDD,
  PREGNANCY_END_CONDITIONS,
  PREGNANCY_END_PROCEDURES,
  PREGNANCY_STATUS,
  PREGNANCY_TESTS,
  type PregnancyCodes,
} from '../../knowledge/pregnancy/pregnancy-codes';
import type { Chart } from '../chart';
import { codedObservations } from './observation-index';
import { isFinalResult } from './result-status';
import { DAY_MS } from './time';

// Is the patient pregnant at asOf? Decided from dates, once, for the rules and the brief alike.
// Every record that says "pregnant" holds for a bounded span from its date: an active pregnancy
// problem or a "Pregnant" status (LOINC 82810-3) for ~43 weeks, a positive hCG test for 60 days,
// an estimated delivery date until 14 days after it. Anything dated at or after it that says the
// pregnancy is over (a delivery, miscarriage or termination; a "Not pregnant" status; a negative
// test) ends it. So a pregnancy recorded in 2020 with nothing since is not current in 2026.
// Patient.gender is not consulted: it is administrative, and the chart's clinical record wins.

/** One record saying she is pregnant: "Pregnancy status: Pregnant on 2026-05-20", and its `Type/id`. */
export interface PregnancyRecord {
  text: string;
  ref: string;
}

/** What the chart says about a current pregnancy. */
export interface PregnancyStatus {
  /** What says she is pregnant, with dates: newest first (at most three), then the estimated delivery date. */
  records: PregnancyRecord[];
  /** `Type/id` of those records. */
  evidence: string[];
  /** The first of them (the newest, an EDD only when nothing else says so): code (LOINC or SNOMED CT / ICD-10), `Type/id`, date. */
  fact: { code: string; ref: string; date?: string };
  /** The estimated delivery date (YYYY-MM-DD) of a current EDD observation. */
  edd?: string;
  /** Completed weeks of gestation at asOf, from that EDD. */
  weeks?: number;
}

/** A record saying "pregnant": from `at` (undefined: undated) until `until`. */
interface Sign {
  at: number | undefined;
  until: number;
  /** The calendar date it was recorded for, as written. */
  date?: string;
  ref: string;
  code: string;
  text: string;
  edd?: { date: string; at: number };
}

const EXCLUDED_VERIFICATION: ReadonlySet<string> = new Set(['entered-in-error', 'refuted']);
const C = PREGNANCY_CURRENCY;

function matchedCode(concept: CodeableConcept | undefined, codes: PregnancyCodes): string | undefined {
  const snomed = codesOf(concept, [SNOMED_CT]).find((c) => codes.snomed.includes(c));
  return snomed ?? codesOf(concept, [ICD10_CM, ICD10]).find((c) => codes.icd10.some((p) => c.replaceAll('.', '').toUpperCase().startsWith(p)));
}

/** True for a Condition coding a pregnancy (current or not: the decision is {@link currentPregnancy}'s). */
export function isPregnancyCondition(c: Condition): boolean {
  return matchedCode(c.code, PREGNANCY_CONDITIONS) !== undefined;
}

function conditionStartText(c: Condition): string | undefined {
  return c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate;
}

function hasLoinc(o: Observation, codes: readonly string[]): string | undefined {
  return codesOf(o.code, [LOINC]).find((c) => codes.includes(c));
}

function valueSnomed(o: Observation): string[] {
  return codesOf(o.valueCodeableConcept, [SNOMED_CT]);
}

function dayText(o: Observation): string {
  return datePart(observationTimeText(o)) ?? 'an unreadable date';
}

/** The parts of a sign an observation dated `at` gives. */
function observed(o: Observation, at: number, code: string, text: string): Pick<Sign, 'at' | 'date' | 'ref' | 'code' | 'text'> {
  const date = datePart(observationTimeText(o));
  return { at, ...(date !== undefined && { date }), ref: refOf(o), code, text };
}

function conditionSigns(chart: Chart): Sign[] {
  return chart.conditions.flatMap((c) => {
    const code = c.id && isActiveCondition(c) ? matchedCode(c.code, PREGNANCY_CONDITIONS) : undefined;
    if (code === undefined) return [];
    const at = instantOf(conditionStartText(c));
    const since = datePart(conditionStartText(c));
    const text = ['Active problem:', conceptText(c.code), since && `(since ${since})`].filter((part) => typeof part === 'string').join(' ');
    const until = at === undefined ? Number.POSITIVE_INFINITY : at + C.maxConditionDays * DAY_MS;
    return [{ at, until, ...(since !== undefined && { date: since }), ref: refOf(c), code, text }];
  });
}

function testResult(o: Observation): 'positive' | 'negative' | undefined {
  const codes = valueSnomed(o);
  if (codes.some((c) => (PREGNANCY_TESTS.positiveSnomed as readonly string[]).includes(c))) return 'positive';
  if (codes.some((c) => (PREGNANCY_TESTS.negativeSnomed as readonly string[]).includes(c))) return 'negative';
  const text = (conceptText(o.valueCodeableConcept) ?? o.valueString ?? '').toLowerCase();
  if (/negative|not detected/.test(text)) return 'negative';
  return /positive|detected/.test(text) ? 'positive' : undefined;
}

function statusResult(o: Observation): 'pregnant' | 'not-pregnant' | undefined {
  const codes = valueSnomed(o);
  if (codes.some((c) => (PREGNANCY_STATUS.notPregnantSnomed as readonly string[]).includes(c))) return 'not-pregnant';
  return codes.some((c) => (PREGNANCY_STATUS.pregnantSnomed as readonly string[]).includes(c)) ? 'pregnant' : undefined;
}

/** The date an EDD observation gives (valueDateTime, or a date written as valueString). */
function eddOf(o: Observation): { date: string; at: number } | undefined {
  const date = datePart(o.valueDateTime ?? o.valueString);
  const at = date !== undefined && date.length === 10 ? instantOf(date) : undefined;
  return date !== undefined && at !== undefined ? { date, at } : undefined;
}

/** Signs of a pregnancy in observations, and the times observations say there is none. */
function observationSigns(chart: Chart, now: number): { signs: Sign[]; over: number[] } {
  const signs: Sign[] = [];
  const over: number[] = [];
  const codes = [...PREGNANCY_TESTS.loinc, ...PREGNANCY_STATUS.loinc, ...PREGNANCY_EDD.loinc];
  for (const { observation: o, at } of codedObservations(chart, LOINC, codes).filter((x) => x.observation.id && isFinalResult(x.observation.status))) {
    const test = hasLoinc(o, PREGNANCY_TESTS.loinc);
    const status = hasLoinc(o, PREGNANCY_STATUS.loinc);
    const eddCode = hasLoinc(o, PREGNANCY_EDD.loinc);
    const result = test !== undefined ? testResult(o) : status !== undefined ? statusResult(o) : undefined;
    if (at !== undefined && (result === 'negative' || result === 'not-pregnant')) over.push(at);
    if (at !== undefined && test !== undefined && result === 'positive') {
      signs.push({ ...observed(o, at, test, `Positive pregnancy test on ${dayText(o)}`), until: at + C.positiveTestDays * DAY_MS });
    }
    if (at !== undefined && status !== undefined && result === 'pregnant') {
      signs.push({ ...observed(o, at, status, `Pregnancy status: Pregnant on ${dayText(o)}`), until: at + C.maxStatusDays * DAY_MS });
    }
    const edd = eddCode === undefined ? undefined : eddOf(o);
    if (eddCode !== undefined && edd !== undefined && edd.at - now <= C.eddMaxAheadDays * DAY_MS) {
      const text = `Estimated delivery date ${edd.date}${at === undefined ? '' : ` (recorded ${dayText(o)})`}`;
      // Undated: it stands from the pregnancy's start, 280 days before the date it gives.
      const sign = at === undefined ? { at: edd.at - C.termDays * DAY_MS, ref: refOf(o), code: eddCode, text } : observed(o, at, eddCode, text);
      signs.push({ ...sign, until: edd.at + C.eddGraceDays * DAY_MS, edd });
    }
  }
  return { signs, over };
}

/** When recorded pregnancies ended: miscarriages, terminations, deliveries (not refuted, not in error). */
function pregnancyEnds(chart: Chart): number[] {
  const fromConditions = chart.conditions
    .filter((c) => matchedCode(c.code, PREGNANCY_END_CONDITIONS) !== undefined && !EXCLUDED_VERIFICATION.has(statusCode(c.verificationStatus) ?? ''))
    .map((c) => instantOf(conditionStartText(c)));
  const fromProcedures = chart.procedures
    .filter((p) => p.status === 'completed' && matchedCode(p.code, PREGNANCY_END_PROCEDURES) !== undefined)
    .map((p) => instantOf(p.performedDateTime ?? p.performedPeriod?.start));
  return [...fromConditions, ...fromProcedures].filter((t): t is number => t !== undefined);
}

/**
 * Whether a sign still holds at `now`: dated, begun, unexpired and not ended since; undated (a
 * pregnancy problem with no dates), only while nothing in the last ~43 weeks says it is over.
 */
function holds(s: Sign, now: number, over: readonly number[]): boolean {
  const past = over.filter((t) => t <= now);
  if (s.at === undefined) return !past.some((t) => now - t <= C.maxConditionDays * DAY_MS);
  const at = s.at;
  return at <= now && now <= s.until && !past.some((t) => t >= at);
}

function newestFirst(a: Sign, b: Sign): number {
  const byTime = (b.at ?? Number.NEGATIVE_INFINITY) - (a.at ?? Number.NEGATIVE_INFINITY);
  // Same time (or both undated: NaN): by reference, so the order never varies between runs.
  return byTime || compareText(a.ref, b.ref);
}

/** At most this many records are named (a chart may repeat one pregnancy many times), besides the EDD. */
const MAX_NAMED = 3;

/** The chart's evidence that the patient is pregnant at asOf, or undefined when nothing current says so. */
export function currentPregnancy(chart: Chart, asOf: Date): PregnancyStatus | undefined {
  const now = asOf.getTime();
  const observed = observationSigns(chart, now);
  const over = [...pregnancyEnds(chart), ...observed.over];
  const live = [...conditionSigns(chart), ...observed.signs].filter((s) => holds(s, now, over)).sort(newestFirst);
  // What says "pregnant" first, newest first; then the EDD, which adds the weeks.
  const eddSign = live.find((s) => s.edd !== undefined);
  const named = [...live.filter((s) => s.edd === undefined).slice(0, MAX_NAMED), ...(eddSign ? [eddSign] : [])];
  const newest = named[0];
  if (!newest) return undefined;
  const status: PregnancyStatus = {
    records: named.map((s) => ({ text: s.text, ref: s.ref })),
    evidence: named.map((s) => s.ref),
    fact: { code: newest.code, ref: newest.ref, ...(newest.date !== undefined && { date: newest.date }) },
  };
  if (eddSign?.edd) {
    status.edd = eddSign.edd.date;
    status.weeks = Math.max(0, Math.floor((C.termDays - (eddSign.edd.at - now) / DAY_MS) / 7));
  }
  return status;
}
