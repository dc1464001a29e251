import type { Observation } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { observationsCoded } from '../../chart/facts/observation-index';
import { isDeceased } from '../../chart/facts/patient';
import { isShownResult } from '../../chart/facts/result-status';
import { LOINC } from '../../clinical-codes/code-systems';
import { KEY_LABS, KEY_VITALS, type KeyObservation, type ObservationKind } from '../../clinical-codes/key-observations';
import type { BriefSection, Statement, StatementPriority } from '../brief';
import { isComplete } from './availability';
import { codesOf, compareText, instantOf, observationTimeText } from './fhir-values';
import { readingOf, valueWithUnit, type Reading } from './readings';

/** The latest reading of one key lab or vital, and the one before it (on an earlier date, in the same unit). */
export interface ResultSeries {
  row: KeyObservation;
  latest: Reading;
  previous?: Reading;
  /**
   * The latest reading is more than a year older than the newest key reading of its kind: stated,
   * but not ranked as abnormal (a fever of 2014 is not news beside the vitals of 2021).
   */
  stale?: true;
}

const ROWS: Record<ObservationKind, readonly KeyObservation[]> = { lab: KEY_LABS, vital: KEY_VITALS };
const CATEGORY: Record<ObservationKind, string> = { lab: 'laboratory', vital: 'vital-signs' };

function rowIndex(kind: ObservationKind): Map<string, KeyObservation> {
  const index = new Map<string, KeyObservation>();
  for (const row of ROWS[kind]) for (const code of row.loinc) if (!index.has(code)) index.set(code, row);
  return index;
}
const INDEX: Record<ObservationKind, Map<string, KeyObservation>> = { lab: rowIndex('lab'), vital: rowIndex('vital') };

function rowOf(obs: Observation, kind: ObservationKind): KeyObservation | undefined {
  for (const code of codesOf(obs.code, [LOINC])) {
    const row = INDEX[kind].get(code);
    if (row) return row;
  }
  return undefined;
}

/** Newest first; same time: by id, so duplicates never swap places between runs. */
function newestFirst(a: Reading, b: Reading): number {
  return b.time - a.time || compareText(a.ref, b.ref);
}

/** The readings of one row, read through the chart's LOINC index (an Observation counts for the first row its codes name). */
function readingsOf(chart: Chart, row: KeyObservation, kind: ObservationKind): Reading[] {
  return observationsCoded(chart, row.loinc).flatMap((obs) => (rowOf(obs, kind) === row ? (readingOf(obs, row) ?? []) : []));
}

// https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html: critically high, low, abnormal.
const CRITICAL_FLAGS: ReadonlySet<string> = new Set(['HH', 'LL', 'AA']);

/** `critical` when the latest value is flagged critical, `high` when it is otherwise abnormal; none when stale. */
export function seriesPriority(s: ResultSeries): StatementPriority | undefined {
  const flag = s.latest.flag;
  if (flag === undefined || s.stale) return undefined;
  return CRITICAL_FLAGS.has(flag) ? 'critical' : 'high';
}

/**
 * The key labs (or vitals) the chart holds: the critical latest values first, then the abnormal
 * ones, then the rest (and the stale abnormal ones); each in table order. "Latest" is the
 * patient's latest: values from the last year of the patient's own results count, however long
 * ago that year was (a chart whose last vitals are two years old still shows their BP 175/111).
 */
export function selectResultSeries(chart: Chart, kind: ObservationKind): ResultSeries[] {
  const found: ResultSeries[] = [];
  for (const row of ROWS[kind]) {
    const readings = readingsOf(chart, row, kind).sort(newestFirst);
    const latest = readings[0];
    if (!latest) continue;
    // A trend compares like with like: an earlier date, the same unit (no conversions here).
    const previous = readings.find((r) => r.date < latest.date && r.unit === latest.unit);
    found.push(previous ? { row, latest, previous } : { row, latest });
  }
  const newest = Math.max(...found.map((s) => s.latest.time));
  const since = Number.isFinite(newest) ? oneYearBefore(new Date(newest)) : Number.NEGATIVE_INFINITY;
  const series = found.map((s): ResultSeries => (s.latest.time < since ? { ...s, stale: true } : s));
  const rank: Record<StatementPriority, number> = { critical: 0, high: 1 };
  const order = (s: ResultSeries): number => {
    const priority = seriesPriority(s);
    return priority ? rank[priority] : 2;
  };
  return series.sort((a, b) => order(a) - order(b) || ROWS[kind].indexOf(a.row) - ROWS[kind].indexOf(b.row));
}

/**
 * "Creatinine 1.4 → 2.1 mg/dL over 6 months (H, 2021-02-03)", citing the latest reading and the
 * one before it; "Potassium 4.4 mmol/L (2021-02-03)" when there is no earlier one. The flag and
 * the date are the latest reading's.
 */
export function seriesStatement(s: ResultSeries): Statement {
  const { latest, previous } = s;
  const notes = [latest.flag, latest.date, latest.preliminary ? 'preliminary' : undefined].filter((x): x is string => x !== undefined);
  const now = valueWithUnit(latest.value, latest.unit);
  const priority = seriesPriority(s);
  const marked = priority ? { priority } : {};
  if (!previous) return { text: `${s.row.label} ${now} (${notes.join(', ')})`, evidence: [latest.ref], ...marked };
  const span = spanText(previous.date, latest.date);
  const text = `${s.row.label} ${previous.value} → ${now}${span ? ` over ${span}` : ''} (${notes.join(', ')})`;
  return { text, evidence: [latest.ref, previous.ref], ...marked };
}

const DAY_MS = 86_400_000;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * The time between two calendar dates as written ("2020-08-01" → "2021-02-03": "6 months"), in
 * whole days under two weeks, whole weeks under nine, whole months under two years, else whole
 * years; at the precision both dates have ("2019" → "2021-02-03": "2 years"). Calendar arithmetic
 * on the written dates only, so no time zone can move it.
 */
export function spanText(from: string, to: string): string | undefined {
  const a = calendarDate(from);
  const b = calendarDate(to);
  if (!a || !b) return undefined;
  if (a.m === undefined || b.m === undefined) return b.y > a.y ? plural(b.y - a.y, 'year') : undefined;
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (a.d !== undefined && b.d !== undefined) {
    const days = Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
    if (days <= 0) return undefined;
    if (days < 14) return plural(days, 'day');
    if (days < 63) return plural(Math.floor(days / 7), 'week');
    if (b.d < a.d) months -= 1;
  }
  if (months <= 0) return undefined;
  return months < 24 ? plural(months, 'month') : plural(Math.floor(months / 12), 'year');
}

interface CalendarDate {
  y: number;
  m?: number;
  d?: number;
}

/** "2021-02-03" → {y, m, d}; "2021-02" → {y, m}; "2021" → {y}. */
function calendarDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
  if (!m) return undefined;
  return {
    y: Number(m[1]),
    ...(m[2] !== undefined ? { m: Number(m[2]) } : {}),
    ...(m[3] !== undefined ? { d: Number(m[3]) } : {}),
  };
}

function isOfKind(obs: Observation, kind: ObservationKind): boolean {
  const category = (obs.category ?? []).some((c) => (c.coding ?? []).some((x) => x.code === CATEGORY[kind]));
  return category || rowOf(obs, kind) !== undefined;
}

/** One year before `asOf`, on the same calendar day (UTC). */
function oneYearBefore(asOf: Date): number {
  return Date.UTC(asOf.getUTCFullYear() - 1, asOf.getUTCMonth(), asOf.getUTCDate());
}

const ABSENCE: Record<ObservationKind, { none: string; stale: string }> = {
  lab: { none: 'No lab results recorded', stale: 'No labs in the last 12 months' },
  vital: { none: 'No vital signs recorded', stale: 'No vital signs in the last 12 months' },
};

/**
 * "No labs in the last 12 months", citing the Patient: said only when the section was read in
 * full and the patient is alive (a year without labs before `asOf` means nothing after death).
 */
function absenceStatement(chart: Chart, kind: ObservationKind, asOf: Date): Statement | undefined {
  const section = kind === 'lab' ? 'labs' : 'vitals';
  if (!isComplete(chart, section) || isDeceased(chart.patient, asOf)) return undefined;
  const times = chart.observations
    .filter((o) => isShownResult(o.status) && isOfKind(o, kind))
    .map((o) => instantOf(observationTimeText(o)))
    .filter((t): t is number => t !== undefined);
  if (times.length === 0) return { text: ABSENCE[kind].none, evidence: [chart.patientRef] };
  const since = oneYearBefore(asOf);
  return times.some((t) => t >= since) ? undefined : { text: ABSENCE[kind].stale, evidence: [chart.patientRef] };
}

/**
 * Latest key labs (or vitals) with date, flag and the previous value: the critical and abnormal
 * ones first (even when old: "BP 175/111 mmHg (H, 2019-03-11)" matters more than that no vital
 * sign was taken since), then what is missing, then the normal ones.
 */
export function resultsSection(chart: Chart, kind: ObservationKind, asOf: Date, series: readonly ResultSeries[]): BriefSection | undefined {
  const absence = absenceStatement(chart, kind, asOf);
  const stated = series.map(seriesStatement);
  const flagged = stated.filter((s) => s.priority !== undefined);
  const statements = [...flagged, ...(absence ? [absence] : []), ...stated.filter((s) => s.priority === undefined)];
  if (statements.length === 0) return undefined;
  return kind === 'lab'
    ? { name: 'labs', title: 'Key labs', statements }
    : { name: 'vitals', title: 'Vital signs', statements };
}
