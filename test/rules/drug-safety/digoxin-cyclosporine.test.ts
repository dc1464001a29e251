import type { Observation } from 'fhir/r4';
import { drugInteractionRule } from '../../../src/rules/drug-safety/drug-interaction';
import { active, chartOf, draft, run } from './drug-safety-test-kit';

// drug-interaction, HL7 PDDI-CDS digoxin + cyclosporine: new cyclosporine without a recent normal
// digoxin level is critical; continuation is info only with normal labs and no diuretic.

const DIGOXIN = active('dig', '197606', 'Digoxin 0.25 MG Oral Tablet');
const CYCLOSPORINE = active('cyc', '835894', 'cyclosporine, modified 25 MG Oral Capsule');
const NEW_CYCLOSPORINE = draft('cyc-d', '835894', 'cyclosporine, modified 25 MG Oral Capsule');
const NEW_DIGOXIN = draft('dig-d', '197604', 'Digoxin 0.125 MG Oral Tablet');

function lab(id: string, loinc: string, value: number, unit: string, date = '2026-05-25', status: Observation['status'] = 'final'): Observation {
  return {
    resourceType: 'Observation',
    id,
    status,
    subject: { reference: 'Patient/pat-1' },
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: date,
    valueQuantity: { value, unit, code: unit },
  };
}

const NORMAL_LEVEL = lab('dl', '10535-3', 0.7, 'ng/mL');
// Potassium with a UCUM unit but no code, as some EHRs send it.
const NORMAL_LABS = [{ ...lab('k', '2823-3', 4.2, 'mmol/L'), valueQuantity: { value: 4.2, unit: 'mmol/L' } }, lab('mg', '19123-9', 2.0, 'mg/dL'), lab('ca', '17861-6', 9.4, 'mg/dL'), lab('cr', '2160-0', 80, 'umol/L')];

describe('drug-interaction: digoxin + cyclosporine (PDDI-CDS)', () => {
  it('is critical when cyclosporine is started without a recent digoxin level', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([DIGOXIN]), [NEW_CYCLOSPORINE]);
    expect(f).toMatchObject({ topic: 'ddi:3008+3407', severity: 'critical', summary: 'Cyclosporine + digoxin: digoxin levels will rise. Check a digoxin level and reduce the dose.' });
    expect(f?.detail).toContain('no level below 0.9 ng/mL in the last 30 days');
    expect(f?.detail).toContain('potassium not measured in the last year');
    expect(f?.knowledge).toEqual(['pddi:digoxin-cyclosporine', 'pddi:digoxin-cyclosporine:new-cyclosporine']);
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove cyclosporine order', isRecommended: true })]);
  });

  it('does not count a preliminary digoxin level (the one result-status policy: rules act on final results)', () => {
    const preliminary = lab('dl-p', '10535-3', 0.7, 'ng/mL', '2026-05-25', 'preliminary');
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([DIGOXIN, preliminary]), [NEW_CYCLOSPORINE]);
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).not.toContain('Observation/dl-p');
  });

  it('is a warning when cyclosporine is started with a normal digoxin level', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([DIGOXIN, NORMAL_LEVEL]), [NEW_CYCLOSPORINE]);
    expect(f?.severity).toBe('warning');
    expect(f?.evidence).toContain('Observation/dl');
  });

  it('is info for a continuation with a normal level, normal labs (converted units, latest first) and no diuretic', () => {
    const olderLow = lab('k-old', '2823-3', 3.0, 'mmol/L', '2026-02-01');
    const [f] = run(drugInteractionRule, 'order-select', chartOf([DIGOXIN, CYCLOSPORINE, NORMAL_LEVEL, ...NORMAL_LABS, olderLow]), [NEW_DIGOXIN]);
    expect(f).toMatchObject({ severity: 'info', summary: 'Digoxin + cyclosporine: digoxin toxicity risk. Keep monitoring the digoxin level.' });
    expect(f?.summary).toContain('Keep monitoring');
    expect(f?.detail).toContain('magnesium 2 mg/dL on 2026-05-25 (Observation/mg)');
    expect(f?.detail).toContain('creatinine 0.9 mg/dL');
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove digoxin order', isRecommended: false })]);
  });

  it('is a warning for a continuation on a loop diuretic', () => {
    const chart = chartOf([DIGOXIN, CYCLOSPORINE, NORMAL_LEVEL, ...NORMAL_LABS, active('furo', '313988', 'Furosemide 40 MG Oral Tablet')]);
    const [f] = run(drugInteractionRule, 'order-select', chart, [NEW_DIGOXIN]);
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('Diuretics: MedicationRequest/furo');
  });

  it('is a warning for a continuation with low potassium', () => {
    const labs = [lab('k', '2823-3', 3.1, 'mmol/L'), ...NORMAL_LABS.slice(1)];
    const [f] = run(drugInteractionRule, 'order-select', chartOf([DIGOXIN, CYCLOSPORINE, NORMAL_LEVEL, ...labs]), [NEW_DIGOXIN]);
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('potassium 3.1 mmol/L on 2026-05-25 (Observation/k), outside the normal range');
  });

  it('is a warning for a continuation without a normal digoxin level (high, old or not final)', () => {
    const levels = [lab('hi', '10535-3', 1.9, 'nmol/L'), lab('old', '10535-3', 0.5, 'ng/mL', '2026-01-01'), lab('pre', '10535-3', 0.5, 'ng/mL', '2026-05-30', 'cancelled')];
    const [f] = run(drugInteractionRule, 'order-select', chartOf([DIGOXIN, CYCLOSPORINE, ...levels, ...NORMAL_LABS]), [draft('cyc-2', '835894', 'cyclosporine, modified 25 MG Oral Capsule')]);
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('The patient already takes this combination.');
  });

  it('ignores lab values in units it cannot convert, and future-dated ones', () => {
    const odd = [lab('dl', '10535-3', 0.7, 'mg/L'), lab('fut', '10535-3', 0.7, 'ng/mL', '2026-07-01'), { ...lab('nov', '10535-3', 0.7, 'ng/mL'), valueQuantity: undefined }];
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([DIGOXIN, ...odd]), [NEW_CYCLOSPORINE]);
    expect(f?.severity).toBe('critical');
  });

  it('is a warning for a new digoxin order in a patient on cyclosporine, about the digoxin draft', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([CYCLOSPORINE, NORMAL_LEVEL]), [NEW_DIGOXIN]);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Digoxin + cyclosporine: digoxin toxicity risk. Start low and check a digoxin level.' });
    expect(f?.detail).toMatch(/^- \*\*Digoxin 0.125 MG Oral Tablet\*\* \(new order/);
  });

  it('treats both drugs drafted together as a new cyclosporine order', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([]), [NEW_DIGOXIN, NEW_CYCLOSPORINE]);
    expect(f?.severity).toBe('critical');
  });

  it('leaves ophthalmic cyclosporine (Restasis) out', () => {
    expect(run(drugInteractionRule, 'order-sign', chartOf([DIGOXIN]), [draft('eye', '351291', 'Cyclosporine 0.5 MG/ML Ophthalmic Suspension')])).toEqual([]);
  });

  it('on patient-view, reads both active drugs as a continuation', () => {
    const [f] = run(drugInteractionRule, 'patient-view', chartOf([DIGOXIN, CYCLOSPORINE]));
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.suggestions).toBeUndefined();
  });
});
