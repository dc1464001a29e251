import { smokingHistory, smokingNotRecorded } from '../../../src/rules/care-gaps/smoking-history';
import { chartOf, condition, conditionDated, contextOf, ICD10_CM, only, packYears, patientAged, screenings, SNOMED, smokingStatus } from './care-gap-kit';

// Smoking history read from smoking status observations (social-history or survey) and smoking
// problems; AAA and lung cancer screening decided from it.

const CURRENT = '449868002';
const FORMER = '8517006';
const NEVER = '266919005';
const UNKNOWN_IF_EVER = '266927001';
const SMOKER_STATUS_UNKNOWN = '77176002';

function historyOf(...args: Parameters<typeof chartOf>): ReturnType<typeof smokingHistory> {
  return smokingHistory(contextOf(chartOf(...args)));
}

describe('smoking history', () => {
  it('reads status observations from either category, newest first; "unknown if ever smoked" says nothing', () => {
    const h = historyOf(patientAged(60, 'male'), [
      smokingStatus('s1', CURRENT, '2015-01-01', 'survey'),
      smokingStatus('s2', FORMER, '2020-01-01'),
      smokingStatus('s3', UNKNOWN_IF_EVER, '2025-01-01'),
    ]);
    expect(h.records.map((r) => [r.kind, r.ref])).toEqual([
      ['former', 'Observation/s2'],
      ['current', 'Observation/s1'],
    ]);
    expect(h).toMatchObject({ ever: { ref: 'Observation/s2' }, latest: { kind: 'former' }, lastSmoking: { ref: 'Observation/s1', quit: false } });
    expect(h.lastSmoking?.time).toBe(Date.parse('2015-01-01'));
  });

  it('counts a smoking problem: active means smoking, resolved means stopped (on its end date), refuted not at all', () => {
    const active = historyOf(patientAged(60, 'male'), [condition('smk', { system: ICD10_CM, code: 'F17.210' })]);
    expect(active.latest).toMatchObject({ kind: 'current', ref: 'Condition/smk' });
    const resolved = historyOf(patientAged(60, 'male'), [conditionDated('smk', { system: ICD10_CM, code: 'F17.210' }, 'resolved', { abatementDateTime: '2018-05-01' })]);
    expect(resolved.latest).toMatchObject({ kind: 'former', quit: Date.parse('2018-05-01') });
    expect(resolved.lastSmoking).toMatchObject({ ref: 'Condition/smk', quit: true });
    const undatedEnd = historyOf(patientAged(60, 'male'), [conditionDated('smk', { system: ICD10_CM, code: 'Z72.0' }, 'inactive', { onsetDateTime: '2001-01-01' })]);
    expect(undatedEnd.latest).toMatchObject({ kind: 'former', time: Date.parse('2001-01-01') });
    expect(undatedEnd.lastSmoking).toBeUndefined();
    const noDates = historyOf(patientAged(60, 'male'), [condition('smk', { system: ICD10_CM, code: 'Z72.0' }, 'inactive')]);
    expect(noDates.latest).toEqual({ kind: 'former', ref: 'Condition/smk' });
    expect(historyOf(patientAged(60, 'male'), [condition('smk', { system: ICD10_CM, code: 'F17.210' }, 'active', 'refuted')]).records).toEqual([]);
  });

  it('orders dated records before undated ones, and reads the latest pack-years', () => {
    const h = historyOf(patientAged(60, 'male'), [
      condition('hx', { system: SNOMED, code: SMOKER_STATUS_UNKNOWN }),
      smokingStatus('s1', NEVER, '2024-01-01'),
      packYears('py1', 12, '2019-01-01'),
      packYears('py2', 30, '2023-01-01'),
    ]);
    expect(h.records.map((r) => r.ref)).toEqual(['Observation/s1', 'Condition/hx']);
    expect(h).toMatchObject({ ever: { kind: 'smoker', ref: 'Condition/hx' }, latest: { kind: 'never' }, packYears: { value: 30, ref: 'Observation/py2' } });
  });

  it('dates problems by onset period or recorded date, ends them by an abatement period, and keeps undated ones last', () => {
    const h = historyOf(patientAged(60, 'male'), [
      { ...conditionDated('a', { system: ICD10_CM, code: 'Z87.891' }, 'active', {}), onsetPeriod: { start: '2010-01-01' } },
      conditionDated('b', { system: SNOMED, code: FORMER }, 'active', { recordedDate: '2012-01-01' }),
      { ...conditionDated('c', { system: ICD10_CM, code: 'F17.210' }, 'resolved', {}), abatementPeriod: { end: '2014-01-01' } },
      condition('d', { system: SNOMED, code: SMOKER_STATUS_UNKNOWN }),
      condition('e', { system: SNOMED, code: NEVER }),
    ]);
    expect(h.records.map((r) => [r.ref, r.time])).toEqual([
      ['Condition/c', Date.parse('2014-01-01')],
      ['Condition/b', Date.parse('2012-01-01')],
      ['Condition/a', Date.parse('2010-01-01')],
      ['Condition/d', undefined],
      ['Condition/e', undefined],
    ]);
  });

  it('takes the latest pack-years that has a number', () => {
    const h = historyOf(patientAged(60, 'male'), [packYears('py1', 22, '2020-01-01'), { ...packYears('py2', 0, '2024-01-01'), valueQuantity: undefined, valueString: 'heavy' }]);
    expect(h.packYears).toEqual({ value: 22, ref: 'Observation/py1' });
  });

  it('says which sections could hold an unrecorded history', () => {
    expect(smokingNotRecorded(contextOf(chartOf(patientAged(60, 'male'))))).toBe('smoking history not recorded');
    const ctx = contextOf(chartOf(patientAged(60, 'male'), [], { socialHistory: { state: 'missing', source: 'none' }, surveys: { state: 'failed', source: 'fhir' } }));
    expect(smokingNotRecorded(ctx)).toBe('smoking history not recorded (Social history, Surveys unavailable)');
  });
});

describe('AAA screening from the smoking status (USPSTF 2019)', () => {
  it('is due for a 68-year-old smoker and not indicated for a recorded never-smoker', () => {
    expect(only(screenings(patientAged(68, 'male'), [smokingStatus('s', CURRENT, '2026-01-10', 'survey')]), 'aaa')).toMatchObject({ status: 'due' });
    const never = only(screenings(patientAged(68, 'male'), [smokingStatus('s', NEVER, '2026-01-10', 'survey')]), 'aaa');
    expect(never).toMatchObject({ status: 'not-indicated', reason: 'never smoked `Observation/s`', evidence: ['Observation/s'] });
  });

  it('is not assessed when nothing records smoking, naming sections not read', () => {
    const a = only(screenings(patientAged(68, 'male'), [], { surveys: { state: 'missing', source: 'none' } }), 'aaa');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'smoking history not recorded (Surveys unavailable)' });
  });
});

describe('lung cancer screening (USPSTF 2021: 50–80, ≥ 20 pack-years, smoking now or quit within 15 years)', () => {
  const lung = (...args: Parameters<typeof chartOf>) => only(screenings(...args), 'lung-cancer');

  it('is due for a current smoker with 30 pack-years and no low-dose CT, citing both', () => {
    const a = lung(patientAged(62, 'female'), [smokingStatus('s', CURRENT, '2026-02-01'), packYears('py', 30, '2026-02-01')]);
    expect(a.status).toBe('due');
    expect(a.reason).toBe('age 62, 30 pack-years `Observation/py`, smokes `Observation/s`: no low-dose CT (1 y) on record');
    expect(a.evidence).toEqual(['Patient/pat-1', 'Observation/py', 'Observation/s']);
    expect(a.order).toMatchObject({ code: '71271' });
  });

  it('is due for a former smoker last recorded smoking within 15 years, or with a recorded quit date within 15 years', () => {
    const lastSmoked = lung(patientAged(70, 'male'), [smokingStatus('s1', CURRENT, '2016-01-01'), smokingStatus('s2', FORMER, '2024-01-01'), packYears('py', 25, '2024-01-01')]);
    expect(lastSmoked.reason).toContain('last recorded smoking 2016-01-01 `Observation/s1`');
    const quit = lung(patientAged(70, 'male'), [conditionDated('smk', { system: ICD10_CM, code: 'F17.210' }, 'resolved', { abatementDateTime: '2015-06-01' }), packYears('py', 40, '2024-01-01')]);
    expect(quit).toMatchObject({ status: 'due', evidence: ['Patient/pat-1', 'Observation/py', 'Condition/smk'] });
    expect(quit.reason).toContain('quit 2015-06-01 `Condition/smk`');
  });

  it('is met by a low-dose CT within a year', () => {
    const a = lung(patientAged(62, 'female'), [
      smokingStatus('s', CURRENT, '2026-02-01'),
      packYears('py', 30, '2026-02-01'),
      { resourceType: 'Procedure', id: 'ct', status: 'completed', subject: { reference: 'Patient/pat-1' }, code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '71271' }] }, performedDateTime: '2025-11-01' },
    ]);
    expect(a).toMatchObject({ status: 'met', evidence: ['Procedure/ct'] });
  });

  it('is not indicated for a never-smoker, under 20 pack-years, or a quit date over 15 years ago', () => {
    expect(lung(patientAged(62, 'female'), [smokingStatus('s', NEVER, '2026-02-01')])).toMatchObject({ status: 'not-indicated', reason: 'never smoked `Observation/s`' });
    expect(lung(patientAged(62, 'female'), [smokingStatus('s', CURRENT, '2026-02-01'), packYears('py', 12.5, '2026-02-01')])).toMatchObject({
      status: 'not-indicated',
      reason: '12.5 pack-years `Observation/py`, under 20',
    });
    const quitLongAgo = lung(patientAged(75, 'male'), [conditionDated('smk', { system: ICD10_CM, code: 'F17.210' }, 'resolved', { abatementDateTime: '2005-01-01' }), packYears('py', 40, '2024-01-01')]);
    expect(quitLongAgo).toMatchObject({ status: 'not-indicated', reason: 'quit 2005-01-01 `Condition/smk`, over 15 years ago', evidence: ['Condition/smk'] });
  });

  it('is not assessed without a smoking history, pack-years, a quit date or a current status', () => {
    expect(lung(patientAged(62, 'female'))).toMatchObject({ status: 'not-assessed', reason: 'smoking history not recorded' });
    expect(lung(patientAged(62, 'female'), [smokingStatus('s', CURRENT, '2026-02-01')])).toMatchObject({ status: 'not-assessed', reason: 'has smoked `Observation/s`; pack-years not recorded' });
    const formerOnly = lung(patientAged(62, 'female'), [smokingStatus('s', FORMER, '2026-02-01'), packYears('py', 30, '2026-02-01')]);
    expect(formerOnly).toMatchObject({ status: 'not-assessed', reason: 'quit date not recorded `Observation/s`', evidence: ['Observation/s'] });
    const oldSmoking = lung(patientAged(75, 'female'), [smokingStatus('s1', CURRENT, '2005-01-01'), smokingStatus('s2', FORMER, '2026-02-01'), packYears('py', 30, '2026-02-01')]);
    expect(oldSmoking).toMatchObject({ status: 'not-assessed', evidence: ['Observation/s2', 'Observation/s1'] });
    expect(oldSmoking.reason).toBe('quit date not recorded `Observation/s2`; last recorded smoking 2005-01-01 `Observation/s1`');
    const statusUnknown = lung(patientAged(62, 'female'), [smokingStatus('s', SMOKER_STATUS_UNKNOWN, '2026-02-01'), packYears('py', 30, '2026-02-01')]);
    expect(statusUnknown.reason).toBe('current smoking status not recorded `Observation/s`');
  });

  it('is excluded with lung cancer on record, and does not apply under 50 or over 80', () => {
    const withCancer = lung(patientAged(62, 'female'), [smokingStatus('s', CURRENT, '2026-02-01'), packYears('py', 30, '2026-02-01'), condition('ca', { system: SNOMED, code: '254637007' })]);
    expect(withCancer).toMatchObject({ status: 'excluded', evidence: ['Condition/ca'] });
    for (const age of [49, 81]) expect(screenings(patientAged(age, 'female'), [smokingStatus('s', CURRENT, '2026-02-01')]).map((a) => a.id)).not.toContain('lung-cancer');
  });
});
