import type { Condition, Observation, Patient } from 'fhir/r4';
import { isAssertedCondition } from '../../brief/embedded/problems';
import { codesOf, datePart, instantOf, observationTimeText, refOf } from '../../brief/embedded/fhir-values';
import { REPORTABLE_STATUSES } from '../../brief/embedded/readings';
import type { Chart } from '../../chart/chart';
import { LOINC, SNOMED_CT } from '../../clinical-codes/code-systems';
import type { PddiLab } from '../../knowledge/interactions/pddi-digoxin-cyclosporine';

// Facts about the patient the interaction modifiers read: age, recorded conditions, recent labs.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole years at `asOf` from a full `YYYY-MM-DD` birth date; undefined when not known exactly. */
export function ageInYears(patient: Patient, asOf: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(patient.birthDate ?? '');
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const beforeBirthday = asOf.getUTCMonth() + 1 < month || (asOf.getUTCMonth() + 1 === month && asOf.getUTCDate() < day);
  return asOf.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

/** A chart Condition matched by a knowledge row's SNOMED CT code, named as the row names it. */
export interface CodedCondition {
  condition: Condition;
  display: string;
}

/** Conditions coded with one of the rows' SNOMED CT codes, recorded as true (any clinical status: a history counts). */
export function conditionsCoded(chart: Chart, rows: readonly { code: string; display: string }[]): CodedCondition[] {
  return chart.conditions.flatMap((condition) => {
    const codes = codesOf(condition.code, [SNOMED_CT]);
    const row = isAssertedCondition(condition) ? rows.find((r) => codes.includes(r.code)) : undefined;
    return row ? [{ condition, display: row.display }] : [];
  });
}

/** A lab value converted into the unit the knowledge row uses. */
export interface LabValue {
  ref: string;
  date: string;
  value: number;
  unit: string;
}

function valueIn(obs: Observation, lab: PddiLab): number | undefined {
  const q = obs.valueQuantity;
  const unit = q?.code ?? q?.unit;
  const factor = unit === undefined ? undefined : lab.convert[unit];
  return typeof q?.value === 'number' && factor !== undefined ? q.value * factor : undefined;
}

/** The latest reportable value of the lab taken within its window before `asOf`, in the row's unit. */
export function latestLab(chart: Chart, lab: PddiLab, asOf: Date): LabValue | undefined {
  const from = asOf.getTime() - lab.withinDays * DAY_MS;
  let latest: { time: number; value: LabValue } | undefined;
  for (const obs of chart.observations) {
    if (!REPORTABLE_STATUSES.has(obs.status) || !codesOf(obs.code, [LOINC]).some((c) => lab.loinc.includes(c))) continue;
    // Day precision: the windows are in days and the date is what the card states.
    const time = instantOf(datePart(observationTimeText(obs)));
    const value = valueIn(obs, lab);
    if (time === undefined || time < from || time > asOf.getTime() || value === undefined) continue;
    if (!latest || time > latest.time) latest = { time, value: { ref: refOf(obs), date: new Date(time).toISOString().slice(0, 10), value, unit: lab.unit } };
  }
  return latest?.value;
}

/** Inside the row's normal range (exclusive bounds, as the PDDI CQL compares). */
export function isNormal(value: LabValue, lab: PddiLab): boolean {
  return value.value < lab.high && (lab.low === undefined || value.value > lab.low);
}

/** "0.7 ng/mL on 2020-03-28 (Observation/o301)". */
export function labText(value: LabValue): string {
  return `${Number(value.value.toFixed(2))} ${value.unit} on ${value.date} (${value.ref})`;
}
