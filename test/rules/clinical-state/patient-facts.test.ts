import { ageAt, ageOn, equationSex, isDeceased } from '../../../src/rules/clinical-state/patient-facts';
import { inRange } from '../../../src/rules/clinical-state/in-range';
import { AS_OF } from './clinical-state-support';

describe('age', () => {
  it('counts completed years, turning a year older on the birthday', () => {
    expect(ageOn('1946-06-01', '2026-06-01')).toBe(80);
    expect(ageOn('1946-06-02', '2026-06-01')).toBe(79);
    expect(ageOn('1946-06-01', '2026-06-01T23:00:00-05:00')).toBe(80);
  });

  it('gives no age from a partial or missing birth date, or a date it cannot read', () => {
    expect(ageOn('1946', '2026-06-01')).toBeUndefined();
    expect(ageOn(undefined, '2026-06-01')).toBeUndefined();
    expect(ageOn('1946-06-01', '')).toBeUndefined();
  });

  it('takes the age at asOf', () => {
    expect(ageAt({ resourceType: 'Patient', birthDate: '1960-12-31' }, AS_OF)).toBe(65);
  });
});

it('uses female or male for the kidney equations and nothing else', () => {
  expect(equationSex({ resourceType: 'Patient', gender: 'female' })).toBe('female');
  expect(equationSex({ resourceType: 'Patient', gender: 'male' })).toBe('male');
  expect(equationSex({ resourceType: 'Patient', gender: 'other' })).toBeUndefined();
  expect(equationSex({ resourceType: 'Patient' })).toBeUndefined();
});

it('knows the patient died by asOf from deceasedBoolean or a past deceasedDateTime', () => {
  expect(isDeceased({ resourceType: 'Patient', deceasedBoolean: true }, AS_OF)).toBe(true);
  expect(isDeceased({ resourceType: 'Patient', deceasedBoolean: false }, AS_OF)).toBe(false);
  expect(isDeceased({ resourceType: 'Patient', deceasedDateTime: '2007-04-08T10:00:00Z' }, AS_OF)).toBe(true);
  expect(isDeceased({ resourceType: 'Patient', deceasedDateTime: '2030-01-01' }, AS_OF)).toBe(false);
  expect(isDeceased({ resourceType: 'Patient' }, AS_OF)).toBe(false);
});

it('checks every bound of a range, as guidelines write them', () => {
  expect(inRange(29.9, { below: 30 })).toBe(true);
  expect(inRange(30, { below: 30 })).toBe(false);
  expect(inRange(50, { atLeast: 15, atMost: 50 })).toBe(true);
  expect(inRange(50.1, { atLeast: 15, atMost: 50 })).toBe(false);
  expect(inRange(14.9, { atLeast: 15, atMost: 50 })).toBe(false);
  expect(inRange(95, { above: 95 })).toBe(false);
  expect(inRange(95.1, { above: 95 })).toBe(true);
  expect(inRange(1, {})).toBe(true);
});
