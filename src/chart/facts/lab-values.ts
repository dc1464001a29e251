import type { Quantity } from 'fhir/r4';
import type { Chart } from '../chart';
import { LOINC } from '../../clinical-codes/code-systems';
import { displayUnit } from '../../clinical-codes/ucum-display';
import type { LabDefinition, UnitConversion } from '../../knowledge/labs/lab-definitions';
import { codesOf, compareText, datePart, formatNumber, observationTimeText, refOf } from '../../brief/embedded/fhir-values';
import type { NewestFirst } from './newest-first';
import { newestObservations, type DatedObservation } from './observation-index';
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

/** The observation as a result of the analyte, or undefined when it is not one (see the top of this file). */
function toLabValue({ observation: o, at }: DatedObservation, lab: LabDefinition, asOf: number): LabValue | undefined {
  const q = o.valueQuantity;
  if (!o.id || !isFinalResult(o.status) || at > asOf || !q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const conversion = conversionFor(q, lab);
  if (!conversion) return undefined;
  const codeRank = Math.min(...codesOf(o.code, [LOINC]).map((c) => lab.loinc.indexOf(c)).filter((i) => i >= 0));
  const value = q.value * conversion.factor + (conversion.offset ?? 0);
  const converted = conversion.factor !== 1 || conversion.offset !== undefined;
  return {
    ref: refOf(o),
    value,
    date: datePart(observationTimeText(o)) ?? 'an unreadable date',
    at,
    codeRank,
    ...(q.comparator ? { comparator: q.comparator } : {}),
    ...(converted ? { sent: `${q.value} ${displayUnit(q.unit ?? q.code)}` } : {}),
  };
}

/** Results taken at the same instant: the preferred code first, then the lower value (the cautious reading). */
function sameInstantOrder(a: LabValue, b: LabValue): number {
  return a.codeRank - b.codeRank || a.value - b.value || compareText(a.ref, b.ref);
}

/**
 * Every usable result of an analyte up to asOf, newest first; on the same instant the preferred
 * code, then the lower value. Read through the chart's LOINC index, and lazily: a result is
 * converted only when a reader gets that far (most want the latest, some the one before it).
 */
export class LabSeries implements Iterable<LabValue> {
  private readonly read: LabValue[] = [];
  /** The next of `candidates` to read. */
  private next = 0;

  constructor(
    private readonly candidates: NewestFirst,
    private readonly lab: LabDefinition,
    private readonly asOf: number,
  ) {}

  /** The latest result. */
  get latest(): LabValue | undefined {
    return this.get(0);
  }

  /** The `index`-th result, newest first (0 is the latest). */
  get(index: number): LabValue | undefined {
    while (this.read.length <= index && this.candidates.get(this.next) !== undefined) this.readNextInstant();
    return this.read[index];
  }

  /** The first result, newest first, that `predicate` accepts. */
  find(predicate: (v: LabValue) => boolean): LabValue | undefined {
    for (const v of this) if (predicate(v)) return v;
    return undefined;
  }

  /** The results taken at or after `time` (epoch ms), newest first. */
  takenSince(time: number): LabValue[] {
    const found: LabValue[] = [];
    for (const v of this) {
      if (v.at < time) break;
      found.push(v);
    }
    return found;
  }

  *[Symbol.iterator](): Iterator<LabValue> {
    for (let i = 0; ; i++) {
      const v = this.get(i);
      if (v === undefined) return;
      yield v;
    }
  }

  /** Reads every candidate taken at the next instant, which the same-instant order then ranks. */
  private readNextInstant(): void {
    let candidate = this.candidates.get(this.next);
    const at = candidate?.at;
    const same: LabValue[] = [];
    while (candidate !== undefined && candidate.at === at) {
      const v = toLabValue(candidate, this.lab, this.asOf);
      if (v) same.push(v);
      candidate = this.candidates.get(++this.next);
    }
    this.read.push(...same.sort(sameInstantOrder));
  }
}

/** Every usable result of the analyte up to asOf, newest first (read through the chart's LOINC index). */
export function labSeries(chart: Chart, lab: LabDefinition, asOf: Date): LabSeries {
  return new LabSeries(newestObservations(chart, lab.loinc), lab, asOf.getTime());
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
