import type { CodeableConcept, Observation, ObservationReferenceRange, Quantity } from 'fhir/r4';
import { DIASTOLIC_BP, SYSTOLIC_BP, type KeyObservation } from '../../clinical-codes/key-observations';
import { LOINC } from '../../clinical-codes/code-systems';
import { DIASTOLIC_LIMITS, REFERENCE_LIMITS, SYSTOLIC_LIMITS, type ReferenceLimits } from '../../clinical-codes/reference-ranges';
import { displayUnit } from '../../clinical-codes/ucum-display';
import { isPreliminaryResult, isShownResult } from '../../chart/facts/result-status';
import { arrayOrEmpty, codesOf, datePart, instantOf, observationTimeText, quantityNumber, refOf } from './fhir-values';

/** One dated value of a key lab or vital, as the brief states it. */
export interface Reading {
  observation: Observation;
  ref: string;
  /** ms since the epoch, for ordering. */
  time: number;
  /** The calendar date as the EHR wrote it. */
  date: string;
  /** "1.29", "< 5", "132/84". */
  value: string;
  /** Display unit ("mg/dL", "mmHg"); "" for unitless values such as INR. */
  unit: string;
  /** H, L, HH, LL, HU, LU, A, AA: from the Observation's interpretation, else its referenceRange. */
  flag?: string;
  /** Not final yet: shown, and labelled (chart/facts/result-status.ts). */
  preliminary: boolean;
}

// https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html: the abnormal flags.
const ABNORMAL_FLAGS = new Set(['H', 'HH', 'HU', 'L', 'LL', 'LU', 'A', 'AA']);

function interpretationFlag(concepts: readonly CodeableConcept[] | undefined): string | undefined {
  for (const concept of arrayOrEmpty(concepts)) {
    for (const coding of arrayOrEmpty(concept?.coding)) {
      const code = typeof coding?.code === 'string' ? coding.code.toUpperCase() : undefined;
      if (code !== undefined && ABNORMAL_FLAGS.has(code)) return code;
    }
  }
  return undefined;
}

function sameUnit(bound: Quantity | undefined, q: Quantity): boolean {
  const unit = bound?.code ?? bound?.unit;
  return unit === undefined || unit === (q.code ?? q.unit);
}

/** H or L when the value lies outside a reference range stated in the same unit. */
function rangeFlag(q: Quantity, ranges: readonly ObservationReferenceRange[] | undefined): string | undefined {
  if (typeof q.value !== 'number') return undefined;
  for (const r of arrayOrEmpty(ranges)) {
    if (typeof r?.low?.value === 'number' && sameUnit(r.low, q) && q.value < r.low.value) return 'L';
    if (typeof r?.high?.value === 'number' && sameUnit(r.high, q) && q.value > r.high.value) return 'H';
  }
  return undefined;
}

function base(obs: Observation): Pick<Reading, 'observation' | 'ref' | 'time' | 'date' | 'preliminary'> | undefined {
  const when = observationTimeText(obs);
  const time = instantOf(when);
  const date = datePart(when);
  if (!obs.id || time === undefined || date === undefined) return undefined;
  return { observation: obs, ref: refOf(obs), time, date, preliminary: isPreliminaryResult(obs.status) };
}

/** H or L from the reference table, when the value is in one of the limits' units. */
function limitsFlag(q: Quantity, limits: ReferenceLimits | undefined): string | undefined {
  if (!limits || typeof q.value !== 'number') return undefined;
  const units = [q.code, q.unit].filter((u): u is string => typeof u === 'string');
  if (!units.some((u) => limits.units.includes(u))) return undefined;
  if (limits.low !== undefined && q.value < limits.low) return 'L';
  if (limits.high !== undefined && q.value > limits.high) return 'H';
  return undefined;
}

/** The EHR's own judgement (interpretation, then reference range) wins; the table only fills in. */
function hasOwnJudgement(x: { interpretation?: readonly CodeableConcept[]; referenceRange?: readonly ObservationReferenceRange[] }): boolean {
  return arrayOrEmpty(x.interpretation).length > 0 || arrayOrEmpty(x.referenceRange).length > 0;
}

function quantityReading(obs: Observation, row: KeyObservation): Reading | undefined {
  const b = base(obs);
  const q = obs.valueQuantity;
  const value = q ? quantityNumber(q, row.decimals) : undefined;
  if (!b || !q || value === undefined) return undefined;
  const flag = hasOwnJudgement(obs)
    ? (interpretationFlag(obs.interpretation) ?? rangeFlag(q, obs.referenceRange))
    : limitsFlag(q, REFERENCE_LIMITS[row.key]);
  return { ...b, value, unit: displayUnit(q.unit ?? q.code), ...(flag ? { flag } : {}) };
}

function bloodPressureReading(obs: Observation, row: KeyObservation): Reading | undefined {
  const b = base(obs);
  const component = (code: string): NonNullable<Observation['component']>[number] | undefined =>
    obs.component?.find((c) => codesOf(c.code, [LOINC]).includes(code));
  const sys = component(SYSTOLIC_BP);
  const dia = component(DIASTOLIC_BP);
  const sysValue = sys?.valueQuantity ? quantityNumber(sys.valueQuantity, row.decimals) : undefined;
  const diaValue = dia?.valueQuantity ? quantityNumber(dia.valueQuantity, row.decimals) : undefined;
  if (!b || !sys?.valueQuantity || !dia?.valueQuantity || sysValue === undefined || diaValue === undefined) return undefined;
  const own = hasOwnJudgement(obs) || hasOwnJudgement(sys) || hasOwnJudgement(dia);
  const flag = own
    ? (interpretationFlag(obs.interpretation) ??
      interpretationFlag(sys.interpretation) ??
      interpretationFlag(dia.interpretation) ??
      rangeFlag(sys.valueQuantity, sys.referenceRange) ??
      rangeFlag(dia.valueQuantity, dia.referenceRange))
    : (limitsFlag(sys.valueQuantity, SYSTOLIC_LIMITS) ?? limitsFlag(dia.valueQuantity, DIASTOLIC_LIMITS));
  const unit = displayUnit(sys.valueQuantity.unit ?? sys.valueQuantity.code);
  return { ...b, value: `${sysValue}/${diaValue}`, unit, ...(flag ? { flag } : {}) };
}

/** The reading an Observation gives for a key row, or undefined when it holds no usable value. */
export function readingOf(obs: Observation, row: KeyObservation): Reading | undefined {
  if (!isShownResult(obs.status)) return undefined;
  switch (row.shape) {
    case 'quantity':
      return quantityReading(obs, row);
    case 'blood-pressure':
      return bloodPressureReading(obs, row);
  }
}

/** "1.29 mg/dL", "97%", "72/min", "2.6" (INR). */
export function valueWithUnit(value: string, unit: string): string {
  if (unit === '') return value;
  return unit === '%' || unit.startsWith('/') ? `${value}${unit}` : `${value} ${unit}`;
}
