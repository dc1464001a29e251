import type { MedicationRequest, Observation } from 'fhir/r4';
import { pregnancyRiskRule } from '../../../src/rules/clinical-state/pregnancy-risk-rule';
import { ChartBuilder } from '../../support/chart-builder';
import { daysAgo, draft, obs, only, run } from './clinical-state-support';
import { pregnancyStatusObservation } from '../../support/pregnancy-status';

function woman(): ChartBuilder {
  return new ChartBuilder({ birthDate: '1995-02-01', gender: 'female' });
}

const pregnant = (days: number, id = 'preg-1'): Parameters<ChartBuilder['condition']>[0] => ({ id, snomed: '77386006', display: 'Pregnant (finding)', onset: daysAgo(days) });
const positiveTest = (id: string, days: number): Observation => obs({ id, loinc: '2106-3', date: daysAgo(days), valueString: 'Positive' });
const day = (days: number): string => daysAgo(days).slice(0, 10);

function pregnancyStatus(id: string, days: number, snomed = '77386006', display = 'Pregnant'): Observation {
  return pregnancyStatusObservation({ id, patientId: 'pat-1', date: daysAgo(days), snomed, display });
}

function withDose(order: MedicationRequest, mg: number, perDay: number): MedicationRequest {
  return { ...order, dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }], timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } } }] };
}

describe('new orders in a current pregnancy', () => {
  it('lisinopril is critical, says what says she is pregnant (with its date), names the safer options and offers to remove the draft', () => {
    const f = only(run(pregnancyRiskRule, woman().condition(pregnant(60)), 'order-sign', [draft('d1', 'Lisinopril 10 MG Oral Tablet')]));
    expect(f).toMatchObject({
      ruleId: 'pregnancy-risk',
      topic: 'pregnancy:MedicationRequest/d1',
      severity: 'critical',
      summary: 'Lisinopril in pregnancy: fetal toxicity (boxed warning). Remove the order.',
      evidence: ['MedicationRequest/d1', 'Condition/preg-1'],
      knowledge: ['pregnancy/renin-angiotensin'],
      selectionBehavior: 'at-most-one',
      severityFact: { code: '77386006', ref: 'Condition/preg-1', date: day(60) },
    });
    expect(f.detail).toContain(`Current pregnancy: Active problem: Pregnant (finding) (since ${day(60)}) (Condition/preg-1).`);
    expect(f.detail).toContain('(new order; MedicationRequest/d1)');
    expect(f.detail).toContain('labetalol, nifedipine or methyldopa');
    expect(f.suggestions?.[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: 'MedicationRequest/d1' });
    expect(f.source.url).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\//);
  });

  it('isotretinoin after a positive test last week is critical (iPLEDGE); methotrexate with a "Pregnant" status is critical', () => {
    const iso = only(run(pregnancyRiskRule, woman().resource(positiveTest('hcg', 7)), 'order-select', [draft('d1', 'Isotretinoin 40 MG Oral Capsule', 'pat-1', '197845')]));
    expect(iso).toMatchObject({ severity: 'critical', knowledge: ['pregnancy/isotretinoin'], evidence: ['MedicationRequest/d1', 'Observation/hcg'] });
    expect(iso.summary).toContain('iPLEDGE');
    expect(iso.detail).toContain(`Positive pregnancy test on ${day(7)} (Observation/hcg)`);
    const mtx = only(run(pregnancyRiskRule, woman().resource(pregnancyStatus('ps', 3)), 'order-sign', [draft('d1', 'Methotrexate 2.5 MG Oral Tablet')]));
    expect(mtx).toMatchObject({ severity: 'critical', knowledge: ['pregnancy/methotrexate'], severityFact: { code: '82810-3', ref: 'Observation/ps', date: day(3) } });
  });

  it('contraindicated and REMS drugs are critical; drugs the label only warns about are warnings', () => {
    const chart = woman().condition(pregnant(60));
    const severity = (name: string): [string, string][] => run(pregnancyRiskRule, chart, 'order-sign', [draft('d1', name)]).map((f) => [f.knowledge[0] ?? '', f.severity]);
    expect(severity('mycophenolate mofetil 500 MG Oral Tablet')).toEqual([['pregnancy/mycophenolate', 'critical']]);
    expect(severity('lenalidomide 10 MG Oral Capsule')).toEqual([['pregnancy/lenalidomide', 'critical']]);
    expect(severity('topiramate 25 MG Oral Tablet')).toEqual([['pregnancy/topiramate', 'warning']]);
    expect(run(pregnancyRiskRule, chart, 'order-sign', [draft('d1', 'topiramate 25 MG Oral Tablet')])[0]?.summary).toBe('Topiramate in pregnancy: oral clefts (label warning). Reconsider the order.');
    expect(severity('Doxycycline 100 MG Oral Capsule')).toEqual([['pregnancy/tetracycline', 'warning']]);
    expect(severity('Misoprostol 0.2 MG Oral Tablet')).toEqual([['pregnancy/misoprostol', 'warning']]);
    expect(severity('Diclofenac Sodium 75 MG / Misoprostol 0.2 MG Oral Tablet')).toEqual([['pregnancy/diclofenac-misoprostol', 'critical']]);
  });

  it('fluconazole counts from 400 mg/day, or when the dose cannot be read, and says which', () => {
    const chart = woman().condition(pregnant(60));
    const high = only(run(pregnancyRiskRule, chart, 'order-sign', [withDose(draft('d1', 'Fluconazole 200 MG Oral Tablet'), 200, 2)]));
    expect(high).toMatchObject({ severity: 'warning', knowledge: ['pregnancy/fluconazole-high-dose'] });
    expect(high.detail).toContain('Ordered: 400 mg/day (risk from 400 mg/day).');
    expect(high.detail).toContain('topical azoles');
    expect(run(pregnancyRiskRule, chart, 'order-sign', [withDose(draft('d1', 'Fluconazole 150 MG Oral Tablet'), 150, 1)])).toEqual([]);
    const unread = only(run(pregnancyRiskRule, chart, 'order-sign', [draft('d1', 'Fluconazole 150 MG Oral Tablet')]));
    expect(unread.detail).toContain('Daily dose not readable from the order; the risk is from 400 mg/day.');
  });

  it('gives the weeks of gestation when an estimated delivery date is recorded', () => {
    const eddObs: Observation = { ...pregnancyStatus('edd', 30), code: { coding: [{ system: 'http://loinc.org', code: '11778-8' }] }, valueDateTime: day(-154) };
    delete eddObs.valueCodeableConcept;
    const f = only(run(pregnancyRiskRule, woman().resource(eddObs), 'order-sign', [draft('d1', 'Warfarin Sodium 5 MG Oral Tablet')]));
    expect(f.detail).toContain(`Estimated delivery date ${day(-154)} (recorded ${day(30)}) (Observation/edd). About 18 weeks pregnant by the estimated delivery date.`);
  });
});

describe('active medications at patient-view', () => {
  it('active warfarin after a positive test is a warning; an active statin is info (FDA 2021); neither offers a delete', () => {
    const chart = woman().resource(positiveTest('t1', 10)).medication({ id: 'w', name: 'Warfarin Sodium 5 MG Oral Tablet' }).medication({ id: 's', name: 'Atorvastatin 20 MG Oral Tablet' });
    const findings = run(pregnancyRiskRule, chart);
    expect(findings.map((f) => [f.topic, f.severity])).toEqual([['pregnancy:MedicationRequest/w', 'warning'], ['pregnancy:MedicationRequest/s', 'info']]);
    expect(findings[0]?.suggestions).toBeUndefined();
    expect(findings[0]?.summary).toBe('Warfarin in pregnancy: contraindicated in pregnancy (embryopathy, fetal bleeding). Review now with the prescriber.');
    expect(findings[1]?.detail).not.toContain('Alternatives');
    expect(findings[1]?.summary).toMatch(/Review at the next medication review\.$/);
  });

  it('active isotretinoin is critical (stop at once); active valproate is a warning (do not stop abruptly)', () => {
    const chart = woman().resource(pregnancyStatus('ps', 14)).medication({ id: 'iso', name: 'Isotretinoin 20 MG Oral Capsule' }).medication({ id: 'vpa', name: 'Divalproex Sodium 500 MG Delayed Release Oral Tablet' });
    const findings = run(pregnancyRiskRule, chart);
    expect(findings.map((f) => [f.knowledge[0], f.severity])).toEqual([['pregnancy/isotretinoin', 'critical'], ['pregnancy/valproate', 'warning']]);
    expect(findings[0]?.summary).toMatch(/Stop it now\.$/);
    expect(findings[1]?.detail).toContain('Do not stop abruptly');
  });
});

describe('quiet', () => {
  it('when the only pregnancy is from 2020, the latest status is "Not pregnant", a delivery followed the positive test, or the patient is a man with no pregnancy recorded', () => {
    const iso = [draft('d1', 'Isotretinoin 40 MG Oral Capsule')];
    const old = woman().condition({ id: 'p2020', snomed: '72892002', display: 'Normal pregnancy', onset: '2020-03-02' });
    expect(run(pregnancyRiskRule, old, 'order-sign', iso)).toEqual([]);
    expect(run(pregnancyRiskRule, woman().resource(pregnancyStatus('ps', 5, '60001007', 'Not pregnant')), 'order-sign', iso)).toEqual([]);
    const delivered = woman().resource(positiveTest('t1', 50)).resource({ resourceType: 'Procedure', id: 'birth', status: 'completed', subject: { reference: 'Patient/pat-1' }, code: { coding: [{ system: 'http://snomed.info/sct', code: '66348005' }] }, performedDateTime: daysAgo(3) });
    expect(run(pregnancyRiskRule, delivered, 'order-sign', iso)).toEqual([]);
    expect(run(pregnancyRiskRule, new ChartBuilder({ birthDate: '1998-04-01', gender: 'male' }), 'order-sign', iso)).toEqual([]);
  });

  it('when the drug is not on the list, or the patient has died', () => {
    expect(run(pregnancyRiskRule, woman().condition(pregnant(60)), 'order-sign', [draft('d1', 'Labetalol 100 MG Oral Tablet')])).toEqual([]);
    const deceased = new ChartBuilder({ birthDate: '1995-02-01', gender: 'female', deceasedBoolean: true }).condition(pregnant(60)).medication({ name: 'Lisinopril 10 MG Oral Tablet' });
    expect(run(pregnancyRiskRule, deceased)).toEqual([]);
  });
});
