import type { MedicationRequest } from 'fhir/r4';
import { drugInteractionRule } from '../../../src/rules/drug-safety/drug-interaction';
import { DRUG_SAFETY_RULES } from '../../../src/rules/drug-safety/drug-safety-rules';
import { active, chartOf, draft, run } from './drug-safety-test-kit';

// drug-interaction, ONC lists: high-priority pairs are critical or warning, non-interruptive pairs
// info only (and not on patient-view); local products and unknown drugs are left out.

const SIMVASTATIN = active('simva', '312961', 'Simvastatin 20 MG Oral Tablet');

describe('drug-interaction: ONC lists', () => {
  it('is critical for ergotamine drafted for a patient on clarithromycin (contraindicated)', () => {
    const chart = chartOf([active('clari', '197517', 'Clarithromycin 500 MG Oral Tablet')]);
    const [f] = run(drugInteractionRule, 'order-sign', chart, [draft('ergo', undefined, 'Ergotamine tartrate 1 MG Oral Tablet')]);
    expect(f).toMatchObject({ severity: 'critical', knowledge: ['onc-hp:ergot-cyp3a4'], source: { label: 'ONC high-priority DDI list (Phansalkar 2012)' } });
    expect(f?.summary).toMatch(/^Ergotamine \+ clarithromycin: /);
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove ergotamine order', isRecommended: true })]);
  });

  it('is a warning for atazanavir with a proton pump inhibitor, matched by text', () => {
    const [f] = run(drugInteractionRule, 'order-select', chartOf([]), [draft('ataz', undefined, 'Atazanavir 300 MG Oral Capsule'), draft('ome', undefined, 'Omeprazole 20 MG Delayed Release Oral Capsule')]);
    expect(f).toMatchObject({ severity: 'warning', knowledge: ['onc-hp:atazanavir-ppi'] });
  });

  it('keeps the most severe row when one order matches several (combination products)', () => {
    // Ramelteon with fluvoxamine is contraindicated; with ciprofloxacin a warning: the combination takes the first.
    const findings = run(drugInteractionRule, 'order-sign', chartOf([active('ram', '0', 'Ramelteon 8 MG Oral Tablet')]), [draft('combo', undefined, 'Ciprofloxacin 500 MG / Fluvoxamine 50 MG')]);
    expect(findings.map((f) => [f.knowledge[0], f.severity])).toContainEqual(['onc-hp:ramelteon-fluvoxamine', 'critical']);
  });

  it('reports a non-interruptive pair as info, with removal not recommended', () => {
    const chart = chartOf([active('hctz', '0', 'Hydrochlorothiazide 25 MG Oral Tablet')]);
    const [f] = run(drugInteractionRule, 'order-sign', chart, [draft('ibu', '197805', 'Ibuprofen 400 MG Oral Tablet')]);
    expect(f).toMatchObject({ severity: 'info', knowledge: ['onc-ni:8'], summary: 'Ibuprofen + hydrochlorothiazide: a known, usually manageable interaction. No change usually needed.' });
    expect(f?.suggestions).toEqual([expect.objectContaining({ isRecommended: false })]);
  });

  it('leaves a non-interruptive pair to duplicate-therapy when it duplicates therapy (ACE inhibitor + ARB)', () => {
    const chart = chartOf([active('lis', '314076', 'Lisinopril 10 MG Oral Tablet')]);
    const drafts = [draft('los', '979485', 'Losartan Potassium 50 MG Oral Tablet')];
    expect(run(drugInteractionRule, 'order-sign', chart, drafts)).toEqual([]);
    const all = DRUG_SAFETY_RULES.flatMap((r) => run(r, 'order-sign', chart, drafts));
    expect(all.map((f) => f.ruleId)).toEqual(['duplicate-therapy']);
  });

  it('says nothing on patient-view about non-interruptive pairs, but reports high-priority ones', () => {
    const chart = chartOf([SIMVASTATIN, active('warf', '855332', 'Warfarin Sodium 5 MG Oral Tablet'), active('vera', '897718', 'Verapamil Hydrochloride 40 MG')]);
    const findings = run(drugInteractionRule, 'patient-view', chart);
    expect(findings.map((f) => [f.topic, f.severity])).toEqual([['ddi:11170+36567', 'warning']]);
  });

  it('caps a critical pair at warning on patient-view', () => {
    const chart = chartOf([SIMVASTATIN, active('clari', '197517', 'Clarithromycin 500 MG Oral Tablet')]);
    expect(run(drugInteractionRule, 'patient-view', chart).map((f) => f.severity)).toEqual(['warning']);
  });

  it('leaves out a product applied locally (ketoconazole cream)', () => {
    expect(run(drugInteractionRule, 'order-sign', chartOf([SIMVASTATIN]), [draft('keto', undefined, 'Ketoconazole 20 MG/ML Topical Cream')])).toEqual([]);
  });

  it('says nothing about an unknown drug', () => {
    expect(run(drugInteractionRule, 'order-sign', chartOf([SIMVASTATIN]), [draft('x', undefined, 'Zorblax 10 mg tablet')])).toEqual([]);
  });

  it('ignores chart orders that are not active, not to be performed, of unknown drugs, or the draft itself', () => {
    const stopped: MedicationRequest = { ...SIMVASTATIN, id: 'stopped', status: 'stopped' };
    const notDone: MedicationRequest = { ...SIMVASTATIN, id: 'nodo', doNotPerform: true };
    const clari = draft('clari', '197517', 'Clarithromycin 500 MG Oral Tablet');
    const sameAsDraft: MedicationRequest = { ...clari, status: 'active' };
    const unknown = active('unknown', '0', 'Zorblax 10 mg tablet');
    const chart = chartOf([stopped, notDone, sameAsDraft, unknown, active('simva-2', '312961', 'Simvastatin 20 MG Oral Tablet')]);
    expect(run(drugInteractionRule, 'order-sign', chart, [clari]).map((f) => f.evidence)).toEqual([['MedicationRequest/clari', 'MedicationRequest/simva-2']]);
  });

  it('reads a chart order whose drug is a bundled Medication, and names an undated active order plainly', () => {
    const medication = { resourceType: 'Medication' as const, id: 'm1', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '312961', display: 'Simvastatin 20 MG Oral Tablet' }] } };
    const order: MedicationRequest = { resourceType: 'MedicationRequest', id: 'byref', status: 'active', intent: 'order', subject: { reference: 'Patient/pat-1' }, medicationReference: { reference: 'Medication/m1' } };
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([order, medication]), [draft('clari', '197517', 'Clarithromycin 500 MG Oral Tablet')]);
    expect(f?.detail).toContain('**Simvastatin 20 MG Oral Tablet** (active; MedicationRequest/byref)');
  });
});
