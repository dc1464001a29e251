import { labAlertRule } from '../../../src/rules/clinical-state/lab-alert-rule';
import { ChartBuilder, type ObservationSpec } from '../../support/chart-builder';
import { daysAgo, only, run } from './clinical-state-support';

// A dangerous value past its currency window, not repeated since, stays on the card as unresolved:
// a warning when drugs or conditions on record push it further (potassium: ACE inhibitors, ARBs,
// ARNI, aldosterone antagonists, potassium-sparing diuretics, supplements, trimethoprim; CKD),
// information otherwise, never critical.

const patient = (): ChartBuilder => new ChartBuilder({ birthDate: '1950-01-01', gender: 'male' });
const k = (value: number, days: number, id = 'k-1'): ObservationSpec => ({ id, loinc: '2823-3', value, unit: 'mmol/L', date: daysAgo(days) });
const egfr = (value: number, days: number): ObservationSpec => ({ id: 'egfr-1', loinc: '98979-8', value, unit: 'mL/min/{1.73_m2}', date: daysAgo(days) });
const LISINOPRIL = { id: 'lis', name: 'Lisinopril 20 MG Oral Tablet', rxnorm: '314077' };
const CKD3 = { id: 'ckd', snomed: '433144002', display: 'Chronic kidney disease stage 3 (disorder)', onset: '2019-03-01' };

describe('potassium 5.9 mmol/L eight days ago, not repeated since', () => {
  it('is a warning on an ACE inhibitor with CKD, citing the result, the drug and the condition', () => {
    const f = only(run(labAlertRule, patient().medication(LISINOPRIL).condition(CKD3).observation(k(5.9, 8))));
    const date = daysAgo(8).slice(0, 10);
    expect(f).toMatchObject({
      topic: 'lab:potassium',
      severity: 'warning',
      summary: `Potassium 5.9 mmol/L (${date}) unresolved, not repeated; worsened by lisinopril, kidney disease. Repeat now.`,
      evidence: ['Observation/k-1', 'MedicationRequest/lis', 'Condition/ckd'],
      knowledge: ['lab/potassium-high', 'lab-aggravators/potassium-high'],
      source: { label: 'KDIGO 2020 Controversies Conference: potassium in kidney disease (Clase, Kidney Int 2020)' },
    });
    expect(f.summary.length).toBeLessThan(140);
    expect(f.detail).toContain(`Potassium **5.9 mmol/L** on ${date}, 8 days ago: unresolved, not repeated since.`);
    expect(f.detail).toContain('What makes it worse, and makes this a warning: lisinopril (MedicationRequest/lis); chronic kidney disease recorded since 2019-03-01 (Condition/ckd) — these raise potassium');
    expect(f.detail).toContain('Options: repeat it now, before acting on it; if confirmed: recheck; review ACE inhibitors');
  });

  it('is information with nothing on record that raises potassium (a normal eGFR is not kidney disease)', () => {
    const f = only(run(labAlertRule, patient().observation(k(5.9, 8)).observation(egfr(75, 30))));
    expect(f).toMatchObject({ severity: 'info', evidence: ['Observation/k-1'], knowledge: ['lab/potassium-high'], source: { label: 'ERC Guidelines 2021: potassium disorders (Lott, Resuscitation 2021)' } });
    expect(f.summary).toBe(`Potassium 5.9 mmol/L (${daysAgo(8).slice(0, 10)}) unresolved, not repeated: mild hyperkalaemia (5.5–5.9 mmol/L). Repeat it.`);
    expect(f.detail).toContain('No active drug or recorded condition that would raise potassium further: information only.');
  });

  it('claims nothing aggravates it only from complete medication and problem lists', () => {
    const unread = (section: 'medications' | 'conditions'): string => only(run(labAlertRule, patient().section(section, { state: 'failed', source: 'fhir' }).observation(k(5.9, 8)))).detail;
    expect(unread('medications')).not.toContain('No active drug');
    expect(unread('conditions')).not.toContain('No active drug');
  });

  it('is nothing once a normal potassium was taken since', () => {
    expect(run(labAlertRule, patient().medication(LISINOPRIL).condition(CKD3).observation(k(5.9, 8, 'k-old')).observation(k(4.6, 2, 'k-new')))).toEqual([]);
  });

  it('counts a reduced eGFR as kidney disease, citing it', () => {
    const f = only(run(labAlertRule, patient().observation(k(5.9, 8)).observation(egfr(42, 30))));
    expect(f).toMatchObject({ severity: 'warning', evidence: ['Observation/k-1', 'Observation/egfr-1'] });
    expect(f.summary).toBe(`Potassium 5.9 mmol/L (${daysAgo(8).slice(0, 10)}) unresolved, not repeated: mild hyperkalaemia (5.5–5.9 mmol/L); worsened by kidney disease. Repeat now.`);
  });

  it('counts oral trimethoprim, not trimethoprim eye drops (no systemic effect)', () => {
    const drops = { id: 'drops', name: 'Polymyxin B Sulfate 10000 UNT/ML / Trimethoprim Sulfate 1 MG/ML Ophthalmic Solution' };
    expect(only(run(labAlertRule, patient().medication(drops).observation(k(5.9, 8)))).severity).toBe('info');
    const oral = only(run(labAlertRule, patient().medication({ id: 'tmp', name: 'Trimethoprim 100 MG Oral Tablet' }).observation(k(5.9, 8))));
    expect(oral).toMatchObject({ severity: 'warning', evidence: ['Observation/k-1', 'MedicationRequest/tmp'] });
  });
});

describe('never critical when stale, and the summary always fits a card', () => {
  it('a critical potassium ten days old on lisinopril with CKD is a warning, naming what raises it', () => {
    const f = only(run(labAlertRule, patient().medication(LISINOPRIL).condition(CKD3).observation(k(6.4, 10))));
    expect(f.severity).toBe('warning');
    expect(f.summary).toBe(`Potassium 6.4 mmol/L (${daysAgo(10).slice(0, 10)}) unresolved, not repeated; worsened by lisinopril, kidney disease. Repeat now.`);
  });

  it('counts the aggravating drugs and conditions when naming them all would not fit', () => {
    const chart = patient()
      .medication(LISINOPRIL)
      .medication({ id: 'spiro', name: 'Spironolactone 25 MG Oral Tablet' })
      .medication({ id: 'kcl', name: 'Potassium Chloride 20 MEQ Extended Release Oral Tablet' })
      .condition(CKD3)
      .observation(k(6.4, 10));
    const f = only(run(labAlertRule, chart));
    expect(f.summary).toBe(`Potassium 6.4 mmol/L (${daysAgo(10).slice(0, 10)}) unresolved, not repeated; worsened by 4 drugs and conditions on record. Repeat now.`);
    expect(f.evidence).toEqual(['Observation/k-1', 'MedicationRequest/lis', 'MedicationRequest/spiro', 'MedicationRequest/kcl', 'Condition/ckd']);
  });

  it('older than the recheck window (a month for potassium), it is no longer a card', () => {
    expect(run(labAlertRule, patient().medication(LISINOPRIL).condition(CKD3).observation(k(6.4, 45)))).toEqual([]);
  });
});

describe('other analytes', () => {
  it('low sodium on a thiazide is a warning; low glucose five days ago on insulin with CKD is a warning', () => {
    const sodium = only(run(labAlertRule, patient().medication({ id: 'hctz', name: 'Hydrochlorothiazide 25 MG Oral Tablet' }).observation({ id: 'na', loinc: '2951-2', value: 122, unit: 'mmol/L', date: daysAgo(10) })));
    expect(sodium).toMatchObject({ severity: 'warning', knowledge: ['lab/sodium-low', 'lab-aggravators/sodium-low'], evidence: ['Observation/na', 'MedicationRequest/hctz'] });
    const glucose = patient()
      .medication({ id: 'ins', name: 'Insulin Glargine 100 UNT/ML Injectable Solution' })
      .condition(CKD3)
      .observation({ id: 'glu', loinc: '2345-7', value: 50, unit: 'mg/dL', date: daysAgo(5) });
    expect(only(run(labAlertRule, glucose))).toMatchObject({ severity: 'warning', knowledge: ['lab/glucose-critical-low', 'lab-aggravators/glucose-low'] });
  });

  it('high sodium has no aggravating drugs listed: information', () => {
    expect(only(run(labAlertRule, patient().observation({ id: 'na', loinc: '2951-2', value: 160, unit: 'mmol/L', date: daysAgo(10) }))).severity).toBe('info');
  });
});
