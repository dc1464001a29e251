import type { ServiceRequest } from 'fhir/r4';
import { findingCard } from '../../../src/cards/finding-card';
import { CARE_GAP_RULES } from '../../../src/rules/care-gaps/care-gap-rules';
import { runRules } from '../../../src/rules/run-rules';
import { ruleInputFor } from '../../../src/rules/rule-input';
import { cardProblems } from '../../support/card-rules';
import {
  AS_OF,
  chartOf,
  condition,
  CPT,
  DIABETES,
  immunization,
  labResult,
  patientAged,
  procedure,
  runCareGaps,
  SNOMED,
  smokingStatus,
} from './care-gap-kit';

const COLONOSCOPY = { system: SNOMED, code: '73761001' };

describe('the care-gap rule', () => {
  it('runs on patient-view only, as one rule with the id care-gap', () => {
    expect(CARE_GAP_RULES.map((r) => [r.id, r.hooks])).toEqual([['care-gap', ['patient-view']]]);
  });

  it('gives a 55-year-old without colorectal screening one grouped info card with the gap', () => {
    const chart = chartOf(patientAged(55, 'male'), [labResult('hcv', '13955-0', '2010-01-01'), immunization('flu', '140', '2025-10-01'), immunization('pcv', '216', '2022-01-01')]);
    const findings = runCareGaps(chart);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ ruleId: 'care-gap', topic: 'care-gaps:colorectal', severity: 'info', selectionBehavior: 'any' });
    expect(f.summary).toBe('Care gaps (1): colorectal screening. Draft orders offered.');
    expect(f.evidence).toEqual(['Patient/pat-1', 'Observation/hcv', 'Immunization/flu', 'Immunization/pcv']);
    expect(f.detail).toContain('**Due**\n\n- Colorectal cancer screening: age 55: no colonoscopy (10 y)');
    expect(f.detail).toContain('**Up to date**\n\n- Hepatitis C screening: HCV antibody test 2010-01-01 `Observation/hcv`');
  });

  it('gives no card to a 55-year-old with a recent colonoscopy and everything else done', () => {
    const chart = chartOf(patientAged(55, 'male'), [
      procedure('colo', COLONOSCOPY, '2022-05-01'),
      labResult('hcv', '13955-0', '2010-01-01'),
      immunization('flu', '140', '2025-10-01'),
      immunization('pcv', '216', '2022-01-01'),
    ]);
    expect(runCareGaps(chart)).toEqual([]);
  });

  it('offers one draft ServiceRequest per gap, for the patient, as a proposal', () => {
    const [f] = runCareGaps(chartOf(patientAged(52, 'female')));
    expect(f?.suggestions?.map((s) => s.label)).toEqual(['Order colorectal screening', 'Order mammogram', 'Order cervical screening', 'Order hepatitis C screen', 'Order flu vaccine', 'Order pneumococcal vaccine']);
    const action = f?.suggestions?.[1]?.actions[0];
    expect(action?.type).toBe('create');
    const resource = (action as { resource: ServiceRequest }).resource;
    expect(resource).toEqual({
      resourceType: 'ServiceRequest',
      status: 'draft',
      intent: 'proposal',
      subject: { reference: 'Patient/pat-1' },
      code: { coding: [{ system: SNOMED, code: '24623002', display: 'Screening mammography (procedure)' }], text: 'Screening mammogram' },
      reasonCode: [{ text: 'Breast cancer screening due (ChartBrief care gaps)' }],
    });
  });

  it('drafts the statin as a MedicationRequest with its dosage, and lists what is not indicated under its own label', () => {
    const [f] = runCareGaps(chartOf(patientAged(68, 'male'), [condition('stroke', { system: SNOMED, code: '230690007' }), smokingStatus('smk', '266919005', '2026-01-01', 'survey')]));
    expect(f?.topic.startsWith('care-gaps:statin-high,')).toBe(true);
    expect(f?.suggestions?.[0]).toEqual({
      label: 'Order statin',
      actions: [
        {
          type: 'create',
          description: 'Draft order: Atorvastatin 40 mg tablet (high-intensity statin)',
          resource: {
            resourceType: 'MedicationRequest',
            status: 'draft',
            intent: 'proposal',
            subject: { reference: 'Patient/pat-1' },
            medicationCodeableConcept: {
              coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '617311', display: 'atorvastatin 40 MG Oral Tablet' }],
              text: 'Atorvastatin 40 mg tablet (high-intensity statin)',
            },
            reasonCode: [{ text: 'Statin therapy due (ChartBrief care gaps)' }],
            dosageInstruction: [{ text: 'Take 1 tablet (40 mg) by mouth once daily' }],
          },
        },
      ],
    });
    expect(f?.detail).toContain('**Due**\n\n- Statin therapy: no statin on record; stroke or TIA `Condition/stroke` (clinical ASCVD): high-intensity statin');
    expect(f?.detail).toContain('**Not indicated**\n\n- Abdominal aortic aneurysm screening: never smoked `Observation/smk`\n- Lung cancer screening: never smoked `Observation/smk`');
    expect(f?.evidence).toEqual(expect.arrayContaining(['Condition/stroke', 'Observation/smk']));
  });

  it('keeps the summary under 140 characters when many gaps are due', () => {
    const [f] = runCareGaps(chartOf(patientAged(52, 'female'), [condition('dm', DIABETES)]));
    expect(f?.topic).toBe('care-gaps:statin-moderate,colorectal,breast,cervical,hepatitis-c,lipids,hba1c,urine-albumin,eye-exam,foot-exam,influenza,pneumococcal');
    expect(f?.summary.length).toBeLessThan(140);
    expect(f?.summary).toMatch(/^Care gaps \(12\): statin, colorectal screening, .* \+\d more\. Draft orders offered\.$/);
  });

  it('lists what it could not assess and what is excluded, and names an unrecorded sex', () => {
    const chart = chartOf(patientAged(52, undefined), [procedure('hyst', { system: CPT, code: '58150' }, '2015-01-01')], {
      immunizations: { state: 'failed', source: 'fhir', reason: 'FHIR server answered 500' },
    });
    const [f] = runCareGaps(chart);
    expect(f?.detail).toContain('As of 2026-06-01, age 52, sex not recorded (`Patient/pat-1`).');
    expect(f?.detail).toContain('**Not assessed**\n\n- Breast cancer screening: sex not recorded');
    expect(f?.detail).toContain('- Influenza vaccine: Immunizations unavailable');
    expect(f?.topic).toBe('care-gaps:colorectal,hepatitis-c');
  });

  it('shows exclusions with their evidence', () => {
    const [f] = runCareGaps(chartOf(patientAged(45, 'female'), [procedure('hyst', { system: CPT, code: '58150' }, '2015-01-01')]));
    expect(f?.detail).toContain('**Excluded**\n\n- Cervical cancer screening: hysterectomy with removal of the cervix `Procedure/hyst`');
    expect(f?.evidence).toContain('Procedure/hyst');
  });

  it('says nothing for a child beyond the flu vaccine: no adult screenings', () => {
    const [f] = runCareGaps(chartOf({ birthDate: '2019-03-01', gender: 'female' }));
    expect(f?.topic).toBe('care-gaps:influenza');
    const [none] = runCareGaps(chartOf({ birthDate: '2019-03-01', gender: 'female' }, [immunization('flu', '140', '2025-09-15')]));
    expect(none).toBeUndefined();
  });

  it('says nothing for the deceased', () => {
    expect(runCareGaps(chartOf(patientAged(55, 'male', { deceasedBoolean: true })))).toEqual([]);
    expect(runCareGaps(chartOf(patientAged(55, 'male', { deceasedDateTime: '2025-01-01' })))).toEqual([]);
    expect(runCareGaps(chartOf(patientAged(55, 'male', { deceasedBoolean: false })))).toHaveLength(1);
  });

  it('says nothing without a full birth date (every check depends on age)', () => {
    expect(runCareGaps(chartOf({ birthDate: '1970', gender: 'male' }))).toEqual([]);
    expect(runCareGaps(chartOf({ birthDate: undefined, gender: 'male' }))).toEqual([]);
  });

  it('says nothing in hospice or palliative care, or with a terminal illness', () => {
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [condition('hos', { system: SNOMED, code: '385763009' })]))).toEqual([]);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [condition('pal', { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z51.5' })]))).toEqual([]);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [condition('ti', { system: SNOMED, code: '300936002' })]))).toEqual([]);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [procedure('hos', { system: SNOMED, code: '385763009' }, undefined, 'in-progress')]))).toEqual([]);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [procedure('hos', { system: SNOMED, code: '385763009' }, '2026-01-01')]))).toEqual([]);
  });

  it('still assesses after hospice ended: an old hospice procedure, a resolved hospice condition', () => {
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [procedure('hos', { system: SNOMED, code: '385763009' }, '2020-01-01')]))).toHaveLength(1);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [condition('hos', { system: SNOMED, code: '385763009' }, 'resolved')]))).toHaveLength(1);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [procedure('hos', { system: SNOMED, code: '385763009' }, undefined)]))).toHaveLength(1);
    expect(runCareGaps(chartOf(patientAged(70, 'male'), [procedure('hos', { system: SNOMED, code: '385763009' }, '2026-09-01')]))).toHaveLength(1);
  });

  it('goes through the engine as a grounded, spec-valid info card', () => {
    const chart = chartOf(patientAged(60, 'female'), [condition('dm', DIABETES), labResult('a1c', '4548-4', '2025-09-01', { valueQuantity: { value: 8.2, unit: '%' } })]);
    const run = runRules(CARE_GAP_RULES, ruleInputFor('patient-view', chart, [], AS_OF));
    expect(run.ungrounded).toBe(0);
    expect(run.findings).toHaveLength(1);
    let n = 0;
    const card = findingCard(run.findings[0]!, { uuid: () => `u-${++n}`, knowledgeVersion: 'test' });
    expect(cardProblems({ cards: [card] })).toEqual([]);
    expect(card.overrideReasons).toBeUndefined();
    expect(runRules(CARE_GAP_RULES, ruleInputFor('order-select', chart, [], AS_OF)).findings).toEqual([]);
  });
});
