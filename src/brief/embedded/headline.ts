import type { Patient } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { ageOn, deathDate, isDeceased } from '../../chart/facts/patient';
import { dateOf } from '../../chart/facts/time';
import { HEADLINE_MIN_WEIGHT } from '../../clinical-codes/problem-importance';
import type { Statement } from '../brief';
import { isUnavailable } from './availability';
import { clipText, HEADLINE_MAX_CHARS } from './bounds';
import type { ActiveMedication } from './medications';
import { isPregnancyProblem, pregnancyHeadlinePart } from './pregnancy';
import type { ActiveProblem } from './problems';

/** How the headline abbreviates administrative gender (https://hl7.org/fhir/R4/valueset-administrative-gender.html). */
const SEX: Record<NonNullable<Patient['gender']>, string | undefined> = { male: 'M', female: 'F', other: 'other sex', unknown: undefined };

const SEPARATOR = ' · ';
/** A free-text problem name may be long; the headline names several. */
const PROBLEM_MAX_CHARS = 40;

/**
 * Age at `at` (a `YYYY-MM-DD…` date, chart/facts/patient.ts) as the headline writes it: whole
 * years, months under 2 years ("18 mo"). Undefined without a full birth date: no guessed ages.
 */
export function ageText(birthDate: string | undefined, at: string): string | undefined {
  const age = ageOn(birthDate, at);
  if (!age) return undefined;
  return age.months < 24 ? `${age.months} mo` : String(age.years);
}

/** "78 F", "76 M, died 2007-04-22" (age at death), "F" without a usable birth date. */
export function demographicsText(patient: Patient, asOf: Date): string | undefined {
  const deceased = isDeceased(patient, asOf);
  const died = deceased ? deathDate(patient) : undefined;
  const age = ageText(patient.birthDate, died ?? dateOf(asOf));
  const sex = patient.gender ? SEX[patient.gender] : undefined;
  const who = [age, sex].filter((x): x is string => x !== undefined).join(' ');
  const death = died ? `died ${died}` : deceased ? 'deceased' : undefined;
  const parts = [who, death].filter((x): x is string => x !== undefined && x !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

interface Part {
  text: string;
  evidence: string[];
}

/** "AF on warfarin": a headline problem with the high-alert drugs the table says treat it. */
function problemPart(p: ActiveProblem, meds: readonly ActiveMedication[], used: Set<ActiveMedication>): Part {
  const key = p.importance?.key;
  const drugs = key === undefined ? [] : meds.filter((m) => !used.has(m) && m.highAlert?.indications.includes(key));
  const labels: string[] = [];
  const evidence = [p.refs[0] ?? ''];
  for (const m of drugs) {
    used.add(m);
    if (m.highAlert && !labels.includes(m.highAlert.label)) labels.push(m.highAlert.label);
    evidence.push(m.requestRef);
  }
  const name = clipText(p.short, PROBLEM_MAX_CHARS);
  return { text: labels.length > 0 ? `${name} on ${labels.join(' + ')}` : name, evidence };
}

/** What the headline must not hide: problems or medications that could not be read. */
function gapParts(chart: Chart): Part[] {
  const gaps: Part[] = [];
  if (isUnavailable(chart, 'conditions')) gaps.push({ text: 'problems unavailable', evidence: [chart.patientRef] });
  if (isUnavailable(chart, 'medications')) gaps.push({ text: 'medications unavailable', evidence: [chart.patientRef] });
  return gaps;
}

/**
 * The one line read first: who and what matters most ("78 F · AF on warfarin · CKD 4"). Problems
 * above the headline weight, most important first, after any unreadable problem or medication
 * list (the summary is often all that is read); high-alert drugs beside the problem they treat,
 * else on their own ("on insulin"). Pregnancy comes first among the problems, and only when the
 * chart-facts decision says she is pregnant now (never from a stale problem-list entry).
 */
export function buildHeadline(
  chart: Chart,
  asOf: Date,
  problems: readonly ActiveProblem[],
  meds: readonly ActiveMedication[],
  maxProblems: number,
): Statement {
  const used = new Set<ActiveMedication>();
  const who = demographicsText(chart.patient, asOf);
  const parts: Part[] = [{ text: who ?? 'Patient', evidence: [chart.patientRef] }, ...gapParts(chart)];
  const pregnant = pregnancyHeadlinePart(chart, asOf);
  if (pregnant) parts.push(pregnant);
  const headlineProblems = problems.filter((p) => p.weight >= HEADLINE_MIN_WEIGHT && !isPregnancyProblem(p)).slice(0, Math.max(0, maxProblems - (pregnant ? 1 : 0)));
  for (const p of headlineProblems) parts.push(problemPart(p, meds, used));
  const unpaired = meds.filter((m) => m.highAlert && !used.has(m));
  const labels = [...new Set(unpaired.map((m) => m.highAlert?.label ?? ''))].slice(0, 2);
  if (labels.length > 0) parts.push({ text: `on ${labels.join(' + ')}`, evidence: unpaired.filter((m) => labels.includes(m.highAlert?.label ?? '')).map((m) => m.requestRef) });
  return joinParts(parts);
}

/** Joins parts while the line stays within HEADLINE_MAX_CHARS; the first part always stays. */
function joinParts(parts: readonly Part[]): Statement {
  let text = '';
  const evidence: string[] = [];
  for (const part of parts) {
    const next = text === '' ? part.text : `${text}${SEPARATOR}${part.text}`;
    if (text !== '' && next.length > HEADLINE_MAX_CHARS) continue;
    text = next;
    for (const ref of part.evidence) if (ref !== '' && !evidence.includes(ref)) evidence.push(ref);
  }
  return { text, evidence };
}
