import type { Patient } from 'fhir/r4';
import { datePart, instantOf } from '../../brief/embedded/fhir-values';

// What the clinical-state rules need to know about the patient, read defensively: age from a full
// birth date only (a partial one could put a 64-year-old under the Beers criteria), the sex the
// kidney equations were fitted on, and whether the patient was alive at asOf.

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ms), fractional. */
export function daysBetween(from: number, to: number): number {
  return (to - from) / DAY_MS;
}

/** The calendar date of an instant, UTC: the date asOf names. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Completed years from a full birth date (YYYY-MM-DD) to a date; undefined without a full birth date. */
export function ageOn(birthDate: string | undefined, on: string): number | undefined {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(on);
  if (!birth || !day) return undefined;
  const years = Number(day[1]) - Number(birth[1]);
  const hadBirthday = `${day[2]}-${day[3]}` >= `${birth[2]}-${birth[3]}`;
  return hadBirthday ? years : years - 1;
}

/** Age at asOf in completed years. */
export function ageAt(patient: Patient, asOf: Date): number | undefined {
  return ageOn(patient.birthDate, dateOf(asOf));
}

export type EquationSex = 'female' | 'male';

/** The sex the CKD-EPI and Cockcroft–Gault equations take; undefined for other or unknown (no guess). */
export function equationSex(patient: Patient): EquationSex | undefined {
  return patient.gender === 'female' || patient.gender === 'male' ? patient.gender : undefined;
}

/** True when the chart says the patient had died by asOf: no clinical card is useful then. */
export function isDeceased(patient: Patient, asOf: Date): boolean {
  if (patient.deceasedBoolean === true) return true;
  const died = instantOf(datePart(patient.deceasedDateTime));
  return died !== undefined && died <= asOf.getTime();
}
