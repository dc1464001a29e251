import { assessScreenings } from '../../../src/rules/care-gaps/screening-gaps';
import {
  screenings,
  condition,
  contextOf,
  CPT,
  directChart,
  ICD10_CM,
  labResult,
  only,
  patientAged,
  procedure,
  report,
  serviceRequest,
  SNOMED,
} from './care-gap-kit';

const COLONOSCOPY = { system: SNOMED, code: '73761001', display: 'Colonoscopy' };


describe('colorectal cancer screening (USPSTF 2021, 45–75)', () => {
  it('is met by a colonoscopy within 10 years and cites it', () => {
    const a = only(screenings(patientAged(55, 'male'), [procedure('colo', COLONOSCOPY, '2019-03-01')]), 'colorectal');
    expect(a.status).toBe('met');
    expect(a.evidence).toEqual(['Procedure/colo']);
    expect(a.knowledge).toEqual(['colorectal', 'colorectal-colonoscopy']);
    expect(a.reason).toContain('colonoscopy 2019-03-01');
  });

  it('is due when the last colonoscopy is older than 10 years, naming it', () => {
    const a = only(screenings(patientAged(60, 'male'), [procedure('colo', COLONOSCOPY, '2015-01-10')]), 'colorectal');
    expect(a.status).toBe('due');
    expect(a.reason).toContain('last colonoscopy 2015-01-10 `Procedure/colo`');
    expect(a.evidence).toEqual(['Patient/pat-1', 'Procedure/colo']);
  });

  it('is met by a FIT within a year (Observation, LOINC) but not by one two years old', () => {
    const recent = only(screenings(patientAged(50, 'female'), [labResult('fit', '57905-2', '2025-09-01')]), 'colorectal');
    expect(recent.status).toBe('met');
    const old = only(screenings(patientAged(50, 'female'), [labResult('fit', '57905-2', '2024-05-01')]), 'colorectal');
    expect(old.status).toBe('due');
    expect(old.reason).toContain('last FIT / high-sensitivity gFOBT 2024-05-01');
  });

  it('is due with every method listed when nothing is on record', () => {
    const a = only(screenings(patientAged(45, 'female')), 'colorectal');
    expect(a.status).toBe('due');
    expect(a.reason).toBe('age 45: no colonoscopy (10 y), CT colonography (5 y), flexible sigmoidoscopy (5 y), stool DNA-FIT (3 y) or FIT / high-sensitivity gFOBT (1 y) on record');
  });

  it('does not apply below 45 or above 75', () => {
    expect(screenings(patientAged(44, 'male')).map((a) => a.id)).not.toContain('colorectal');
    expect(screenings(patientAged(76, 'male')).map((a) => a.id)).not.toContain('colorectal');
  });

  it('is excluded after a total colectomy (CPT) and for a history of colon cancer (ICD-10, resolved)', () => {
    const colectomy = only(screenings(patientAged(60, 'male'), [procedure('col', { system: CPT, code: '44150' }, '2010-01-01')]), 'colorectal');
    expect(colectomy).toMatchObject({ status: 'excluded', evidence: ['Procedure/col'], knowledge: ['colorectal', 'total-colectomy'] });
    const cancer = only(screenings(patientAged(60, 'male'), [condition('ca', { system: ICD10_CM, code: 'C18.7' }, 'resolved')]), 'colorectal');
    expect(cancer).toMatchObject({ status: 'excluded', evidence: ['Condition/ca'] });
    expect(cancer.reason).toContain('colorectal cancer');
  });

  it('dates an excluding procedure by its performedPeriod', () => {
    const colectomy = procedure('col', { system: CPT, code: '44150' }, undefined);
    colectomy.performedPeriod = { start: '2012-02-02' };
    expect(only(screenings(patientAged(60, 'male'), [colectomy]), 'colorectal').status).toBe('excluded');
  });

  it('ignores a refuted colon cancer, a colectomy not done, and a colonoscopy dated after asOf', () => {
    const a = only(
      screenings(patientAged(60, 'male'), [
        condition('ca', { system: SNOMED, code: '363406005' }, 'active', 'refuted'),
        procedure('col', { system: CPT, code: '44150' }, '2010-01-01', 'not-done'),
        procedure('future', COLONOSCOPY, '2027-01-01'),
      ]),
      'colorectal',
    );
    expect(a.status).toBe('due');
  });

  it('is not assessed, not claimed a gap, when the procedures section failed to load', () => {
    const a = only(screenings(patientAged(55, 'male'), [], { procedures: { state: 'failed', source: 'fhir', reason: 'FHIR server answered 500' } }), 'colorectal');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'Procedures unavailable', evidence: ['Patient/pat-1'] });
  });

  it('is not assessed when labs were cut short while paging', () => {
    const a = only(screenings(patientAged(55, 'male'), [], { labs: { state: 'complete', source: 'fhir', truncated: true } }), 'colorectal');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'Labs unavailable' });
  });

  it('is still met from a section that loaded when another failed', () => {
    const a = only(
      screenings(patientAged(55, 'male'), [procedure('colo', COLONOSCOPY, '2020-01-01')], { labs: { state: 'missing', source: 'none' } }),
      'colorectal',
    );
    expect(a.status).toBe('met');
  });

  it('is met by an active colonoscopy order (ServiceRequest) and by a final report, not by a revoked order', () => {
    const ordered = only(assessScreenings(contextOf(directChart(patientAged(55, 'male'), [serviceRequest('sr', COLONOSCOPY, '2026-05-01')]))), 'colorectal');
    expect(ordered).toMatchObject({ status: 'met', evidence: ['ServiceRequest/sr'] });
    const scheduled = only(
      assessScreenings(contextOf(directChart(patientAged(55, 'male'), [serviceRequest('sr', COLONOSCOPY, '2026-05-01', 'active', { occurrenceDateTime: '2026-05-20' })]))),
      'colorectal',
    );
    expect(scheduled.reason).toContain('2026-05-20');
    const revoked = only(assessScreenings(contextOf(directChart(patientAged(55, 'male'), [serviceRequest('sr', COLONOSCOPY, '2026-05-01', 'revoked')]))), 'colorectal');
    expect(revoked.status).toBe('due');
    const refused = only(
      assessScreenings(contextOf(directChart(patientAged(55, 'male'), [serviceRequest('sr', COLONOSCOPY, '2026-05-01', 'active', { doNotPerform: true })]))),
      'colorectal',
    );
    expect(refused.status).toBe('due');
    const study = only(assessScreenings(contextOf(directChart(patientAged(55, 'male'), [report('dr', '28023-0', '2020-02-02')]))), 'colorectal');
    expect(study).toMatchObject({ status: 'met', evidence: ['DiagnosticReport/dr'] });
  });

  it('names the most recent test of any method when all are too old', () => {
    const a = only(screenings(patientAged(60, 'male'), [procedure('colo', COLONOSCOPY, '2014-01-01'), labResult('fit', '57905-2', '2010-01-01'), labResult('fit2', '57905-2', '2024-01-01')]), 'colorectal');
    expect(a.reason).toContain('last FIT / high-sensitivity gFOBT 2024-01-01 `Observation/fit2`');
    const b = only(screenings(patientAged(60, 'male'), [procedure('colo', COLONOSCOPY, '2014-01-01'), labResult('fit', '57905-2', '2010-01-01')]), 'colorectal');
    expect(b.reason).toContain('last colonoscopy 2014-01-01 `Procedure/colo`');
  });

  it('reads report dates from effectivePeriod or issued, and order dates from occurrencePeriod', () => {
    const period = { ...report('dr1', '28023-0', '2020-01-01'), effectiveDateTime: undefined, effectivePeriod: { start: '2019-12-31', end: '2020-01-02' } };
    const started = { ...report('dr2', '28023-0', '2020-01-01'), effectiveDateTime: undefined, effectivePeriod: { start: '2019-12-30' } };
    const issued = { ...report('dr3', '28023-0', '2020-01-01'), effectiveDateTime: undefined, issued: '2019-12-29T10:00:00Z' };
    const met = assessScreenings(contextOf(directChart(patientAged(55, 'male'), [period, started, issued])));
    expect(only(met, 'colorectal').reason).toBe('colonoscopy 2020-01-02 `DiagnosticReport/dr1`');
    const amendedOnly = assessScreenings(contextOf(directChart(patientAged(55, 'male'), [started, { ...issued, status: 'partial' }])));
    expect(only(amendedOnly, 'colorectal').reason).toBe('colonoscopy 2019-12-30 `DiagnosticReport/dr2`');
    const onlyIssued = assessScreenings(contextOf(directChart(patientAged(55, 'male'), [issued])));
    expect(only(onlyIssued, 'colorectal').reason).toBe('colonoscopy 2019-12-29 `DiagnosticReport/dr3`');
    const planned = serviceRequest('sr', COLONOSCOPY, '2026-01-01', 'active', { occurrencePeriod: { start: '2026-05-15' } });
    expect(only(assessScreenings(contextOf(directChart(patientAged(55, 'male'), [planned]))), 'colorectal').reason).toBe('colonoscopy 2026-05-15 `ServiceRequest/sr`');
  });

  it('reads procedure dates from performedPeriod and ignores undated procedures', () => {
    const period = procedure('colo', COLONOSCOPY, undefined);
    period.performedPeriod = { start: '2020-01-01T09:00:00Z', end: '2020-01-01T10:00:00Z' };
    expect(only(screenings(patientAged(55, 'male'), [period]), 'colorectal').status).toBe('met');
    const started = procedure('colo', COLONOSCOPY, undefined);
    started.performedPeriod = { start: '2020-01-01T09:00:00Z' };
    expect(only(screenings(patientAged(55, 'male'), [started]), 'colorectal').status).toBe('met');
    expect(only(screenings(patientAged(55, 'male'), [procedure('colo', COLONOSCOPY, undefined)]), 'colorectal').status).toBe('due');
  });
});

describe('breast cancer screening (USPSTF 2024, women 40–74, biennial)', () => {
  it('is met by a mammogram within 2 years and due after', () => {
    const mammo = { system: SNOMED, code: '71651007' };
    expect(only(screenings(patientAged(52, 'female'), [procedure('mg', mammo, '2025-01-01')]), 'breast').status).toBe('met');
    expect(only(screenings(patientAged(52, 'female'), [procedure('mg', mammo, '2024-01-01')]), 'breast').status).toBe('due');
  });

  it('applies from 40 to 74 and only to women', () => {
    expect(screenings(patientAged(40, 'female')).map((a) => a.id)).toContain('breast');
    expect(screenings(patientAged(39, 'female')).map((a) => a.id)).not.toContain('breast');
    expect(screenings(patientAged(75, 'female')).map((a) => a.id)).not.toContain('breast');
    expect(screenings(patientAged(52, 'male')).map((a) => a.id)).not.toContain('breast');
  });

  it('is not assessed when sex is not recorded', () => {
    const a = only(screenings(patientAged(52, undefined)), 'breast');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'sex not recorded' });
    expect(only(screenings(patientAged(52, 'other')), 'breast').status).toBe('not-assessed');
  });

  it('is excluded after bilateral mastectomy (ICD-10 Z90.13 on the problem list)', () => {
    const a = only(screenings(patientAged(52, 'female'), [condition('mx', { system: ICD10_CM, code: 'Z90.13' }, 'active')]), 'breast');
    expect(a).toMatchObject({ status: 'excluded', evidence: ['Condition/mx'] });
  });
});

describe('cervical cancer screening (USPSTF 2018, 21–65)', () => {
  const hpv = (date: string) => labResult('hpv', '21440-3', date);
  it('is met by an hrHPV test within 5 years from 30', () => {
    expect(only(screenings(patientAged(35, 'female'), [hpv('2022-01-01')]), 'cervical').status).toBe('met');
  });

  it('does not count hrHPV alone under 30: cytology every 3 years is due', () => {
    const a = only(screenings(patientAged(25, 'female'), [hpv('2025-01-01')]), 'cervical');
    expect(a.status).toBe('due');
    expect(a.reason).toBe('age 25: no cervical cytology (3 y) on record');
  });

  it('is met by cytology within 3 years (Synthea smear procedure)', () => {
    const smear = procedure('pap', { system: SNOMED, code: '90226004' }, '2024-01-01');
    expect(only(screenings(patientAged(25, 'female'), [smear]), 'cervical').status).toBe('met');
  });

  it('is excluded after a total hysterectomy (CPT 58150)', () => {
    const a = only(screenings(patientAged(45, 'female'), [procedure('hyst', { system: CPT, code: '58150' }, '2015-05-05')]), 'cervical');
    expect(a).toMatchObject({ status: 'excluded', evidence: ['Procedure/hyst'] });
  });

  it('stops after 65', () => {
    expect(screenings(patientAged(66, 'female')).map((a) => a.id)).not.toContain('cervical');
  });
});

describe('hepatitis C screening (USPSTF 2020, once 18–79)', () => {
  it('is met by any antibody test, however old', () => {
    expect(only(screenings(patientAged(30, 'male'), [labResult('hcv', '13955-0', '2001-01-01')]), 'hepatitis-c').status).toBe('met');
  });

  it('is excluded when hepatitis C is already diagnosed', () => {
    const a = only(screenings(patientAged(30, 'male'), [condition('hcv', { system: SNOMED, code: '50711007' })]), 'hepatitis-c');
    expect(a.status).toBe('excluded');
  });

  it('is due once with no test on record', () => {
    expect(only(screenings(patientAged(18, 'male')), 'hepatitis-c').reason).toBe('age 18: no HCV antibody test (once) on record');
    expect(screenings(patientAged(17, 'male')).map((a) => a.id)).not.toContain('hepatitis-c');
  });
});
