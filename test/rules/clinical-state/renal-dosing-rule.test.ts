import { renalDosingRule } from '../../../src/rules/clinical-state/renal-dosing-rule';
import { ChartBuilder, type ObservationSpec } from '../../support/chart-builder';
import { AS_OF, daysAgo, draft, only, run } from './clinical-state-support';

// 75-year-old woman unless said otherwise (born 1951-03-01).
function patient(spec: { birthDate?: string; gender?: 'female' | 'male' } = {}): ChartBuilder {
  return new ChartBuilder({ birthDate: '1951-03-01', gender: 'female', ...spec });
}

const egfr = (value: number, days = 5, id = 'egfr-1'): ObservationSpec => ({ id, loinc: '33914-3', value, unit: 'mL/min/{1.73_m2}', date: daysAgo(days) });
const creatinine = (value: number, days = 3, id = 'cr-1'): ObservationSpec => ({ id, loinc: '2160-0', value, unit: 'mg/dL', date: daysAgo(days) });
const weight = (kg: number, days = 10, id = 'wt-1'): ObservationSpec => ({ id, loinc: '29463-7', value: kg, unit: 'kg', date: daysAgo(days), category: 'vital-signs' });
const potassium = (value: number, days = 2, id = 'k-1'): ObservationSpec => ({ id, loinc: '2823-3', value, unit: 'mmol/L', date: daysAgo(days) });

describe('metformin (FDA 2016)', () => {
  it('order-sign: metformin with a computed eGFR below 30 is critical, cites the creatinine, and offers to remove the draft', () => {
    const chart = patient().observation(creatinine(2.6));
    const f = only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Metformin hydrochloride 500 MG Oral Tablet')]));
    expect(f).toMatchObject({
      ruleId: 'renal-dosing',
      topic: 'renal:MedicationRequest/d1',
      severity: 'critical',
      summary: 'Metformin: eGFR 19 mL/min/1.73 m² (computed) — contraindicated below eGFR 30.',
      evidence: ['MedicationRequest/d1', 'Observation/cr-1', 'Patient/pat-1'],
      knowledge: ['renal/metformin-egfr-below-30'],
      source: { label: 'FDA Drug Safety Communication: metformin and kidney function (2016)' },
      selectionBehavior: 'at-most-one',
    });
    expect(f.suggestions?.[0]?.actions).toEqual([{ type: 'delete', description: expect.stringContaining('Metformin') as string, resourceId: 'MedicationRequest/d1' }]);
    expect(f.detail).toContain('computed with CKD-EPI 2021 from creatinine 2.6 mg/dL');
    expect(f.detail).toContain('(new order)');
  });

  it('patient-view: active metformin with a reported eGFR below 30 is a warning without suggestions', () => {
    const chart = patient().medication({ id: 'm1', name: 'Metformin hydrochloride 500 MG Oral Tablet' }).observation(egfr(24));
    const f = only(run(renalDosingRule, chart));
    expect(f).toMatchObject({ severity: 'warning', topic: 'renal:MedicationRequest/m1', evidence: ['MedicationRequest/m1', 'Observation/egfr-1'] });
    expect(f.suggestions).toBeUndefined();
    expect(f.detail).toContain('(active order)');
  });

  it('eGFR 30–45: a new start is a warning; renewing what the patient takes asks to reassess, as info', () => {
    const start = only(run(renalDosingRule, patient().observation(egfr(38)), 'order-select', [draft('d1', 'Metformin 500 MG Oral Tablet')]));
    expect(start).toMatchObject({ severity: 'warning', summary: 'Metformin: eGFR 38 mL/min/1.73 m² — not to be started at eGFR 30–45.' });
    const renewal = only(run(renalDosingRule, patient().medication({ name: 'Metformin 500 MG Oral Tablet' }).observation(egfr(38)), 'order-select', [draft('d1', 'Metformin 1000 MG Oral Tablet')]));
    expect(renewal).toMatchObject({ severity: 'info', summary: 'Metformin: eGFR 38 mL/min/1.73 m² — reassess benefit and risk below eGFR 45.' });
    expect(renewal.detail).toContain('(renewal of a current order)');
    expect(renewal.suggestions).toBeUndefined();
  });

  it('says nothing at eGFR 45 or above', () => {
    expect(run(renalDosingRule, patient().observation(egfr(45)), 'order-sign', [draft('d1', 'Metformin 500 MG Oral Tablet')])).toEqual([]);
  });

  it('does not act on an eGFR over 12 months old: info asking for a recheck, no removal offered', () => {
    const f = only(run(renalDosingRule, patient().observation(egfr(24, 400)), 'order-sign', [draft('d1', 'Metformin 500 MG Oral Tablet')]));
    expect(f.severity).toBe('info');
    expect(f.summary).toBe(`Metformin: last eGFR 24 mL/min/1.73 m² is from ${daysAgo(400).slice(0, 10)}, over 12 months ago — recheck kidney function.`);
    expect(f.suggestions).toBeUndefined();
  });

  it('says the check was not done when eGFR cannot be computed from the creatinine on file', () => {
    const chart = new ChartBuilder({ birthDate: '1951-03-01', gender: 'other' }).observation(creatinine(2.6));
    const f = only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Metformin 500 MG Oral Tablet')]));
    expect(f).toMatchObject({ severity: 'info', evidence: ['MedicationRequest/d1', 'Observation/cr-1'] });
    expect(f.summary).toBe('Metformin: renal dose check not done: CKD-EPI needs an adult patient with a birth date and sex (female/male).');
    expect(f.detail).toContain('The label doses by eGFR, which could not be computed');
  });
});

describe('NSAIDs (KDIGO 2012)', () => {
  it('warns and offers removal below eGFR 30; notes "no prolonged use" below 60 without offering removal', () => {
    const low = only(run(renalDosingRule, patient().observation(egfr(25)), 'order-sign', [draft('d1', 'Ibuprofen 400 MG Oral Tablet')]));
    expect(low).toMatchObject({ severity: 'warning', summary: 'Ibuprofen: eGFR 25 mL/min/1.73 m² — avoid below eGFR 30.' });
    expect(low.suggestions).toHaveLength(1);
    const mid = only(run(renalDosingRule, patient().observation(egfr(45)), 'order-sign', [draft('d1', 'Naproxen 500 MG Oral Tablet')]));
    expect(mid).toMatchObject({ severity: 'info', knowledge: ['renal/nsaid-egfr-30-60'] });
    expect(mid.suggestions).toBeUndefined();
  });

  it('ignores an NSAID applied to the skin', () => {
    expect(run(renalDosingRule, patient().observation(egfr(20)), 'order-sign', [draft('d1', 'Diclofenac Sodium 10 MG/ML Topical Gel')])).toEqual([]);
  });
});

describe('drugs dosed by creatinine clearance', () => {
  it('nitrofurantoin below CrCl 30 is a warning with the Cockcroft–Gault basis and its inputs cited (Beers 2023)', () => {
    const chart = patient().observation(creatinine(1.5)).observation(weight(55));
    const f = only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Nitrofurantoin 100 MG Oral Capsule')]));
    expect(f).toMatchObject({ severity: 'warning', source: { label: 'AGS Beers Criteria 2023, Table 6 (kidney function)' } });
    expect(f.summary).toBe('Nitrofurantoin: CrCl 28 mL/min — avoid below CrCl 30.');
    expect(f.evidence).toEqual(['MedicationRequest/d1', 'Observation/cr-1', 'Observation/wt-1', 'Patient/pat-1']);
    expect(f.detail).toContain('(Cockcroft–Gault)');
  });

  it('without a weight says the dose check could not be done, with the eGFR for context, rather than guess', () => {
    const chart = patient().observation(creatinine(2.0));
    const f = only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Nitrofurantoin 100 MG Oral Capsule')]));
    expect(f).toMatchObject({ severity: 'info', summary: 'Nitrofurantoin: renal dose check not done: no weight on file.' });
    expect(f.detail).toContain('creatinine clearance (Cockcroft–Gault)');
    expect(f.detail).toContain('computed with CKD-EPI 2021');
    expect(f.evidence).toEqual(['MedicationRequest/d1', 'Observation/cr-1', 'Patient/pat-1']);
  });

  it('stays quiet without a weight when eGFR is 60 or more, when nothing is on file, and for drugs already taken', () => {
    expect(run(renalDosingRule, patient().observation(creatinine(0.7)), 'order-sign', [draft('d1', 'Nitrofurantoin 100 MG Oral Capsule')])).toEqual([]);
    expect(run(renalDosingRule, patient(), 'order-sign', [draft('d1', 'Nitrofurantoin 100 MG Oral Capsule')])).toEqual([]);
    expect(run(renalDosingRule, patient().medication({ name: 'Nitrofurantoin 100 MG Oral Capsule' }).observation(creatinine(2.0)))).toEqual([]);
  });

  it('rivaroxaban at CrCl 15–50: a dose check (warning on a new order, info when already taken), no removal offered', () => {
    const chart = (): ChartBuilder => patient().observation(creatinine(1.2)).observation(weight(70));
    const f = only(run(renalDosingRule, chart(), 'order-select', [draft('d1', 'Rivaroxaban 20 MG Oral Tablet')]));
    expect(f).toMatchObject({ severity: 'warning', summary: 'Rivaroxaban: CrCl 45 mL/min — check dose at CrCl 15–50.' });
    expect(f.suggestions).toBeUndefined();
    expect(only(run(renalDosingRule, chart().medication({ name: 'Rivaroxaban 20 MG Oral Tablet' }))).severity).toBe('info');
  });

  it('edoxaban above CrCl 95 in a heavy young man: boxed warning, removal offered', () => {
    const chart = patient({ birthDate: '1990-01-01', gender: 'male' }).observation(creatinine(0.8)).observation(weight(100));
    const f = only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Edoxaban 60 MG Oral Tablet')]));
    expect(f).toMatchObject({ severity: 'warning', knowledge: ['renal/edoxaban-crcl-above-95'] });
    expect(f.suggestions).toHaveLength(1);
  });

  it('gabapentin at CrCl 30–59 is an info dose note', () => {
    const chart = patient().observation(creatinine(1.0)).observation(weight(60));
    expect(only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Gabapentin 300 MG Oral Capsule')]))).toMatchObject({ severity: 'info', knowledge: ['renal/gabapentin-crcl-30-59'] });
  });
});

describe('apixaban dose criteria (2 of: age ≥ 80, weight ≤ 60 kg, creatinine ≥ 1.5)', () => {
  const old = (): ChartBuilder => patient({ birthDate: '1942-01-01' });

  it('two criteria met: check the dose (warning for a new order, info when taken), citing what was met', () => {
    const f = only(run(renalDosingRule, old().observation(weight(55)).observation(creatinine(1.1)), 'order-sign', [draft('d1', 'Apixaban 5 MG Oral Tablet')]));
    expect(f).toMatchObject({ severity: 'warning', summary: 'Apixaban: age 84, weight 55 kg — meets the 2.5 mg dose criteria.', evidence: ['MedicationRequest/d1', 'Patient/pat-1', 'Observation/wt-1'] });
    const active = only(run(renalDosingRule, old().medication({ name: 'Apixaban 5 MG Oral Tablet' }).observation(weight(55))));
    expect(active.severity).toBe('info');
  });

  it('counts weight and creatinine when the age is unknown', () => {
    const chart = new ChartBuilder({ birthDate: undefined, gender: 'female' }).observation(weight(55)).observation(creatinine(1.6));
    expect(only(run(renalDosingRule, chart, 'order-sign', [draft('d1', 'Apixaban 5 MG Oral Tablet')])).summary).toBe('Apixaban: weight 55 kg, creatinine 1.6 mg/dL — meets the 2.5 mg dose criteria.');
  });

  it('one met and one unknown that could complete the rule: info on a new order only', () => {
    const chart = (): ChartBuilder => old().observation(creatinine(1.1));
    const f = only(run(renalDosingRule, chart(), 'order-sign', [draft('d1', 'Apixaban 5 MG Oral Tablet')]));
    expect(f).toMatchObject({ severity: 'info', summary: 'Apixaban: dose criteria not fully checked (weight unknown).', evidence: ['MedicationRequest/d1', 'Patient/pat-1', 'Observation/cr-1'] });
    expect(f.detail).toContain('Known: age 84 (met); Creatinine **1.1 mg/dL**');
    expect(run(renalDosingRule, chart().medication({ name: 'Apixaban 5 MG Oral Tablet' }))).toEqual([]);
  });

  it('says nothing when no criterion is met, or when the unknowns could not complete it', () => {
    expect(run(renalDosingRule, patient(), 'order-sign', [draft('d1', 'Apixaban 5 MG Oral Tablet')])).toEqual([]);
    expect(run(renalDosingRule, old().observation(weight(80)).observation(creatinine(1.0)), 'order-sign', [draft('d1', 'Apixaban 5 MG Oral Tablet')])).toEqual([]);
    // A creatinine over a year old is unknown, not "normal".
    expect(only(run(renalDosingRule, old().observation(weight(80)).observation(creatinine(1.0, 500)), 'order-sign', [draft('d1', 'Apixaban 5 MG Oral Tablet')])).summary).toBe(
      'Apixaban: dose criteria not fully checked (creatinine unknown).',
    );
  });
});

describe('potassium: spironolactone and potassium supplements', () => {
  it('spironolactone with potassium ≥ 5.5 is critical on a new order; the most severe check wins over eGFR', () => {
    const f = only(run(renalDosingRule, patient().observation(potassium(5.7)).observation(egfr(25)), 'order-sign', [draft('d1', 'Spironolactone 25 MG Oral Tablet')]));
    expect(f).toMatchObject({ severity: 'critical', summary: 'Spironolactone: potassium 5.7 mmol/L — hyperkalaemia (≥ 5.5).', evidence: ['MedicationRequest/d1', 'Observation/k-1'] });
  });

  it('potassium 5.0–5.4: do not start (warning); no card for a patient already taking it', () => {
    expect(only(run(renalDosingRule, patient().observation(potassium(5.2)), 'order-sign', [draft('d1', 'Spironolactone 25 MG Oral Tablet')])).severity).toBe('warning');
    expect(run(renalDosingRule, patient().medication({ name: 'Spironolactone 25 MG Oral Tablet' }).observation(potassium(5.2)))).toEqual([]);
  });

  it('on chart open, a potassium-decided caution shares the potassium topic (one card per analyte with the lab alert)', () => {
    const f = only(run(renalDosingRule, patient().medication({ name: 'Spironolactone 25 MG Oral Tablet' }).observation(potassium(5.8))));
    expect(f).toMatchObject({ topic: 'lab:potassium', severity: 'warning' });
  });

  it('uses only a potassium from the last 30 days', () => {
    expect(run(renalDosingRule, patient().observation(potassium(5.9, 45)), 'order-sign', [draft('d1', 'Spironolactone 25 MG Oral Tablet')])).toEqual([]);
  });

  it('a potassium supplement in hyperkalaemia is critical; potassium in range says nothing', () => {
    expect(only(run(renalDosingRule, patient().observation(potassium(5.3)), 'order-sign', [draft('d1', 'Potassium Chloride 20 MEQ Extended Release Oral Tablet')])).severity).toBe('critical');
    expect(run(renalDosingRule, patient().observation(potassium(4.1)), 'order-sign', [draft('d1', 'Potassium Chloride 20 MEQ Extended Release Oral Tablet')])).toEqual([]);
  });
});

it('says nothing for drugs without renal rows, for the deceased, and on patient-view without active orders', () => {
  expect(run(renalDosingRule, patient().observation(egfr(20)), 'order-sign', [draft('d1', 'Lisinopril 10 MG Oral Tablet')])).toEqual([]);
  const deceased = new ChartBuilder({ birthDate: '1936-06-07', gender: 'male', deceasedDateTime: '2007-04-08' }).medication({ name: 'Metformin 500 MG Oral Tablet' }).observation(egfr(20));
  expect(run(renalDosingRule, deceased)).toEqual([]);
  expect(run(renalDosingRule, patient().observation(egfr(20)))).toEqual([]);
  expect(AS_OF.toISOString()).toBe('2026-06-01T12:00:00.000Z');
});
