import type { Observation } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { indexedObservations, newestObservations } from '../../chart/facts/observation-index';
import { isDeceased } from '../../chart/facts/patient';
import { isShownResult } from '../../chart/facts/result-status';
import { LOINC } from '../../clinical-codes/code-systems';
import { KEY_LABS, KEY_VITALS, type KeyObservation, type ObservationKind } from '../../clinical-codes/key-observations';
import type { BriefSection, Statement, StatementPriority } from '../brief';
import { isComplete } from './availability';
import { arrayOrEmpty, codesOf, datePart, observationTimeText } from './fhir-values';
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

/**
 * The latest reading of one row and the one before it (on an earlier date, in the same unit),
 * walking the row's observations newest first (same time: by id) through the chart's LOINC index
 * and reading only those walked past. An Observation counts for the first row its codes name.
 */
function latestAndPrevious(chart: Chart, row: KeyObservation, kind: ObservationKind): { latest: Reading; previous?: Reading } | undefined {
  let latest: Reading | undefined;
  for (const { observation } of newestObservations(chart, row.loinc)) {
    if (!isShownResult(observation.status) || rowOf(observation, kind) !== row) continue;
    if (!latest) {
      latest = readingOf(observation, row);
      continue;
    }
    // A trend compares like with like: an earlier date, the same unit (no conversions here).
    const date = datePart(observationTimeText(observation));
    if (date === undefined || date >= latest.date) continue;
    const previous = readingOf(observation, row);
    if (previous?.unit === latest.unit) return { latest, previous };
  }
  return latest && { latest };
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
    const readings = latestAndPrevious(chart, row, kind);
    if (readings) found.push({ row, ...readings });
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

function inCategory(obs: Observation, code: string): boolean {
  return arrayOrEmpty(obs.category).some((c) => arrayOrEmpty(c?.coding).some((x) => x?.code === code));
}

/**
 * When the newest shown result of the kind was taken, if any is dated. Of the kind: coded as one
 * of its rows, or in its category (`laboratory`, `vital-signs`).
 */
function newestOfKind(chart: Chart, kind: ObservationKind): number | undefined {
  let newest: number | undefined;
  for (const row of ROWS[kind]) {
    const first = newestObservations(chart, row.loinc).find((e) => isShownResult(e.observation.status));
    if (first && (newest === undefined || first.at > newest)) newest = first.at;
  }
  // Only a result taken later than those can change the answer: only its category is read.
  for (const { observation, at } of indexedObservations(chart)) {
    if (at !== undefined && (newest === undefined || at > newest) && isShownResult(observation.status) && inCategory(observation, CATEGORY[kind])) newest = at;
  }
  return newest;
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
  const newest = newestOfKind(chart, kind);
  if (newest === undefined) return { text: ABSENCE[kind].none, evidence: [chart.patientRef] };
  return newest >= oneYearBefore(asOf) ? undefined : { text: ABSENCE[kind].stale, evidence: [chart.patientRef] };
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
