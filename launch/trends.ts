import type { Observation, ObservationReferenceRange, Quantity } from 'fhir/r4';
import type { Chart } from '../src/chart/chart';
import { LOINC } from '../src/clinical-codes/code-systems';
import type { KeyObservation } from '../src/clinical-codes/key-observations';
import { DIASTOLIC_BP, KEY_LABS, KEY_VITALS, SYSTOLIC_BP } from '../src/clinical-codes/key-observations';
import type { ReferenceLimits } from '../src/clinical-codes/reference-ranges';
import { DIASTOLIC_LIMITS, REFERENCE_LIMITS, SYSTOLIC_LIMITS } from '../src/clinical-codes/reference-ranges';
import { displayUnit } from '../src/clinical-codes/ucum-display';
import { EGFR } from '../src/knowledge/labs/lab-definitions';
import { isShownResult } from '../src/chart/facts/result-status';
import { codesOf, compareText, datePart, instantOf, observationTimeText } from '../src/brief/embedded/fhir-values';

/**
 * The trend plots of the app: kidney function (creatinine, eGFR), potassium, HbA1c, blood
 * pressure and weight, each a dated series of the chart's Observations (by the LOINC codes of
 * src/clinical-codes/key-observations.ts) with its reference range: the laboratory's own
 * (`referenceRange` of the latest reading) when it sent one, else the table in
 * src/clinical-codes/reference-ranges.ts (with its source). One unit per plot: readings in
 * another unit than the latest are counted, not converted; eGFR is always the series in
 * mL/min/1.73 m² (egfrSeries).
 */

export const TREND_KEYS = ['creatinine', 'egfr', 'potassium', 'hba1c', 'blood-pressure', 'weight'] as const;
const MAX_POINTS = 200;

export interface TrendPoint {
  /** ms since the epoch (the plot's x). */
  t: number;
  /** The date as the EHR wrote it. */
  date: string;
  value: number;
  /** The Observation: each point opens its source. */
  ref: string;
}

export interface ReferenceBand {
  low?: number;
  high?: number;
  /** Where the limits come from: the laboratory, or a guideline (reference-ranges.ts). */
  source: string;
}

export interface TrendSeries {
  label: string;
  points: TrendPoint[];
  range?: ReferenceBand;
}

export interface Trend {
  key: string;
  title: string;
  unit: string;
  series: TrendSeries[];
  /** Readings left out: in another unit than the latest, or beyond the newest MAX_POINTS. */
  omitted: number;
}

interface Raw {
  obs: Observation;
  t: number;
  date: string;
  quantities: Quantity[];
  ranges: (readonly ObservationReferenceRange[] | undefined)[];
}

const ROWS = new Map<string, KeyObservation>([...KEY_LABS, ...KEY_VITALS].map((r) => [r.key, r]));

function unitOf(q: Quantity): string {
  return displayUnit(q.unit ?? q.code);
}

function componentOf(obs: Observation, code: string): NonNullable<Observation['component']>[number] | undefined {
  return obs.component?.find((c) => codesOf(c.code, [LOINC]).includes(code));
}

/** The values an Observation gives for a row: one quantity, or systolic and diastolic. */
function rawOf(obs: Observation, row: KeyObservation): Raw | undefined {
  if (!isShownResult(obs.status) || obs.id === undefined) return undefined;
  const when = observationTimeText(obs);
  const t = instantOf(when);
  const date = datePart(when);
  if (t === undefined || date === undefined) return undefined;
  if (row.shape === 'quantity') {
    const q = obs.valueQuantity;
    return q !== undefined && typeof q.value === 'number' && Number.isFinite(q.value) ? { obs, t, date, quantities: [q], ranges: [obs.referenceRange] } : undefined;
  }
  const sys = componentOf(obs, SYSTOLIC_BP);
  const dia = componentOf(obs, DIASTOLIC_BP);
  const ok = (q: Quantity | undefined): q is Quantity => typeof q?.value === 'number' && Number.isFinite(q.value);
  if (!ok(sys?.valueQuantity) || !ok(dia?.valueQuantity)) return undefined;
  return { obs, t, date, quantities: [sys.valueQuantity, dia.valueQuantity], ranges: [sys?.referenceRange ?? obs.referenceRange, dia?.referenceRange] };
}

/** The laboratory's range (same unit), else the table's limits when the unit is theirs. */
function bandFor(ranges: readonly ObservationReferenceRange[] | undefined, q: Quantity, table: ReferenceLimits | undefined): ReferenceBand | undefined {
  const unit = q.code ?? q.unit;
  for (const r of ranges ?? []) {
    const low = r.low?.value;
    const high = r.high?.value;
    const sameUnit = [r.low, r.high].every((b) => b === undefined || (b.code ?? b.unit) === undefined || (b.code ?? b.unit) === unit);
    if ((typeof low === 'number' || typeof high === 'number') && sameUnit) {
      return { ...(typeof low === 'number' && { low }), ...(typeof high === 'number' && { high }), source: 'the laboratory’s reference range' };
    }
  }
  if (table === undefined || !table.units.some((u) => u === q.code || u === q.unit)) return undefined;
  return { ...(table.low !== undefined && { low: table.low }), ...(table.high !== undefined && { high: table.high }), source: table.source };
}

/** The readings of one plot and their unit: those in the latest reading's unit. */
function inLatestUnit(raws: readonly Raw[]): { plotted: Raw[]; unit: string } | undefined {
  const latestQ = raws.at(-1)?.quantities[0];
  if (latestQ === undefined) return undefined;
  const unit = unitOf(latestQ);
  return { plotted: raws.filter((r) => r.quantities[0] !== undefined && unitOf(r.quantities[0]) === unit), unit };
}

const EGFR_UNITS = EGFR.conversions.flatMap((c) => c.units.map((u) => u.toLowerCase()));
const sentUnit = (r: Raw): string => (r.quantities[0]?.code ?? r.quantities[0]?.unit ?? '').trim().toLowerCase();
const codeRank = (r: Raw): number => Math.min(...codesOf(r.obs.code, [LOINC]).map((c) => EGFR.loinc.indexOf(c)).filter((i) => i >= 0));

/**
 * eGFR as the rules read it (EGFR in src/knowledge/labs/lab-definitions.ts: its codes, in order of
 * preference, in mL/min/1.73 m²), one series whichever reading is latest: the results sent per
 * 1.73 m². Synthea also files results in plain mL/min under 33914-3, beside the normalised ones:
 * those are left out (counted), and plotted only when the chart has no normalised eGFR at all,
 * read as the rules read them (EGFR's conversions take mL/min as is). On one instant, the
 * preferred code, then the lower value (src/chart/facts/lab-values.ts).
 */
function egfrSeries(raws: readonly Raw[]): { plotted: Raw[]; unit: string } | undefined {
  const usable = raws.filter((r) => EGFR_UNITS.includes(sentUnit(r)));
  const normalised = usable.filter((r) => sentUnit(r).includes('1.73'));
  const chosen = [...(normalised.length > 0 ? normalised : usable)].sort(
    (a, b) => a.t - b.t || codeRank(a) - codeRank(b) || (a.quantities[0]?.value ?? 0) - (b.quantities[0]?.value ?? 0) || compareText(a.obs.id ?? '', b.obs.id ?? ''),
  );
  const plotted = chosen.filter((r, i) => i === 0 || chosen[i - 1]?.t !== r.t);
  return plotted.length === 0 ? undefined : { plotted, unit: displayUnit(EGFR.unit) };
}

/** Which Observations feed a row: its LOINC codes; eGFR's are the rules' (EGFR). */
function codesFor(row: KeyObservation): readonly string[] {
  return row.key === EGFR.key ? EGFR.loinc : row.loinc;
}

function trendOf(chart: Chart, row: KeyObservation): Trend | undefined {
  const codes = codesFor(row);
  const raws = chart.observations
    .filter((o) => codesOf(o.code, [LOINC]).some((c) => codes.includes(c)))
    .map((o) => rawOf(o, row))
    .filter((r): r is Raw => r !== undefined)
    .sort((a, b) => a.t - b.t || compareText(a.obs.id ?? '', b.obs.id ?? ''));
  const selected = row.key === EGFR.key ? egfrSeries(raws) : inLatestUnit(raws);
  const latest = selected?.plotted.at(-1);
  if (selected === undefined || latest === undefined) return undefined;
  const { unit } = selected;
  const kept = selected.plotted.slice(-MAX_POINTS);
  const labels = row.shape === 'blood-pressure' ? ['Systolic', 'Diastolic'] : [row.label];
  const tables = row.shape === 'blood-pressure' ? [SYSTOLIC_LIMITS, DIASTOLIC_LIMITS] : [REFERENCE_LIMITS[row.key]];
  const series = labels.map((label, i): TrendSeries => {
    const points = kept.map((r) => ({ t: r.t, date: r.date, value: r.quantities[i]?.value ?? Number.NaN, ref: `Observation/${r.obs.id ?? ''}` }));
    const q = latest.quantities[i];
    const range = q === undefined ? undefined : bandFor(latest.ranges[i], q, tables[i]);
    return range === undefined ? { label, points } : { label, points, range };
  });
  return { key: row.key, title: row.shape === 'blood-pressure' ? 'Blood pressure' : row.label, unit, series, omitted: raws.length - kept.length };
}

/** The trends the chart has data for, in TREND_KEYS order. */
export function buildTrends(chart: Chart): Trend[] {
  return TREND_KEYS.map((key) => ROWS.get(key))
    .filter((row): row is KeyObservation => row !== undefined)
    .map((row) => trendOf(chart, row))
    .filter((t): t is Trend => t !== undefined);
}
