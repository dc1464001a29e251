import { labAlertRule } from '../../../src/rules/clinical-state/lab-alert-rule';
import { acuteKidneyInjury, akiStage, hba1cRising } from '../../../src/rules/clinical-state/lab-trends';
import { labSeries } from '../../../src/chart/facts/lab-values';
import { CREATININE, HBA1C } from '../../../src/knowledge/labs/lab-definitions';
import { ChartBuilder, type ObservationSpec } from '../../support/chart-builder';
import { AS_OF, daysAgo, only, run } from './clinical-state-support';

function patient(): ChartBuilder {
  return new ChartBuilder({ birthDate: '1950-01-01', gender: 'male' });
}

const lab = (id: string, loinc: string, value: number, unit: string, days: number): ObservationSpec => ({ id, loinc, value, unit, date: daysAgo(days) });
const k = (value: number, days = 1, id = 'k-1'): ObservationSpec => lab(id, '2823-3', value, 'mmol/L', days);
const inr = (value: number, days = 1): ObservationSpec => lab('inr-1', '6301-6', value, '{INR}', days);
const cr = (id: string, value: number, hoursAgo: number): ObservationSpec => ({ id, loinc: '2160-0', value, unit: 'mg/dL', date: new Date(AS_OF.getTime() - hoursAgo * 3_600_000).toISOString() });
const a1c = (id: string, value: number, days: number): ObservationSpec => lab(id, '4548-4', value, '%', days);

describe('potassium', () => {
  it('6.1 mmol/L yesterday is critical: one card citing the result, with what to do', () => {
    const f = only(run(labAlertRule, patient().observation(k(6.1))));
    expect(f).toMatchObject({
      ruleId: 'lab-alert',
      topic: 'lab:potassium',
      severity: 'critical',
      summary: 'Potassium 6.1 mmol/L: moderate–severe hyperkalaemia (≥ 6.0 mmol/L). Repeat now, get an ECG and treat; stop potassium-raising drugs.',
      evidence: ['Observation/k-1'],
      knowledge: ['lab/potassium-critical-high'],
      source: { label: 'ERC Guidelines 2021: potassium disorders (Lott, Resuscitation 2021)' },
    });
    expect(f.summary.length).toBeLessThan(140);
    expect(f.detail).toContain(`Potassium **6.1 mmol/L** on ${daysAgo(1).slice(0, 10)}`);
  });

  it('one potassium card names the drugs on record that raise it and whether the value was repeated', () => {
    const chart = patient()
      .medication({ id: 'spiro', name: 'Spironolactone 25 MG Oral Tablet', rxnorm: '313096' })
      .observation(k(6.4, 3, 'k-0'))
      .observation(k(6.1, 1));
    const f = only(run(labAlertRule, chart));
    expect(f.detail).toContain('Repeated: 6.4 mmol/L');
    expect(f.detail).toContain('On record, these raise potassium: spironolactone (MedicationRequest/spiro)');
    expect(f.evidence).toEqual(['Observation/k-1', 'Observation/k-0', 'MedicationRequest/spiro']);
    expect(f.knowledge).toEqual(['lab/potassium-critical-high', 'lab-aggravators/potassium-high']);
    expect(only(run(labAlertRule, patient().observation(k(6.1)))).detail).toContain('Not repeated yet.');
  });

  it('grades by band: 5.7 warning, 2.3 critical, 2.8 warning, 5.2 nothing', () => {
    expect(only(run(labAlertRule, patient().observation(k(5.7)))).severity).toBe('warning');
    expect(only(run(labAlertRule, patient().observation(k(2.3)))).knowledge).toEqual(['lab/potassium-critical-low']);
    expect(only(run(labAlertRule, patient().observation(k(2.8)))).knowledge).toEqual(['lab/potassium-low']);
    expect(run(labAlertRule, patient().observation(k(5.2)))).toEqual([]);
  });

  it('a critical value older than a week is not a critical card: unresolved, info without aggravating drugs or conditions; older than a month, nothing', () => {
    const stale = only(run(labAlertRule, patient().observation(k(6.4, 20))));
    expect(stale.severity).toBe('info');
    expect(stale.summary).toBe(`Potassium 6.4 mmol/L (${daysAgo(20).slice(0, 10)}) unresolved, not repeated: moderate–severe hyperkalaemia (≥ 6.0 mmol/L). Repeat it.`);
    expect(run(labAlertRule, patient().observation(k(6.4, 45)))).toEqual([]);
  });

  it('uses only the latest result: a normal recheck silences an earlier critical value', () => {
    expect(run(labAlertRule, patient().observation(k(6.4, 3, 'k-old')).observation(k(4.2, 1, 'k-new')))).toEqual([]);
  });
});

describe('INR', () => {
  const warfarin = { id: 'warf', name: 'Warfarin Sodium 5 MG Oral Tablet' };

  it('4.8 on warfarin is a warning citing the INR and the warfarin order', () => {
    const f = only(run(labAlertRule, patient().medication(warfarin).observation(inr(4.8))));
    expect(f).toMatchObject({ severity: 'warning', topic: 'lab:inr', summary: 'INR 4.8: above 4.0 on warfarin (bleeding risk). Hold or reduce warfarin; recheck INR.', evidence: ['Observation/inr-1', 'MedicationRequest/warf'] });
    expect(f.detail).toContain('The patient takes warfarin.');
  });

  it('4.8 without warfarin says nothing; 5.5 is critical with or without warfarin', () => {
    expect(run(labAlertRule, patient().observation(inr(4.8)))).toEqual([]);
    expect(only(run(labAlertRule, patient().observation(inr(5.5)))).severity).toBe('critical');
    expect(only(run(labAlertRule, patient().medication(warfarin).observation(inr(5.5)))).evidence).toEqual(['Observation/inr-1']);
  });

  it('an INR of 4.8 on warfarin three weeks ago, not rechecked, is info citing both', () => {
    const f = only(run(labAlertRule, patient().medication(warfarin).observation(inr(4.8, 21))));
    expect(f).toMatchObject({ severity: 'info', evidence: ['Observation/inr-1', 'MedicationRequest/warf'] });
  });
});

describe('other analytes', () => {
  it('converts glucose sent in mmol/L before grading, and says so', () => {
    const low = only(run(labAlertRule, patient().observation(lab('g', '2345-7', 2.8, 'mmol/L', 1))));
    expect(low).toMatchObject({ severity: 'critical', knowledge: ['lab/glucose-critical-low'] });
    expect(low.detail).toContain('Glucose **50 mg/dL** (sent as 2.8 mmol/L)');
    expect(only(run(labAlertRule, patient().observation(lab('g', '2345-7', 3.5, 'mmol/L', 1)))).knowledge).toEqual(['lab/glucose-low']);
    expect(only(run(labAlertRule, patient().observation(lab('g', '2345-7', 520, 'mg/dL', 1)))).severity).toBe('critical');
  });

  it.each([
    ['hemoglobin 6.2 g/dL', lab('o', '718-7', 6.2, 'g/dL', 1), 'lab/hemoglobin-critical-low'],
    ['platelets 30 × 10³/µL', lab('o', '777-3', 30, '10*3/uL', 1), 'lab/platelets-critical-low'],
    ['sodium 118 mmol/L', lab('o', '2951-2', 118, 'mmol/L', 1), 'lab/sodium-critical-low'],
    ['sodium 123 mmol/L', lab('o', '2951-2', 123, 'mmol/L', 1), 'lab/sodium-low'],
    ['HbA1c 10.5%', lab('o', '4548-4', 10.5, '%', 30), 'lab/hba1c-high'],
    ['creatinine 8.1 mg/dL', lab('o', '2160-0', 8.1, 'mg/dL', 1), 'lab/creatinine-critical'],
  ])('%s', (_name, spec, row) => {
    expect(only(run(labAlertRule, patient().observation(spec))).knowledge).toEqual([row]);
  });

  it('one finding per analyte, one per analyte with a problem', () => {
    const findings = run(labAlertRule, patient().observation(k(6.2)).observation(lab('na', '2951-2', 118, 'mmol/L', 1)).observation(lab('hb', '718-7', 13, 'g/dL', 1)));
    expect(findings.map((f) => f.topic)).toEqual(['lab:potassium', 'lab:sodium']);
  });
});

describe('creatinine: acute kidney injury (KDIGO 2012)', () => {
  it('up ≥ 0.3 mg/dL within 48 hours is AKI stage 1, citing both results', () => {
    const f = only(run(labAlertRule, patient().observation(cr('c0', 1.0, 40)).observation(cr('c1', 1.4, 4))));
    expect(f).toMatchObject({ severity: 'warning', topic: 'lab:creatinine', evidence: ['Observation/c1', 'Observation/c0'], knowledge: ['lab/creatinine-aki'] });
    expect(f.summary).toBe('Creatinine up 1 mg/dL → 1.4 mg/dL in 1.5 days: acute kidney injury (KDIGO stage 1). Review nephrotoxic drugs and doses.');
  });

  it('≥ 1.5 × a value from the last 7 days, against the lowest baseline', () => {
    const f = only(run(labAlertRule, patient().observation(cr('c0', 1.1, 150)).observation(cr('c-low', 1.0, 140)).observation(cr('c1', 2.1, 2))));
    expect(f.summary).toContain('KDIGO stage 2');
    expect(f.evidence).toEqual(['Observation/c1', 'Observation/c-low']);
  });

  it('is not AKI for a slow rise or an old baseline, nor when the latest creatinine is not current', () => {
    expect(run(labAlertRule, patient().observation(cr('c0', 1.0, 72)).observation(cr('c1', 1.4, 2)))).toEqual([]);
    expect(run(labAlertRule, patient().observation(cr('c0', 1.0, 24 * 10)).observation(cr('c1', 2.0, 2)))).toEqual([]);
    expect(run(labAlertRule, patient().observation(cr('c0', 1.0, 24 * 12)).observation(cr('c1', 2.0, 24 * 9)))).toEqual([]);
  });

  it('a critical creatinine with AKI is one critical finding carrying both parts', () => {
    const f = only(run(labAlertRule, patient().observation(cr('c0', 2.0, 30)).observation(cr('c1', 8.0, 2))));
    expect(f.severity).toBe('critical');
    expect(f.knowledge).toEqual(['lab/creatinine-critical', 'lab/creatinine-aki']);
    expect(f.detail).toContain('stage 3');
  });

  it('stages by ratio and by a creatinine of 4.0 mg/dL or more', () => {
    expect(akiStage(1.4, 1.0)).toBe(1);
    expect(akiStage(2.0, 1.0)).toBe(2);
    expect(akiStage(3.0, 1.0)).toBe(3);
    expect(akiStage(4.0, 3.0)).toBe(3);
    expect(acuteKidneyInjury(labSeries(patient().build(), CREATININE, AS_OF))).toBeUndefined();
  });
});

describe('HbA1c rising (ADA 2024)', () => {
  it('above 7% and ≥ 0.5 points over the previous result within a year is info', () => {
    const f = only(run(labAlertRule, patient().observation(a1c('a0', 7.2, 200)).observation(a1c('a1', 8.1, 10))));
    expect(f).toMatchObject({ severity: 'info', topic: 'lab:hba1c', summary: 'HbA1c rising: 7.2% → 8.1%, above the 7% goal. Review diabetes treatment.', evidence: ['Observation/a1', 'Observation/a0'] });
  });

  it('not for a small rise, a result below goal, a previous result over a year before, or a single result', () => {
    expect(run(labAlertRule, patient().observation(a1c('a0', 7.9, 100)).observation(a1c('a1', 8.1, 10)))).toEqual([]);
    expect(run(labAlertRule, patient().observation(a1c('a0', 6.0, 100)).observation(a1c('a1', 6.8, 10)))).toEqual([]);
    expect(run(labAlertRule, patient().observation(a1c('a0', 6.0, 400)).observation(a1c('a1', 8.1, 10)))).toEqual([]);
    expect(run(labAlertRule, patient().observation(a1c('a1', 8.1, 10)))).toEqual([]);
    expect(hba1cRising(labSeries(patient().build(), HBA1C, AS_OF))).toBeUndefined();
  });

  it('a value above 10% that also rose is one warning with both parts', () => {
    const f = only(run(labAlertRule, patient().observation(a1c('a0', 8.0, 120)).observation(a1c('a1', 10.4, 10))));
    expect(f).toMatchObject({ severity: 'warning', knowledge: ['lab/hba1c-high', 'lab/hba1c-rising'] });
  });
});

it('runs on patient-view only, and says nothing for a deceased patient', () => {
  expect(labAlertRule.hooks).toEqual(['patient-view']);
  expect(run(labAlertRule, new ChartBuilder({ birthDate: '1936-06-07', deceasedDateTime: '2007-04-08' }).observation(k(6.8)))).toEqual([]);
  expect(run(labAlertRule, patient())).toEqual([]);
});
