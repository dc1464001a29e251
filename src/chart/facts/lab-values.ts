import type { Observation, Quantity } from 'fhir/r4';
import type { Chart } from '../chart';
import { LOINC } from '../../clinical-codes/code-systems';
import { displayUnit } from '../../clinical-codes/ucum-display';
import type { LabDefinition, UnitConversion } from '../../knowledge/labs/lab-definitions';
import { codesOf, compareText, datePart, formatNumber, instantOf, observationTimeText, refOf } from '../../brief/embedded/fhir-values';
import { observationsCoded } from './observation-index';
import { isFinalResult } from './result-status';

// Lab results as the rules read them: final results (result-status.ts) of the analyte's LOINC
// codes, taken up to asOf, converted to the analyte's canonical unit. Anything else (preliminary,
// cancelled, entered in error, no number, a unit we cannot convert, a future date) is not a result.

export interface LabValue {
  /** `Observation/id`. */
  ref: string;
  /** In the analyte's canonical unit. */
  value: number;
  comparator?: Quantity['comparator'];
  /** The value as sent when it was converted ("540 µmol/L"). */
  sent?: string;
  /** The calendar date as written ("an unreadable date" when it is not ISO). */
  date: string;
  at: number;
  /** Index of its LOINC code in the definition (lower is preferred). */
  codeRank: number;
}

function conversionFor(q: Quantity, lab: LabDefinition): UnitConversion | undefined {
  const sent = [q.code, q.unit].filter((u): u is string => typeof u === 'string' && u.trim() !== '').map((u) => u.trim().toLowerCase());
  if (sent.length === 0) return lab.unitless === true ? { units: [], factor: 1 } : undefined;
  return lab.conversions.find((c) => c.units.some((u) => sent.includes(u.toLowerCase())));
}

function toLabValue(o: Observation, lab: LabDefinition, asOf: number): LabValue | undefined {
  if (!o.id || !isFinalResult(o.status)) return undefined;
  const codeRank = Math.min(...codesOf(o.code, [LOINC]).map((c) => lab.loinc.indexOf(c)).filter((i) => i >= 0));
  const q = o.valueQuantity;
  const when = observationTimeText(o);
  const at = instantOf(when);
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value) || at === undefined || at > asOf) return undefined;
  const conversion = conversionFor(q, lab);
  if (!conversion) return undefined;
  const value = q.value * conversion.factor + (conversion.offset ?? 0);
  const converted = conversion.factor !== 1 || conversion.offset !== undefined;
  return {
    ref: refOf(o),
    value,
    date: datePart(when) ?? 'an unreadable date',
    at,
    codeRank,
    ...(q.comparator ? { comparator: q.comparator } : {}),
    ...(converted ? { sent: `${q.value} ${displayUnit(q.unit ?? q.code)}` } : {}),
  };
}

/** Newest first; on the same instant the preferred code, then the lower value (the cautious reading). */
function newestFirst(a: LabValue, b: LabValue): number {
  return b.at - a.at || a.codeRank - b.codeRank || a.value - b.value || compareText(a.ref, b.ref);
}

/** Every usable result of the analyte up to asOf, newest first (read through the chart's LOINC index). */
export function labSeries(chart: Chart, lab: LabDefinition, asOf: Date): LabValue[] {
  const now = asOf.getTime();
  return observationsCoded(chart, lab.loinc).flatMap((o) => toLabValue(o, lab, now) ?? []).sort(newestFirst);
}

/** The number and unit as a clinician reads them: "6.1 mmol/L", "< 0.5 mg/dL", "7.2%", "4.8" (INR). */
export function formatLab(v: Pick<LabValue, 'value' | 'comparator'>, lab: LabDefinition): string {
  const number = `${v.comparator ? `${v.comparator} ` : ''}${formatNumber(v.value, lab.decimals)}`;
  const unit = displayUnit(lab.unit);
  if (unit === '%') return `${number}%`;
  return unit === '' ? number : `${number} ${unit}`;
}

/** "Potassium **6.1 mmol/L** on 2026-05-30", with the unit it was sent in when converted. */
export function describeLab(v: LabValue, lab: LabDefinition): string {
  const sent = v.sent === undefined ? '' : ` (sent as ${v.sent})`;
  return `${lab.label} **${formatLab(v, lab)}**${sent} on ${v.date}`;
}
