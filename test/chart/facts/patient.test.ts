import type { Patient } from 'fhir/r4';
import { ageAt, ageInYears, ageOn, deathDate, isDeceased, sexOf, yearsOn } from '../../../src/chart/facts/patient';

// One reading of the patient for every rule and the brief: age from a full birth date only, sex
// as female or male only, and death as of the clock.

const AS_OF = new Date('2026-06-01T12:00:00Z');
const patient = (p: Partial<Omit<Patient, 'resourceType'>> = {}): Patient => ({ resourceType: 'Patient', ...p });

describe('age', () => {
  it('counts completed years and months, a year older on the birthday', () => {
    expect(ageOn('1946-06-01', '2026-06-01')).toEqual({ years: 80, months: 960 });
    expect(ageOn('1946-06-02', '2026-06-01')).toEqual({ years: 79, months: 959 });
    expect(ageOn('1946-06-01', '2026-06-01T23:00:00-05:00')?.years).toBe(80);
    expect(ageOn('2024-12-15', '2026-06-01')).toEqual({ years: 1, months: 17 });
  });

  it('gives no age from a partial or missing birth date, an unreadable date, or a date before birth', () => {
    expect(ageOn('1946', '2026-06-01')).toBeUndefined();
    expect(ageOn('1946-06-01T00:00:00Z', '2026-06-01')).toBeUndefined();
    expect(ageOn(undefined, '2026-06-01')).toBeUndefined();
    expect(ageOn('1946-06-01', '')).toBeUndefined();
    expect(ageOn('2027-01-01', '2026-06-01')).toBeUndefined();
  });

  it('takes the age at asOf by its UTC date, and on a given date', () => {
    expect(ageAt(patient({ birthDate: '1960-12-31' }), AS_OF)).toEqual({ years: 65, months: 785 });
    expect(ageInYears(patient({ birthDate: '1950-06-01' }), AS_OF)).toBe(76);
    expect(ageInYears(patient({ birthDate: '1950-06-02' }), AS_OF)).toBe(75);
    expect(ageInYears(patient(), AS_OF)).toBeUndefined();
    expect(yearsOn(patient({ birthDate: '1956-01-01' }), '2021-06-01')).toBe(65);
  });
});

it('reads sex as female or male only (no guess for other or unknown)', () => {
  expect(sexOf(patient({ gender: 'female' }))).toBe('female');
  expect(sexOf(patient({ gender: 'male' }))).toBe('male');
  expect(sexOf(patient({ gender: 'other' }))).toBeUndefined();
  expect(sexOf(patient({ gender: 'unknown' }))).toBeUndefined();
  expect(sexOf(patient())).toBeUndefined();
});

describe('death', () => {
  it('is deceasedBoolean, or a deceasedDateTime on or before asOf', () => {
    expect(isDeceased(patient({ deceasedBoolean: true }), AS_OF)).toBe(true);
    expect(isDeceased(patient({ deceasedBoolean: false }), AS_OF)).toBe(false);
    expect(isDeceased(patient({ deceasedDateTime: '2007-04-08T10:00:00Z' }), AS_OF)).toBe(true);
    expect(isDeceased(patient({ deceasedDateTime: '2026-06-01T20:00:00-05:00' }), AS_OF)).toBe(true);
    expect(isDeceased(patient(), AS_OF)).toBe(false);
  });

  it('does not count a death recorded after asOf (a pinned clock, a data error)', () => {
    expect(isDeceased(patient({ deceasedDateTime: '2030-01-01' }), AS_OF)).toBe(false);
  });

  it('gives the date of death as written', () => {
    expect(deathDate(patient({ deceasedDateTime: '2007-04-22T03:44:08-04:00' }))).toBe('2007-04-22');
    expect(deathDate(patient({ deceasedBoolean: true }))).toBeUndefined();
  });
});
