import { assessScreenings } from '../../../src/rules/care-gaps/screening-gaps';
import {
  screenings,
  condition,
  contextOf,
  CPT,
  directChart,
  ICD10_CM,
  labResult,
  medicationOrder,
  only,
  patientAged,
  procedure,
  report,
  SNOMED,
} from './care-gap-kit';

const HYPERTENSION = { system: SNOMED, code: '38341003', display: 'Hypertension' };


describe('lipid panel (USPSTF 2022, 40–75 with a risk factor)', () => {
  it('does not apply without a risk factor on a complete problem list', () => {
    expect(screenings(patientAged(50, 'male')).map((a) => a.id)).not.toContain('lipids');
  });

  it('is not assessed when the problem list is unavailable', () => {
    const a = only(screenings(patientAged(50, 'male'), [], { conditions: { state: 'missing', source: 'none' } }), 'lipids');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'risk factors unknown (Problems unavailable)' });
  });

  it('is due for hypertension without a lipid panel in 5 years, citing the risk factor', () => {
    const a = only(screenings(patientAged(50, 'male'), [condition('htn', HYPERTENSION), labResult('ldl', '18262-6', '2020-01-01')]), 'lipids');
    expect(a.status).toBe('due');
    expect(a.reason).toContain('age 50, hypertension: last lipid panel 2020-01-01');
    expect(a.evidence).toEqual(['Patient/pat-1', 'Condition/htn', 'Observation/ldl']);
  });

  it('is met by a lipid panel within 5 years, including a panel report', () => {
    expect(only(screenings(patientAged(50, 'male'), [condition('htn', HYPERTENSION), labResult('tc', '2093-3', '2022-01-01')]), 'lipids').status).toBe('met');
    const ctx = contextOf(directChart(patientAged(50, 'male'), [condition('htn', HYPERTENSION), report('panel', '57698-3', '2023-03-03')]));
    expect(only(assessScreenings(ctx), 'lipids')).toMatchObject({ status: 'met', evidence: ['DiagnosticReport/panel'] });
  });

  it('is met by an active statin order coded at ingredient level, not by a stopped one', () => {
    const onStatin = only(screenings(patientAged(50, 'male'), [condition('htn', HYPERTENSION), medicationOrder('atorva', '83367', '2024-01-01')]), 'lipids');
    expect(onStatin).toMatchObject({ status: 'met', evidence: ['MedicationRequest/atorva'], knowledge: ['lipids', 'statin'] });
    const stopped = only(
      screenings(patientAged(50, 'male'), [condition('htn', HYPERTENSION), medicationOrder('atorva', '83367', '2024-01-01', 'stopped')]),
      'lipids',
    );
    expect(stopped.status).toBe('due');
  });

  it('is not assessed when medications are unavailable (a statin cannot be ruled out)', () => {
    const a = only(screenings(patientAged(50, 'male'), [condition('htn', HYPERTENSION)], { medications: { state: 'failed', source: 'fhir' } }), 'lipids');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'Medications unavailable' });
  });

  it('counts diabetes (ICD-10), dyslipidemia and a current-smoker problem as risk factors', () => {
    const a = only(
      screenings(patientAged(60, 'female'), [
        condition('dm', { system: ICD10_CM, code: 'E11.9' }),
        condition('lip', { system: SNOMED, code: '55822004' }),
        condition('smk', { system: SNOMED, code: '449868002' }),
      ]),
      'lipids',
    );
    expect(a.reason).toContain('age 60, diabetes, dyslipidemia, current smoking');
  });
});

describe('AAA screening (USPSTF 2019, men 65–75 who ever smoked, once)', () => {
  const EX_SMOKER = { system: ICD10_CM, code: 'Z87.891' };
  it('is due for a 70-year-old man with a smoking history and no ultrasound', () => {
    const a = only(screenings(patientAged(70, 'male'), [condition('hx', EX_SMOKER, 'resolved')]), 'aaa');
    expect(a).toMatchObject({ status: 'due', evidence: ['Patient/pat-1', 'Condition/hx'] });
    expect(a.reason).toBe('age 70, has smoked: no aortic ultrasound (once) on record');
  });

  it('is met by a screening ultrasound (CPT 76706) at any time', () => {
    const a = only(screenings(patientAged(70, 'male'), [condition('hx', EX_SMOKER), procedure('us', { system: CPT, code: '76706' }, '2016-01-01')]), 'aaa');
    expect(a.status).toBe('met');
  });

  it('is excluded when an aneurysm is already known', () => {
    const a = only(screenings(patientAged(70, 'male'), [condition('hx', EX_SMOKER), condition('aaa', { system: ICD10_CM, code: 'I71.4' })]), 'aaa');
    expect(a.status).toBe('excluded');
  });

  it('reads smoking status observations: current or former smoker applies, never smoker does not', () => {
    const status = (id: string, code: string, date: string) =>
      labResult(id, '72166-2', date, { category: [{ coding: [{ code: 'social-history' }] }], valueCodeableConcept: { coding: [{ system: SNOMED, code }] } });
    const ever = assessScreenings(contextOf(directChart(patientAged(70, 'male'), [status('s1', '8517006', '2019-01-01'), status('s2', '266919005', '2025-01-01')])));
    expect(only(ever, 'aaa')).toMatchObject({ status: 'due', evidence: ['Patient/pat-1', 'Observation/s1'] });
    const never = assessScreenings(contextOf(directChart(patientAged(70, 'male'), [status('s2', '266919005', '2025-01-01')])));
    expect(only(never, 'aaa')).toMatchObject({ status: 'not-indicated', reason: 'never smoked `Observation/s2`', evidence: ['Observation/s2'] });
  });

  it('is not assessed when smoking history is not recorded', () => {
    expect(only(screenings(patientAged(70, 'male')), 'aaa')).toMatchObject({ status: 'not-assessed', reason: 'smoking history not recorded' });
  });

  it('does not apply to women or to men outside 65–75', () => {
    expect(screenings(patientAged(70, 'female'), [condition('hx', EX_SMOKER)]).map((a) => a.id)).not.toContain('aaa');
    expect(screenings(patientAged(64, 'male'), [condition('hx', EX_SMOKER)]).map((a) => a.id)).not.toContain('aaa');
  });
});

describe('code matching', () => {
  it('matches LOINC on observations only by exact code', () => {
    expect(only(screenings(patientAged(50, 'male'), [labResult('x', '57905', '2026-01-01')]), 'colorectal').status).toBe('due');
    expect(only(screenings(patientAged(50, 'male'), [labResult('x', '57905-2', '2026-01-01', { code: { coding: [{ system: 'http://example.org', code: '57905-2' }] } })]), 'colorectal').status).toBe('due');
  });

  it('does not count a preliminary result', () => {
    expect(only(screenings(patientAged(50, 'male'), [labResult('x', '57905-2', '2026-01-01', { status: 'preliminary' })]), 'colorectal').status).toBe('due');
  });
});
