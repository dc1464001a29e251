import type { Patient } from 'fhir/r4';

// The demographics care gaps depend on, read strictly: no guessed ages, no assumed sex.

export interface Age {
  years: number;
  months: number;
}

/**
 * Age at `asOf` in whole years and whole months, from a full `YYYY-MM-DD` birth date. Undefined
 * when the birth date is missing or partial, or after `asOf`: an age-based rule then says nothing.
 */
export function ageAt(birthDate: string | undefined, asOf: Date): Age | undefined {
  const m = typeof birthDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!m) return undefined;
  let months = (asOf.getUTCFullYear() - Number(m[1])) * 12 + (asOf.getUTCMonth() + 1 - Number(m[2]));
  if (asOf.getUTCDate() < Number(m[3])) months--;
  return months < 0 ? undefined : { years: Math.floor(months / 12), months };
}

/** Age in whole years when an event happened (a dose at 66), from the same birth date. */
export function yearsAt(birthDate: string | undefined, time: number): number | undefined {
  return ageAt(birthDate, new Date(time))?.years;
}

/** Administrative gender as the screening tables use it; undefined for other, unknown or missing. */
export function sexOf(patient: Patient): 'female' | 'male' | undefined {
  return patient.gender === 'female' || patient.gender === 'male' ? patient.gender : undefined;
}

/** True when the chart says the patient has died (`deceasedBoolean` or `deceasedDateTime`). */
export function isDeceased(patient: Patient): boolean {
  return patient.deceasedBoolean === true || typeof patient.deceasedDateTime === 'string';
}
