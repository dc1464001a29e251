import type { Observation } from 'fhir/r4';
import { assessDiabetes } from '../../../src/rules/care-gaps/diabetes-gaps';
import { chartOf, condition, contextOf, CPT, DIABETES, ICD10_CM, labResult, medicationOrder, only, patientAged, procedure, SNOMED } from './care-gap-kit';

// asOf is 2026-06-01.
const hba1c = (id: string, date: string, value: number, unit = '%', extra: Partial<Observation> = {}): Observation =>
  labResult(id, '4548-4', date, { valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit }, ...extra });

function diabetes(...args: Parameters<typeof chartOf>): ReturnType<typeof assessDiabetes> {
  return assessDiabetes(contextOf(chartOf(...args)));
}

const adult = patientAged(58, 'female');
const dm = condition('dm', DIABETES);

describe('HbA1c (ADA 2025 Standard 6.1)', () => {
  it('is due when the last HbA1c was 8 months ago, at goal: every 6 months', () => {
    const a = only(diabetes(adult, [dm, hba1c('a1c', '2025-10-01', 6.5)]), 'hba1c');
    expect(a.status).toBe('due');
    expect(a.reason).toBe('diabetes `Condition/dm`: last 2025-10-01 `Observation/a1c`; due every 6 mo');
    expect(a.evidence).toEqual(['Condition/dm', 'Observation/a1c']);
    expect(a.order.code).toBe('4548-4');
  });

  it('is met by an HbA1c 2 months ago at goal', () => {
    const a = only(diabetes(adult, [dm, hba1c('a1c', '2026-04-01', 6.4)]), 'hba1c');
    expect(a).toMatchObject({ status: 'met', reason: 'last 2026-04-01 `Observation/a1c`', evidence: ['Observation/a1c'] });
  });

  it('is due every 3 months when the last HbA1c is not at goal (≥ 7 %)', () => {
    const a = only(diabetes(adult, [dm, hba1c('a1c', '2026-01-15', 8.14)]), 'hba1c');
    expect(a.status).toBe('due');
    expect(a.reason).toContain('due every 3 mo (8.1 %, not at goal < 7 %)');
    expect(a.knowledge).toEqual(['diabetes-hba1c', 'hba1c-goal']);
  });

  it('reads IFCC results in mmol/mol against 53 mmol/mol', () => {
    const high = only(diabetes(adult, [dm, hba1c('a1c', '2026-01-15', 60, 'mmol/mol')]), 'hba1c');
    expect(high.reason).toContain('60 mmol/mol, not at goal < 53 mmol/mol');
    expect(only(diabetes(adult, [dm, hba1c('a1c', '2026-01-15', 48, 'mmol/mol')]), 'hba1c').status).toBe('met');
  });

  it('keeps the 6-month default when the unit or value cannot be read', () => {
    expect(only(diabetes(adult, [dm, hba1c('a1c', '2026-01-15', 9, 'mg/dL')]), 'hba1c').status).toBe('met');
    const noValue = labResult('a1c', '4548-4', '2026-01-15', { valueString: 'see report' });
    expect(only(diabetes(adult, [dm, noValue]), 'hba1c').status).toBe('met');
  });

  it('is due every 3 months after a glucose-lowering therapy change, citing the order', () => {
    const a = only(diabetes(adult, [dm, hba1c('a1c', '2026-01-15', 6.6), medicationOrder('met', '6809', '2026-04-20')]), 'hba1c');
    expect(a.status).toBe('due');
    expect(a.reason).toContain('therapy changed 2026-04-20 `MedicationRequest/met`');
    expect(a.evidence).toEqual(['Condition/dm', 'Observation/a1c', 'MedicationRequest/met']);
    expect(a.knowledge).toContain('hba1c-therapy-change');
  });

  it('does not count an old, undated, future or unrelated medication order as a therapy change', () => {
    const orders = [
      medicationOrder('old', '6809', '2025-01-01'),
      { ...medicationOrder('undated', '6809', '2026-05-01'), authoredOn: undefined },
      medicationOrder('future', '6809', '2026-07-01'),
      medicationOrder('statin', '83367', '2026-05-01'),
    ];
    expect(only(diabetes(adult, [dm, hba1c('a1c', '2026-01-15', 6.6), ...orders]), 'hba1c').status).toBe('met');
  });

  it('counts an HbA1c billed as a procedure (CPT 83036), with the default interval', () => {
    const a = only(diabetes(adult, [dm, procedure('lab', { system: CPT, code: '83036' }, '2026-02-01')]), 'hba1c');
    expect(a).toMatchObject({ status: 'met', evidence: ['Procedure/lab'] });
  });

  it('says none on record, and is not assessed when labs failed to load', () => {
    expect(only(diabetes(adult, [dm]), 'hba1c').reason).toBe('diabetes `Condition/dm`: none on record; due every 6 mo');
    const a = only(diabetes(adult, [dm], { labs: { state: 'failed', source: 'fhir', reason: 'timeout' } }), 'hba1c');
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'Labs unavailable', evidence: ['Condition/dm'] });
  });
});

describe('yearly urine albumin, eye and foot exams (ADA 2025 Standards 11, 12)', () => {
  it('is met by a UACR within a year (Synthea 14959-1) and due after', () => {
    expect(only(diabetes(adult, [dm, labResult('u', '14959-1', '2025-09-01')]), 'urine-albumin').status).toBe('met');
    expect(only(diabetes(adult, [dm, labResult('u', '14959-1', '2025-03-01')]), 'urine-albumin').status).toBe('due');
  });

  it('is met by a retinal exam and a foot exam within a year', () => {
    const eye = procedure('eye', { system: SNOMED, code: '722161008' }, '2025-12-01');
    const foot = procedure('foot', { system: SNOMED, code: '401191002' }, '2025-12-01');
    const result = diabetes(adult, [dm, eye, foot]);
    expect(only(result, 'eye-exam').status).toBe('met');
    expect(only(result, 'foot-exam').status).toBe('met');
  });

  it('is not assessed for exams when procedures are unavailable', () => {
    const result = diabetes(adult, [dm], { procedures: { state: 'missing', source: 'none' } });
    expect(only(result, 'eye-exam').status).toBe('not-assessed');
    expect(only(result, 'foot-exam').status).toBe('not-assessed');
  });
});

describe('who is monitored', () => {
  it('monitors active diabetes coded in ICD-10 (E11.65)', () => {
    expect(diabetes(adult, [condition('dm', { system: ICD10_CM, code: 'E11.65' })]).map((a) => a.id)).toEqual(['hba1c', 'urine-albumin', 'eye-exam', 'foot-exam']);
  });

  it('does not monitor prediabetes, resolved diabetes, or children (pediatric schedule not covered)', () => {
    expect(diabetes(adult, [condition('pre', { system: SNOMED, code: '15777000' })])).toEqual([]);
    expect(diabetes(adult, [condition('dm', DIABETES, 'resolved')])).toEqual([]);
    expect(diabetes(patientAged(12, 'male'), [dm])).toEqual([]);
  });
});
