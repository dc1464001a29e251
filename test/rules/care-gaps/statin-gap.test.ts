import type { FhirResource } from 'fhir/r4';
import { assessStatin } from '../../../src/rules/care-gaps/statin-gap';
import {
  bloodPressure,
  chartOf,
  condition,
  conditionDated,
  contextOf,
  CPT,
  DIABETES,
  drugAllergy,
  ICD10_CM,
  lipids,
  medicationOrder,
  patientAged,
  procedure,
  quantityResult,
  race,
  SNOMED,
  smokingStatus,
} from './care-gap-kit';

// The statin gap (ACC/AHA 2018, ADA 2025, USPSTF 2022): who should be on a statin, at what
// intensity, what takes them out, and when the chart cannot say.

const STROKE = { system: SNOMED, code: '230690007', display: 'Stroke' };
const HYPERTENSION = { system: SNOMED, code: '38341003', display: 'Hypertension' };
const NEVER = '266919005';
const CURRENT = '449868002';

function statin(...args: Parameters<typeof chartOf>): ReturnType<typeof assessStatin> {
  return assessStatin(contextOf(chartOf(...args)));
}

/** A 60-year-old's risk inputs: TC 220 / HDL 40 (2025), SBP 150 (2026), never smoked. */
function riskInputs(sbp = 150): FhirResource[] {
  return [...lipids('2025-09-01', 220, 40), bloodPressure('bp', '2026-03-01', sbp, 90), smokingStatus('smk', NEVER, '2026-03-01')];
}

describe('statin gap: direct indications', () => {
  it('is due at high intensity after a stroke, even with diabetes, and drafts atorvastatin 40 mg', () => {
    const a = statin(patientAged(64, 'male'), [condition('stroke', STROKE, 'resolved'), condition('dm', DIABETES)]);
    expect(a).toMatchObject({ id: 'statin-high', title: 'Statin therapy', status: 'due', evidence: ['Patient/pat-1', 'Condition/stroke'] });
    expect(a?.reason).toBe('no statin on record; stroke or TIA `Condition/stroke` (clinical ASCVD): high-intensity statin (atorvastatin 40–80 mg or rosuvastatin 20–40 mg daily)');
    expect(a?.order).toMatchObject({ kind: 'medication', code: '617311', dosage: 'Take 1 tablet (40 mg) by mouth once daily' });
    expect(a?.knowledge).toEqual(['statin', 'statin-clinical-ascvd', 'statin-high-intensity']);
  });

  it('drafts moderate intensity for clinical ASCVD over 75, saying high is reasonable too', () => {
    const a = statin(patientAged(80, 'female'), [condition('mi', { system: ICD10_CM, code: 'I25.2' })]);
    expect(a?.reason).toContain('coronary heart disease `Condition/mi` (clinical ASCVD), over 75, moderate or high intensity is reasonable: moderate-intensity statin');
    expect(a?.order).toMatchObject({ code: '617312' });
  });

  it('counts a coronary revascularization as clinical ASCVD', () => {
    const a = statin(patientAged(58, 'male'), [procedure('pci', { system: CPT, code: '92928' }, '2019-04-01')]);
    expect(a?.reason).toContain('coronary revascularization `Procedure/pci` (clinical ASCVD)');
  });

  it('is due at high intensity for LDL-C ≥ 190 mg/dL from 20, in mg/dL or mmol/L; not for 180', () => {
    expect(statin(patientAged(35, 'female'), [quantityResult('ldl', '18262-6', '2025-01-01', 195)])?.reason).toContain('LDL-C 195 mg/dL `Observation/ldl` (≥ 190)');
    expect(statin(patientAged(35, 'female'), [quantityResult('ldl', '13457-7', '2025-01-01', 5.2, 'mmol/L')])?.reason).toContain('LDL-C 201 mg/dL');
    expect(statin(patientAged(35, 'female'), [quantityResult('ldl', '18262-6', '2025-01-01', 180)])).toBeUndefined();
    expect(statin(patientAged(35, 'female'), [quantityResult('ldl', '18262-6', '2025-01-01', 195, 'g/L')])).toBeUndefined();
    expect(statin(patientAged(35, 'female'), [quantityResult('ldl', '18262-6', '2019-01-01', 195)])).toBeUndefined();
  });

  it('is due at moderate intensity for diabetes at 40–75, not at 38 or 80', () => {
    const a = statin(patientAged(50, 'female'), [condition('dm', DIABETES)]);
    expect(a?.reason).toBe('no statin on record; age 50, diabetes `Condition/dm`: moderate-intensity statin (atorvastatin 10–20 mg, rosuvastatin 5–10 mg or simvastatin 20–40 mg daily)');
    expect(a).toMatchObject({ id: 'statin-moderate', order: { code: '617312', display: 'atorvastatin 10 MG Oral Tablet' } });
    expect(statin(patientAged(38, 'female'), [condition('dm', DIABETES)])).toBeUndefined();
    expect(statin(patientAged(80, 'female'), [condition('dm', DIABETES)])).toBeUndefined();
  });
});

describe('statin gap: 10-year risk (USPSTF 2022, 40–75 with a risk factor)', () => {
  it('is due at moderate intensity for hypertension and a risk ≥ 10%, showing every input it used', () => {
    const a = statin(patientAged(60, 'male'), [condition('htn', HYPERTENSION), ...riskInputs(), medicationOrder('lis', '29046', '2024-01-01')]);
    expect(a?.status).toBe('due');
    expect(a?.reason).toMatch(/^no statin on record; age 60, hypertension `Condition\/htn`; 10-year ASCVD risk 16\.\d% \(pooled cohort equations for white men; race not recorded: white\/other equations used: /);
    expect(a?.reason).toContain(
      'total cholesterol 220 mg/dL `Observation/tc-2025-09-01`, HDL 40 mg/dL `Observation/hdl-2025-09-01`, systolic BP 150 mm Hg `Observation/bp` treated `MedicationRequest/lis`, does not smoke `Observation/smk`, no diabetes',
    );
    expect(a?.evidence).toEqual(['Patient/pat-1', 'Condition/htn', 'Observation/tc-2025-09-01', 'Observation/hdl-2025-09-01', 'Observation/bp', 'Observation/smk', 'MedicationRequest/lis']);
    expect(a?.knowledge).toEqual(['statin', 'statin-ten-year-risk', 'pooled-cohort-equations', 'white-male', 'statin-moderate-intensity']);
  });

  it('is not indicated under 10%, saying the risk', () => {
    const a = statin(patientAged(45, 'female', { extension: [race('2106-3', 'White')] }), [condition('htn', HYPERTENSION), ...riskInputs(118)]);
    expect(a?.status).toBe('not-indicated');
    expect(a?.reason).toMatch(/10-year ASCVD risk \d\.\d% \(pooled cohort equations for white women: .*untreated.*\), under 10%$/);
  });

  it('uses the African American equations when US Core race says so', () => {
    const a = statin(patientAged(60, 'female', { extension: [race('2054-5', 'Black or African American')] }), [condition('htn', HYPERTENSION), ...riskInputs()]);
    expect(a?.reason).toContain('pooled cohort equations for African American women: total cholesterol');
    expect(a?.knowledge).toContain('african-american-female');
  });

  it('counts current smoking from the smoking status as the risk factor and as an input', () => {
    const a = statin(patientAged(55, 'male'), [...lipids('2025-09-01', 240, 35), bloodPressure('bp', '2026-03-01', 140, 85), smokingStatus('smk', CURRENT, '2026-03-01', 'survey')]);
    expect(a?.status).toBe('due');
    expect(a?.reason).toContain('age 55, current smoking `Observation/smk`; 10-year ASCVD risk');
    expect(a?.reason).toContain('smokes `Observation/smk`');
  });

  it('is not assessed when the equation lacks inputs, naming each', () => {
    const a = statin(patientAged(60, undefined), [condition('htn', HYPERTENSION), bloodPressure('bp', '2025-01-01', 150, 90)], { medications: { state: 'failed', source: 'fhir' } });
    expect(a).toMatchObject({ status: 'not-assessed', evidence: ['Patient/pat-1', 'Condition/htn'] });
    expect(a?.reason).toBe(
      'age 60, hypertension `Condition/htn`; 10-year ASCVD risk needs sex, total cholesterol (last 5 years), HDL (last 5 years), systolic BP (last 12 months), BP treatment (Medications unavailable), smoking status',
    );
  });

  it('is not assessed when the problem list is unavailable, and silent without any risk factor', () => {
    const a = statin(patientAged(50, 'male'), riskInputs(), { conditions: { state: 'missing', source: 'none' } });
    expect(a).toMatchObject({ status: 'not-assessed', reason: 'clinical ASCVD, diabetes and risk factors unknown (Problems unavailable)' });
    expect(statin(patientAged(50, 'male'), riskInputs())).toBeUndefined();
    expect(statin(patientAged(30, 'male'), [condition('htn', HYPERTENSION)])).toBeUndefined();
  });
});

describe('statin gap: met, excluded, not assessed', () => {
  it('is met by an active statin when indicated; silent when nothing indicates one', () => {
    expect(statin(patientAged(64, 'male'), [condition('stroke', STROKE), medicationOrder('atorva', '83367', '2024-01-01')])).toMatchObject({
      status: 'met',
      id: 'statin',
      reason: 'on a statin `MedicationRequest/atorva`',
      evidence: ['MedicationRequest/atorva'],
    });
    expect(statin(patientAged(60, 'male'), [condition('htn', HYPERTENSION), medicationOrder('atorva', '83367', '2024-01-01')])?.status).toBe('met');
    expect(statin(patientAged(50, 'male'), [medicationOrder('atorva', '83367', '2024-01-01')])).toBeUndefined();
  });

  it('is excluded by ESRD, recent dialysis, statin muscle symptoms, a statin allergy or a current pregnancy', () => {
    const dm = condition('dm', DIABETES);
    expect(statin(patientAged(60, 'male'), [dm, condition('esrd', { system: ICD10_CM, code: 'N18.6' })])).toMatchObject({
      status: 'excluded',
      reason: 'end-stage renal disease or dialysis `Condition/esrd`',
      knowledge: ['statin', 'statin-diabetes', 'esrd-dialysis'],
    });
    expect(statin(patientAged(60, 'male'), [dm, procedure('hd', { system: SNOMED, code: '302497006' }, '2026-04-01')])?.status).toBe('excluded');
    expect(statin(patientAged(60, 'male'), [dm, procedure('hd', { system: SNOMED, code: '302497006' }, '2020-04-01')])?.status).toBe('due');
    expect(statin(patientAged(60, 'male'), [dm, condition('myo', { system: ICD10_CM, code: 'G72.0' }, 'resolved')])?.reason).toBe('statin intolerance (muscle symptoms or rhabdomyolysis) `Condition/myo`');
    expect(statin(patientAged(60, 'male'), [dm, drugAllergy('alg', 'Atorvastatin', 'intolerance')])?.reason).toBe('statin allergy or intolerance (Atorvastatin) `AllergyIntolerance/alg`');
    const pregnant = statin(patientAged(42, 'female'), [dm, conditionDated('preg', { system: SNOMED, code: '72892002' }, 'active', { onsetDateTime: '2026-03-01' })]);
    expect(pregnant).toMatchObject({ status: 'excluded', reason: 'pregnancy (statins are not used in pregnancy) `Condition/preg`', evidence: ['Condition/preg'] });
    expect(statin(patientAged(42, 'female'), [dm, drugAllergy('alg', 'Penicillin')])?.status).toBe('due');
  });

  it('is not assessed when medications are unavailable (a statin cannot be ruled out)', () => {
    const a = statin(patientAged(64, 'male'), [condition('stroke', STROKE)], { medications: { state: 'failed', source: 'fhir' } });
    expect(a).toMatchObject({ status: 'not-assessed', evidence: ['Condition/stroke'] });
    expect(a?.reason).toBe('stroke or TIA `Condition/stroke` (clinical ASCVD); Medications unavailable (a statin cannot be ruled out)');
  });
});
