import type { Condition, FhirResource, Observation, Patient } from 'fhir/r4';
import { drugInteractionRule } from '../../../src/rules/drug-safety/drug-interaction';
import { readRisk } from '../../../src/rules/drug-safety/interaction-risk';
import { ruleInputFor } from '../../../src/rules/rule-input';
import { ChartBuilder } from '../../support/chart-builder';
import { active, AS_OF, draft, run } from './drug-safety-test-kit';

// drug-interaction, mechanism rows: the severity comes from the row and the patient's facts, the
// card says which fact set it (or what was checked), offers the monitoring test, and long-standing
// combinations on chart open are one grouped card, warning at most unless a recent fact is critical.

const LOINC = 'http://loinc.org';

function lab(id: string, code: string, value: number, unit: string, date: string): Observation {
  return { resourceType: 'Observation', id, status: 'final', subject: { reference: 'Patient/pat-1' }, category: [{ coding: [{ code: 'laboratory' }] }], code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: date, valueQuantity: { value, unit, code: unit } };
}

function condition(id: string, coding: { system: string; code: string; display: string }, onset?: string): Condition {
  return { resourceType: 'Condition', id, subject: { reference: 'Patient/pat-1' }, clinicalStatus: { coding: [{ code: 'active' }] }, code: { coding: [coding], text: coding.display }, ...(onset !== undefined && { onsetDateTime: onset }) };
}

function chart(resources: readonly FhirResource[], patient: Partial<Patient> = {}) {
  const b = new ChartBuilder({ birthDate: '1956-02-01', gender: 'male', ...patient });
  for (const r of resources) b.resource(r);
  return b.build();
}

const WARFARIN = active('warf', '855332', 'Warfarin Sodium 5 MG Oral Tablet', { authoredOn: '2015-03-02' });
const FLUCONAZOLE = draft('fluc', '197699', 'Fluconazole 150 MG Oral Tablet');
const CITALOPRAM = draft('cit', undefined, 'Citalopram 20 MG Oral Tablet');
const ONDANSETRON = active('ond', '0', 'Ondansetron 4 MG Oral Tablet');

describe('drug-interaction: mechanism rows', () => {
  it('makes a warfarin potentiator critical when the latest INR is above 4, records that fact and offers an INR', () => {
    const [f] = run(drugInteractionRule, 'order-select', chart([WARFARIN, lab('inr-1', '6301-6', 4.6, '{INR}', '2026-05-29')]), [FLUCONAZOLE]);
    expect(f).toMatchObject({ severity: 'critical', severityFact: { code: 'inr', value: 4.6, ref: 'Observation/inr-1', date: '2026-05-29' } });
    expect(f?.summary).toMatch(/^Fluconazole \+ warfarin: /);
    expect(f?.detail).toContain('Severity critical because of INR above 4.0: INR 4.6 on 2026-05-29 (Observation/inr-1)');
    expect(f?.evidence).toEqual(expect.arrayContaining(['MedicationRequest/fluc', 'MedicationRequest/warf', 'Observation/inr-1']));
    const order = f?.suggestions?.find((s) => s.actions[0]?.type === 'create');
    expect(order?.actions[0]).toMatchObject({ type: 'create', resource: { resourceType: 'ServiceRequest', status: 'draft', code: { coding: [{ system: LOINC, code: expect.any(String) as unknown }] } } });
  });

  it('keeps it a warning with a therapeutic INR, and says what was checked', () => {
    const [f] = run(drugInteractionRule, 'order-select', chart([WARFARIN, lab('inr-1', '6301-6', 2.4, '{INR}', '2026-05-29')]), [FLUCONAZOLE]);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.severityFact).toBeUndefined();
    expect(f?.detail).toContain('Checked, not raising it: INR 2.4 on 2026-05-29');
  });

  it('says which facts it could not find (an INR older than its window)', () => {
    const [f] = run(drugInteractionRule, 'order-select', chart([WARFARIN, lab('inr-1', '6301-6', 4.6, '{INR}', '2026-04-01')]), [FLUCONAZOLE]);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.detail).toContain('Not in the chart (would raise it): INR above 4.0');
  });

  it('grades two QT drugs by the latest QTc and lists the other risk factors (female, older)', () => {
    const resources = [ONDANSETRON, lab('qtc', '8636-3', 512, 'ms', '2026-05-30')];
    const [f] = run(drugInteractionRule, 'order-sign', chart(resources, { gender: 'female', birthDate: '1948-01-01' }), [CITALOPRAM]);
    expect(f).toMatchObject({ severity: 'critical', severityFact: { code: 'qtc', value: 512 } });
    expect(f?.detail).toContain('Other risk factors present:');
    expect(f?.detail).toContain('female sex');
    const [quiet] = run(drugInteractionRule, 'order-sign', chart([ONDANSETRON, lab('qtc', '8636-3', 440, 'ms', '2026-05-30')], { gender: undefined, birthDate: undefined }), [CITALOPRAM]);
    expect(quiet).toMatchObject({ severity: 'warning' });
  });

  it('reads a QTc over 470 ms as prolonged in a woman, over 450 ms in a man', () => {
    const input = (gender: Patient['gender']) => ruleInputFor('order-sign', chart([lab('qtc', '8636-3', 460, 'ms', '2026-05-30')], { gender }), [], AS_OF);
    expect(readRisk('qtc-prolonged', input('female'))?.holds).toBe(false);
    expect(readRisk('qtc-prolonged', input('male'))?.holds).toBe(true);
    expect(readRisk('female', input(undefined))).toMatchObject({ holds: false, text: 'sex unknown' });
    expect(readRisk('age-65-or-more', ruleInputFor('order-sign', chart([], { birthDate: undefined }), [], AS_OF))).toBeUndefined();
  });

  it('reads conditions by SNOMED CT or ICD-10-CM, with or without an onset', () => {
    const osa = condition('osa', { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G47.33', display: 'Obstructive sleep apnea' });
    const copd = condition('copd', { system: 'http://snomed.info/sct', code: '13645005', display: 'Chronic obstructive lung disease' }, '2019-04-02');
    const input = ruleInputFor('order-sign', chart([osa, copd]), [], AS_OF);
    expect(readRisk('sleep-apnoea', input)).toMatchObject({ holds: true, fact: { code: 'sleep-apnoea', ref: 'Condition/osa' }, text: 'sleep apnoea recorded (Condition/osa)' });
    expect(readRisk('copd', input)).toMatchObject({ fact: { code: '13645005', date: '2019-04-02' }, text: 'COPD recorded since 2019-04-02 (Condition/copd)' });
    expect(readRisk('heart-failure', input)).toBeUndefined();
    const refuted: Condition = { ...condition('hf', { system: 'http://snomed.info/sct', code: '84114007', display: 'Heart failure' }), verificationStatus: { coding: [{ code: 'refuted' }] } };
    expect(readRisk('heart-failure', ruleInputFor('order-sign', chart([refuted]), [], AS_OF))).toBeUndefined();
  });

  it('reads eGFR as the renal rules do, and ignores one older than its window', () => {
    const recent = ruleInputFor('order-sign', chart([lab('egfr', '62238-1', 24, 'mL/min/{1.73_m2}', '2026-05-20')]), [], AS_OF);
    expect(readRisk('egfr-below-30', recent)).toMatchObject({ holds: true, fact: { code: 'egfr', value: 24, ref: 'Observation/egfr' } });
    const old = ruleInputFor('order-sign', chart([lab('egfr', '62238-1', 24, 'mL/min/{1.73_m2}', '2024-05-20')]), [], AS_OF);
    expect(readRisk('egfr-below-30', old)).toBeUndefined();
    expect(readRisk('egfr-below-30', ruleInputFor('order-sign', chart([]), [], AS_OF))).toBeUndefined();
  });

  it('on chart open: one grouped card for the standing interactions, warning at most', () => {
    const standing = [WARFARIN, active('fluc', '197699', 'Fluconazole 150 MG Oral Tablet'), active('asa', '243670', 'Aspirin 81 MG Oral Tablet'), active('simva', '312961', 'Simvastatin 20 MG Oral Tablet'), active('clari', '197517', 'Clarithromycin 500 MG Oral Tablet')];
    const findings = run(drugInteractionRule, 'patient-view', chart(standing));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ topic: 'ddi:standing', severity: 'warning' });
    expect(findings[0]?.summary.length).toBeLessThan(140);
    expect(findings[0]?.detail.match(/\*\*/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('on chart open: critical only when a fact within 14 days crosses a critical threshold', () => {
    const standing = [WARFARIN, active('fluc', '197699', 'Fluconazole 150 MG Oral Tablet')];
    const recent = run(drugInteractionRule, 'patient-view', chart([...standing, lab('inr-1', '6301-6', 5.1, '{INR}', '2026-05-25')]));
    expect(recent.map((f) => f.severity)).toEqual(['critical']);
    // A critical row whose severity no recent fact set (simvastatin + clarithromycin) stays a warning.
    const contraindicated = run(drugInteractionRule, 'patient-view', chart([active('simva', '312961', 'Simvastatin 20 MG Oral Tablet'), active('clari', '197517', 'Clarithromycin 500 MG Oral Tablet')]));
    expect(contraindicated.map((f) => f.severity)).toEqual(['warning']);
    // Spironolactone + lisinopril: K 5.3 makes a new order critical, but on chart open only K ≥ 6.0 does; both share the potassium topic.
    const raas = [active('spiro', '313096', 'Spironolactone 25 MG Oral Tablet'), active('lis', '314076', 'Lisinopril 10 MG Oral Tablet')];
    expect(run(drugInteractionRule, 'patient-view', chart([...raas, lab('k', '2823-3', 5.3, 'mmol/L', '2026-05-30')])).map((f) => [f.topic, f.severity])).toEqual([['lab:potassium', 'warning']]);
    expect(run(drugInteractionRule, 'patient-view', chart([...raas, lab('k', '2823-3', 6.2, 'mmol/L', '2026-05-30')])).map((f) => [f.topic, f.severity])).toEqual([['lab:potassium', 'critical']]);
    // An info row stays info.
    const info = run(drugInteractionRule, 'patient-view', chart([active('sert', '0', 'Sertraline 50 MG Oral Tablet'), active('suma', '0', 'Sumatriptan 50 MG Oral Tablet')]));
    expect(info.map((f) => f.severity)).toEqual(['info']);
  });

  it('names a second mechanism of the same pair in the one card (fluoxetine + tramadol)', () => {
    const findings = run(drugInteractionRule, 'order-sign', chart([active('flx', '0', 'Fluoxetine 20 MG Oral Capsule')]), [draft('tram', undefined, 'Tramadol Hydrochloride 50 MG Oral Tablet')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.knowledge.length).toBeGreaterThan(1);
    expect(findings[0]?.detail).toContain('Also (');
  });

  it('reports a three-drug interaction once, whichever pair finds it', () => {
    const resources = [active('lis', '314076', 'Lisinopril 10 MG Oral Tablet'), active('furo', '0', 'Furosemide 40 MG Oral Tablet')];
    const findings = run(drugInteractionRule, 'order-sign', chart(resources), [draft('ibu', '197805', 'Ibuprofen 400 MG Oral Tablet')]);
    expect(findings.filter((f) => f.knowledge.some((k) => k.includes('triple')))).toHaveLength(1);
  });

  it('treats nitroglycerin ointment as the systemic nitrate it is', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chart([active('ntg', '0', 'Nitroglycerin 20 MG/GM Topical Ointment')]), [draft('sil', undefined, 'Sildenafil 50 MG Oral Tablet')]);
    expect(f).toMatchObject({ severity: 'critical' });
  });

});
