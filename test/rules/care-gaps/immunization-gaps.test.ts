import { assessImmunizations } from '../../../src/rules/care-gaps/immunization-gaps';
import { AS_OF, chartOf, contextOf, immunization, only, patientAged } from './care-gap-kit';

function immunizations(asOf: Date, ...args: Parameters<typeof chartOf>): ReturnType<typeof assessImmunizations> {
  return assessImmunizations(contextOf(chartOf(...args), asOf));
}

describe('influenza (ACIP 2024–25: every season from 6 months)', () => {
  it('is met by a dose since the last 1 August', () => {
    const a = only(immunizations(AS_OF, patientAged(30, 'female'), [immunization('flu', '140', '2025-10-10')]), 'influenza');
    expect(a).toMatchObject({ status: 'met', reason: 'dose 2025-10-10 `Immunization/flu`', evidence: ['Immunization/flu'] });
  });

  it('is due when the last dose was last season, naming it', () => {
    const a = only(immunizations(AS_OF, patientAged(30, 'female'), [immunization('flu', '150', '2025-03-01')]), 'influenza');
    expect(a.status).toBe('due');
    expect(a.reason).toBe('season since 2025-08-01: last dose 2025-03-01 `Immunization/flu`');
    expect(a.evidence).toEqual(['Patient/pat-1', 'Immunization/flu']);
  });

  it('starts a new season on 1 August', () => {
    const dose = [immunization('flu', '140', '2025-10-10')];
    expect(only(immunizations(new Date('2026-07-31T23:00:00Z'), patientAged(30, 'female'), dose), 'influenza').status).toBe('met');
    expect(only(immunizations(new Date('2026-08-01T00:00:00Z'), patientAged(30, 'female'), dose), 'influenza').status).toBe('due');
  });

  it('does not count a dose not given, or a non-influenza vaccine', () => {
    const a = only(immunizations(AS_OF, patientAged(30, 'female'), [immunization('flu', '140', '2025-10-10', 'not-done'), immunization('td', '113', '2025-10-10')]), 'influenza');
    expect(a).toMatchObject({ status: 'due', reason: 'season since 2025-08-01: no dose on record' });
  });

  it('is not assessed when immunizations are unavailable', () => {
    const a = only(immunizations(AS_OF, patientAged(30, 'female'), [], { immunizations: { state: 'failed', source: 'fhir' } }), 'influenza');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'Immunizations unavailable' });
  });

  it('applies from 6 months of age', () => {
    expect(immunizations(AS_OF, { birthDate: '2026-01-15' }).map((a) => a.id)).toEqual([]);
    expect(immunizations(AS_OF, { birthDate: '2025-11-30' }).map((a) => a.id)).toEqual(['influenza']);
  });
});

describe('pneumococcal (ACIP 2024: adults ≥ 50)', () => {
  const pneumo = (birthYears: number, doses: ReturnType<typeof immunization>[]) => only(immunizations(AS_OF, patientAged(birthYears, 'male'), doses), 'pneumococcal');

  it('does not apply before 50', () => {
    expect(immunizations(AS_OF, patientAged(49, 'male')).map((a) => a.id)).toEqual(['influenza']);
  });

  it('is due with no dose on record, ordering PCV20 or PCV21', () => {
    const a = pneumo(50, []);
    expect(a).toMatchObject({ status: 'due', reason: 'age 50: no dose on record; due: Pneumococcal conjugate vaccine (PCV20 or PCV21)' });
    expect(a.order.code).toBe('152');
  });

  it('is complete after PCV20 or PCV21', () => {
    expect(pneumo(60, [immunization('p', '216', '2024-01-01')]).status).toBe('met');
    expect(pneumo(60, [immunization('p', '327', '2025-01-01')]).status).toBe('met');
  });

  it('is complete after PCV15 then PPSV23', () => {
    expect(pneumo(60, [immunization('a', '215', '2023-01-01'), immunization('b', '33', '2024-02-01')]).status).toBe('met');
  });

  it('orders PPSV23 a year after PCV15 alone, and waits before that', () => {
    const due = pneumo(60, [immunization('a', '215', '2025-01-01')]);
    expect(due).toMatchObject({ status: 'due', evidence: ['Patient/pat-1', 'Immunization/a'] });
    expect(due.order.code).toBe('33');
    const wait = pneumo(60, [immunization('a', '215', '2026-03-01')]);
    expect(wait).toMatchObject({ status: 'met', reason: 'PCV15 2026-03-01 `Immunization/a`; next dose from 2027-03-01' });
  });

  it('is complete after PCV13 and PPSV23 given at 65 or older', () => {
    // Born 1956-01-01: 65 on 2021-01-01.
    expect(pneumo(70, [immunization('a', '133', '2020-06-01'), immunization('b', '33', '2021-06-01')]).status).toBe('met');
  });

  it('needs PCV20/21 five years after PCV13 + PPSV23 when PPSV23 was before 65', () => {
    // Born 1971-01-01 (55): PPSV23 at 49.
    const due = pneumo(55, [immunization('a', '133', '2019-01-01'), immunization('b', '33', '2020-03-01')]);
    expect(due.status).toBe('due');
    expect(due.reason).toContain('PPSV23 2020-03-01');
    const wait = pneumo(55, [immunization('a', '133', '2019-01-01'), immunization('b', '33', '2022-03-01')]);
    expect(wait).toMatchObject({ status: 'met', reason: expect.stringContaining('next dose from 2027-03-01') as unknown });
  });

  it('needs PCV20/21 a year after PCV13 alone or PPSV23 alone', () => {
    expect(pneumo(60, [immunization('a', '133', '2024-01-01')]).status).toBe('due');
    expect(pneumo(60, [immunization('b', '33', '2026-01-01')]).status).toBe('met');
  });

  it('treats PCV7-only adults as unvaccinated', () => {
    expect(pneumo(60, [immunization('a', '100', '2005-01-01')]).status).toBe('due');
  });

  it('does not judge a series with an unspecified pneumococcal dose', () => {
    const a = pneumo(60, [immunization('a', '152', '2024-01-01')]);
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'series unclear: pneumococcal vaccine (unspecified) 2024-01-01 `Immunization/a`' });
  });

  it('is not assessed when immunizations are unavailable', () => {
    const a = only(immunizations(AS_OF, patientAged(60, 'male'), [], { immunizations: { state: 'missing', source: 'none' } }), 'pneumococcal');
    expect(a.status).toBe('not-assessed');
  });
});
