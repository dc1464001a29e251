import type { Patient } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { HEADLINE_MIN_WEIGHT } from '../../clinical-codes/problem-importance';
import type { Statement } from '../brief';
import { isUnavailable } from './availability';
import { clipText, HEADLINE_MAX_CHARS } from './bounds';
import { datePart } from './fhir-values';
import type { ActiveMedication } from './medications';
import type { ActiveProblem } from './problems';

/** How the headline abbreviates administrative gender (https://hl7.org/fhir/R4/valueset-administrative-gender.html). */
const SEX: Record<NonNullable<Patient['gender']>, string | undefined> = { male: 'M', female: 'F', other: 'other sex', unknown: undefined };

const SEPARATOR = ' · ';
/** A free-text problem name may be long; the headline names several. */
const PROBLEM_MAX_CHARS = 40;

function parseDay(value: string | undefined): { y: number; m: number; d: number } | undefined {
  const m = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/**
 * Age in whole years at `at` (a `YYYY-MM-DD…` date), from a full birth date; months under 2
 * years ("18 mo"). Undefined when the birth date is partial or missing: no guessed ages.
 */
export function ageText(birthDate: string | undefined, at: string): string | undefined {
  const birth = parseDay(birthDate);
  const now = parseDay(at);
  if (!birth || !now) return undefined;
  let months = (now.y - birth.y) * 12 + (now.m - birth.m);
  if (now.d < birth.d) months--;
  if (months < 0) return undefined;
  return months < 24 ? `${months} mo` : String(Math.floor(months / 12));
}

/** "78 F", "76 M, died 2007-04-22" (age at death), "F" without a usable birth date. */
export function demographicsText(patient: Patient, asOf: Date): string | undefined {
  const died = datePart(patient.deceasedDateTime);
  const age = ageText(patient.birthDate, died ?? asOf.toISOString().slice(0, 10));
  const sex = patient.gender ? SEX[patient.gender] : undefined;
  const who = [age, sex].filter((x): x is string => x !== undefined).join(' ');
  const death = died ? `died ${died}` : patient.deceasedBoolean === true ? 'deceased' : undefined;
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
 * else on their own ("on insulin").
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
  const headlineProblems = problems.filter((p) => p.weight >= HEADLINE_MIN_WEIGHT).slice(0, maxProblems);
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
