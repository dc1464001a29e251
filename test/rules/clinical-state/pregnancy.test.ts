import type { Condition, Procedure } from 'fhir/r4';
import { pregnancyRiskRule } from '../../../src/rules/clinical-state/pregnancy-risk-rule';
import { currentPregnancy } from '../../../src/rules/clinical-state/pregnancy-status';
import { ChartBuilder } from '../../support/chart-builder';
import { AS_OF, daysAgo, draft, obs, only, run } from './clinical-state-support';

function woman(): ChartBuilder {
  return new ChartBuilder({ birthDate: '1995-02-01', gender: 'female' });
}

const pregnant = (days: number, id = 'preg-1'): Parameters<ChartBuilder['condition']>[0] => ({ id, snomed: '77386006', display: 'Pregnant (finding)', onset: daysAgo(days) });

function icdCondition(id: string, code: string, extra: Partial<Condition> = {}): Condition {
  return {
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/pat-1' },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
    ...extra,
  };
}

function procedure(id: string, snomed: string, performed: Partial<Procedure>, status: Procedure['status'] = 'completed'): Procedure {
  return { resourceType: 'Procedure', id, status, subject: { reference: 'Patient/pat-1' }, code: { coding: [{ system: 'http://snomed.info/sct', code: snomed }] }, ...performed };
}

const hcg = (id: string, days: number, value: { code?: string; text?: string } | string): ReturnType<typeof obs> =>
  obs(typeof value === 'string' ? { id, loinc: '2106-3', date: daysAgo(days), valueString: value } : { id, loinc: '2106-3', date: daysAgo(days), valueConcept: value });

describe('is the patient pregnant now?', () => {
  it('yes, with an active pregnancy problem from the last ~43 weeks, cited with its onset', () => {
    const status = currentPregnancy(woman().condition(pregnant(60)).build(), AS_OF);
    expect(status).toEqual({ basis: `Active problem: Pregnant (finding) (since ${daysAgo(60).slice(0, 10)})`, evidence: ['Condition/preg-1'] });
  });

  it('yes, from ICD-10 supervision-of-pregnancy codes and an onset given only as recordedDate', () => {
    const chart = woman().resource(icdCondition('z34', 'Z34.00', { recordedDate: daysAgo(30) })).build();
    expect(currentPregnancy(chart, AS_OF)?.evidence).toEqual(['Condition/z34']);
  });

  it('no, when the pregnancy was resolved, refuted, entered in error, is over 300 days old or dated after asOf', () => {
    expect(currentPregnancy(woman().condition({ ...pregnant(100), status: 'resolved' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition({ ...pregnant(100), verification: 'refuted' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition({ ...pregnant(100), verification: 'entered-in-error' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(400)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(-10)).build(), AS_OF)).toBeUndefined();
  });

  it('no, when a delivery, miscarriage or termination is recorded since its onset', () => {
    expect(currentPregnancy(woman().condition(pregnant(280)).resource(procedure('birth', '66348005', { performedDateTime: daysAgo(5) })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(280)).resource(procedure('cs', '11466000', { performedPeriod: { start: daysAgo(5) } })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(90)).condition({ snomed: '19169002', display: 'Miscarriage in first trimester', onset: daysAgo(20) }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(90)).resource(icdCondition('o03', 'O03.9', { onsetDateTime: daysAgo(20) })).build(), AS_OF)).toBeUndefined();
  });

  it('yes, when the end event is older than this pregnancy, refuted, not completed, or undated', () => {
    const chart = woman()
      .condition(pregnant(60))
      .resource(procedure('earlier-birth', '66348005', { performedDateTime: daysAgo(700) }))
      .resource(procedure('planned', '11466000', { performedDateTime: daysAgo(5) }, 'preparation'))
      .resource(procedure('undated', '11466000', {}))
      .condition({ snomed: '19169002', display: 'Miscarriage', onset: daysAgo(10), verification: 'refuted' })
      .build();
    expect(currentPregnancy(chart, AS_OF)?.evidence).toEqual(['Condition/preg-1']);
  });

  it('takes an undated active pregnancy at its word, preferring a dated one when both exist', () => {
    const undated = woman().condition({ id: 'undated', snomed: '72892002', display: 'Normal pregnancy' });
    expect(currentPregnancy(undated.build(), AS_OF)).toEqual({ basis: 'Active problem: Normal pregnancy', evidence: ['Condition/undated'] });
    expect(currentPregnancy(undated.condition(pregnant(30, 'dated')).build(), AS_OF)?.evidence).toEqual(['Condition/dated']);
    const datedFirst = woman().condition(pregnant(30, 'dated')).condition({ id: 'undated', snomed: '72892002', display: 'Normal pregnancy' });
    expect(currentPregnancy(datedFirst.build(), AS_OF)?.evidence).toEqual(['Condition/dated']);
  });

  it('reads an onset given as a period', () => {
    const chart = woman().resource(icdCondition('o09', 'O09.511', { onsetPeriod: { start: daysAgo(100) } })).build();
    expect(currentPregnancy(chart, AS_OF)?.basis).toBe(`Active problem: O09.511 (since ${daysAgo(100).slice(0, 10)})`);
  });

  it('yes, with a positive hCG test in the last 60 days not followed by a negative test or an ended pregnancy', () => {
    expect(currentPregnancy(woman().resource(hcg('t1', 10, { code: '10828004' })).build(), AS_OF)).toEqual({ basis: `Positive pregnancy test on ${daysAgo(10).slice(0, 10)}`, evidence: ['Observation/t1'] });
    expect(currentPregnancy(woman().resource(hcg('t1', 10, 'Positive')).build(), AS_OF)?.evidence).toEqual(['Observation/t1']);
    expect(currentPregnancy(woman().resource(hcg('t1', 10, { text: 'hCG detected' })).build(), AS_OF)?.evidence).toEqual(['Observation/t1']);
  });

  it('no, when the latest readable test is negative, the positive one is old, or the pregnancy ended since', () => {
    expect(currentPregnancy(woman().resource(hcg('t1', 20, 'Positive')).resource(hcg('t2', 5, { code: '260385009' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 20, 'Positive')).resource(hcg('t2', 5, { text: 'Not detected' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 90, 'Positive')).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 30, 'Positive')).resource(procedure('term', '714812005', { performedDateTime: daysAgo(10) })).build(), AS_OF)).toBeUndefined();
    const unreadable = woman().resource(hcg('t1', 20, 'Positive')).resource(hcg('t2', 5, 'see comment')).resource(obs({ id: 't4', loinc: '2106-3', date: daysAgo(4) })).resource(obs({ id: 't3', loinc: '2106-3', date: daysAgo(3), valueString: 'Positive', status: 'cancelled' }));
    expect(currentPregnancy(unreadable.build(), AS_OF)?.evidence).toEqual(['Observation/t1']);
    expect(currentPregnancy(woman().resource(obs({ id: 't1', loinc: '2106-3', valueString: 'Positive' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(obs({ id: 't1', loinc: '2106-3', date: 'May 20, 2026', valueString: 'Positive' })).build(), AS_OF)?.basis).toBe('Positive pregnancy test on an unreadable date');
  });
});

describe('pregnancy-risk rule', () => {
  it('order-sign: lisinopril for a pregnant patient is critical, names the safer options and offers to remove the draft', () => {
    const f = only(run(pregnancyRiskRule, woman().condition(pregnant(60)), 'order-sign', [draft('d1', 'Lisinopril 10 MG Oral Tablet')]));
    expect(f).toMatchObject({
      ruleId: 'pregnancy-risk',
      topic: 'pregnancy:MedicationRequest/d1',
      severity: 'critical',
      summary: 'Lisinopril in pregnancy: fetal toxicity (boxed warning). Remove the order.',
      evidence: ['MedicationRequest/d1', 'Condition/preg-1'],
      knowledge: ['pregnancy/renin-angiotensin'],
      selectionBehavior: 'at-most-one',
    });
    expect(f.detail).toContain('labetalol, nifedipine or methyldopa');
    expect(f.suggestions?.[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: 'MedicationRequest/d1' });
  });

  it('patient-view: active warfarin after a positive test is a warning; an active statin is info (FDA 2021)', () => {
    const chart = woman().resource(hcg('t1', 10, 'Positive')).medication({ id: 'w', name: 'Warfarin Sodium 5 MG Oral Tablet' }).medication({ id: 's', name: 'Atorvastatin 20 MG Oral Tablet' });
    const findings = run(pregnancyRiskRule, chart);
    expect(findings.map((f) => [f.topic, f.severity])).toEqual([['pregnancy:MedicationRequest/w', 'warning'], ['pregnancy:MedicationRequest/s', 'info']]);
    expect(findings[0]?.suggestions).toBeUndefined();
    expect(findings[1]?.detail).not.toContain('Alternatives');
  });

  it('says nothing when the patient is not pregnant, the drug is not on the list, or the patient has died', () => {
    expect(run(pregnancyRiskRule, woman().condition({ ...pregnant(60), status: 'resolved' }), 'order-sign', [draft('d1', 'Lisinopril 10 MG Oral Tablet')])).toEqual([]);
    expect(run(pregnancyRiskRule, woman().condition(pregnant(60)), 'order-sign', [draft('d1', 'Labetalol 100 MG Oral Tablet')])).toEqual([]);
    const deceased = new ChartBuilder({ birthDate: '1995-02-01', gender: 'female', deceasedBoolean: true }).condition(pregnant(60)).medication({ name: 'Lisinopril 10 MG Oral Tablet' });
    expect(run(pregnancyRiskRule, deceased)).toEqual([]);
  });
});
