import type { Patient } from 'fhir/r4';
import { datePart, instantOf } from '../../brief/embedded/fhir-values';
import { dateOf } from './time';

// What every rule and the brief know about the patient, read one way: age only from a full birth
// date (a partial one could put a 64-year-old under the Beers criteria or a child into an adult
// screening), sex only when recorded as female or male, and death as of the clock (asOf).

/** Completed years and completed months of life. */
export interface Age {
  years: number;
  months: number;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Age on a calendar date (`YYYY-MM-DD`, a dateTime's date as written), from a full birth date.
 * Undefined when the birth date is missing or partial, the date unreadable, or before birth.
 */
export function ageOn(birthDate: string | undefined, on: string): Age | undefined {
  const birth = FULL_DATE.exec(birthDate ?? '');
  const day = DATE_PREFIX.exec(on);
  if (!birth || !day) return undefined;
  let months = (Number(day[1]) - Number(birth[1])) * 12 + (Number(day[2]) - Number(birth[2]));
  if (Number(day[3]) < Number(birth[3])) months--;
  return months < 0 ? undefined : { years: Math.floor(months / 12), months };
}

/** Age at `asOf` (its UTC calendar date). */
export function ageAt(patient: Patient, asOf: Date): Age | undefined {
  return ageOn(patient.birthDate, dateOf(asOf));
}

/** Completed years at `asOf`; undefined without a full birth date. */
export function ageInYears(patient: Patient, asOf: Date): number | undefined {
  return ageAt(patient, asOf)?.years;
}

/** Completed years on a calendar date (a lab sample's date, a vaccine dose's date). */
export function yearsOn(patient: Patient, on: string): number | undefined {
  return ageOn(patient.birthDate, on)?.years;
}

/** Sex as the screening tables and kidney equations use it. */
export type Sex = 'female' | 'male';

/** Administrative gender when female or male; undefined for other, unknown or missing (no guess). */
export function sexOf(patient: Patient): Sex | undefined {
  return patient.gender === 'female' || patient.gender === 'male' ? patient.gender : undefined;
}

/** The date of death as written ("2007-04-22"), when the chart gives one. */
export function deathDate(patient: Patient): string | undefined {
  return datePart(patient.deceasedDateTime);
}

/**
 * True when the chart says the patient had died by `asOf`: `deceasedBoolean`, or a
 * `deceasedDateTime` on or before asOf's date. A death recorded after asOf (a test's pinned clock,
 * a data error) does not make the patient dead now.
 */
export function isDeceased(patient: Patient, asOf: Date): boolean {
  if (patient.deceasedBoolean === true) return true;
  const died = instantOf(deathDate(patient));
  return died !== undefined && died <= asOf.getTime();
}
