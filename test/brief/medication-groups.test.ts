import type { MedicationRequest } from 'fhir/r4';
import type { Brief, Statement } from '../../src/brief/brief';
import { FULL_LIMITS } from '../../src/brief/embedded/bounds';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { ChartBuilder } from '../support/chart-builder';

const AS_OF = new Date('2024-06-01T12:00:00Z');
const SNOMED = 'http://snomed.info/sct';

function meds(brief: Brief): Statement[] {
  return brief.sections.find((s) => s.name === 'medications')?.statements ?? [];
}

/** HF (weight 92) outranks hypertension (60) and hyperlipidemia (40). */
function patient(): ChartBuilder {
  return new ChartBuilder({ id: 'p1', birthDate: '1950-03-01', gender: 'male' })
    .condition({ id: 'htn', snomed: '59621000', display: 'Essential hypertension (disorder)', onset: '2001-01-01' })
    .condition({ id: 'hf', snomed: '84114007', display: 'Heart failure (disorder)', onset: '2019-05-01' })
    .condition({ id: 'lipid', snomed: '55822004', display: 'Hyperlipidemia (disorder)', onset: '2005-01-01' });
}

function coded(id: string, name: string, snomed: string, display: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: name },
    reasonCode: [{ coding: [{ system: SNOMED, code: snomed, display }] }],
  };
}

describe('medications grouped by the problem they treat', () => {
  it('puts drugs under the problem their order cites, in problem order, the unlinked ones after', () => {
    const chart = patient()
      .medication({ id: 'aml', name: 'Amlodipine 5 MG Oral Tablet', dosage: '5 mg daily', reasons: ['Condition/htn'] })
      .medication({ id: 'furo', name: 'Furosemide 40 MG Oral Tablet', dosage: '40 mg daily', reasons: ['Condition/hf'] })
      .medication({ id: 'atorva', name: 'Atorvastatin 20 MG Oral Tablet', reasons: ['Condition/lipid'] })
      .medication({ id: 'acet', name: 'Acetaminophen 500 MG Oral Tablet' })
      .medication({ id: 'lis', name: 'Lisinopril 10 MG Oral Tablet', dosage: '10 mg daily', reasons: ['Condition/htn'] })
      .build();
    expect(meds(summarizeChart(chart, AS_OF, FULL_LIMITS))).toEqual([
      { text: 'For Heart failure: Furosemide 40 MG Oral Tablet — 40 mg daily', evidence: ['MedicationRequest/furo', 'Condition/hf'] },
      { text: 'For Essential hypertension: Amlodipine 5 MG Oral Tablet — 5 mg daily', evidence: ['MedicationRequest/aml', 'Condition/htn'] },
      { text: 'For Essential hypertension: Lisinopril 10 MG Oral Tablet — 10 mg daily', evidence: ['MedicationRequest/lis', 'Condition/htn'] },
      { text: 'For Hyperlipidemia: Atorvastatin 20 MG Oral Tablet — dose not recorded', evidence: ['MedicationRequest/atorva', 'Condition/lipid'] },
      { text: 'Acetaminophen 500 MG Oral Tablet — dose not recorded', evidence: ['MedicationRequest/acet'] },
    ]);
  });

  it('links a reasonCode to the active problem coded the same way, citing that Condition', () => {
    const chart = patient().resource(coded('hctz', 'Hydrochlorothiazide 25 MG Oral Tablet', '59621000', 'Essential hypertension')).build();
    expect(meds(summarizeChart(chart, AS_OF))).toEqual([
      { text: 'For Essential hypertension: Hydrochlorothiazide 25 MG Oral Tablet — dose not recorded', evidence: ['MedicationRequest/hctz', 'Condition/htn'] },
    ]);
  });

  it('names a reason that is not an active problem in words, after the grouped drugs', () => {
    const chart = patient()
      .condition({ id: 'uti', display: 'Cystitis (disorder)', status: 'resolved' })
      .medication({ id: 'nitro', name: 'Nitrofurantoin 100 MG Oral Capsule', reasons: ['Condition/uti'] })
      .resource(coded('ibu', 'Ibuprofen 400 MG Oral Tablet', '25064002', 'Headache (finding)'))
      .medication({ id: 'lis', name: 'Lisinopril 10 MG Oral Tablet', reasons: ['Condition/htn'] })
      .build();
    expect(meds(summarizeChart(chart, AS_OF))).toEqual([
      { text: 'For Essential hypertension: Lisinopril 10 MG Oral Tablet — dose not recorded', evidence: ['MedicationRequest/lis', 'Condition/htn'] },
      { text: 'Ibuprofen 400 MG Oral Tablet — dose not recorded (for Headache)', evidence: ['MedicationRequest/ibu'] },
      { text: 'Nitrofurantoin 100 MG Oral Capsule — dose not recorded (for Cystitis)', evidence: ['MedicationRequest/nitro', 'Condition/uti'] },
    ]);
  });

  it('names every problem a drug treats, under the most important one', () => {
    const chart = patient().medication({ id: 'carv', name: 'Carvedilol 6.25 MG Oral Tablet', reasons: ['Condition/htn', 'Condition/hf'] }).build();
    expect(meds(summarizeChart(chart, AS_OF))).toEqual([
      {
        text: 'For Heart failure and Essential hypertension: Carvedilol 6.25 MG Oral Tablet — dose not recorded',
        evidence: ['MedicationRequest/carv', 'Condition/hf', 'Condition/htn'],
      },
    ]);
  });

  it('states no reason from a refuted or entered-in-error Condition', () => {
    const chart = patient()
      .condition({ id: 'pe', snomed: '59282003', display: 'Pulmonary embolism (disorder)', verification: 'refuted' })
      .condition({ id: 'oops', display: 'Gout (disorder)', status: 'resolved', verification: 'entered-in-error' })
      .medication({ id: 'apix', name: 'Apixaban 5 MG Oral Tablet', reasons: ['Condition/pe'] })
      .medication({ id: 'allo', name: 'Allopurinol 100 MG Oral Tablet', reasons: ['Condition/oops'] })
      .build();
    const stated = meds(summarizeChart(chart, AS_OF));
    expect(stated.map((s) => s.text)).toEqual(['Apixaban 5 MG Oral Tablet — dose not recorded', 'Allopurinol 100 MG Oral Tablet — dose not recorded']);
    expect(stated.flatMap((s) => s.evidence)).toEqual(['MedicationRequest/apix', 'MedicationRequest/allo']);
  });

  it('states every high-alert drug first, marked, then the rest with a group holding a high-alert drug first', () => {
    const chart = patient()
      .condition({ id: 'af', snomed: '49436004', display: 'Atrial fibrillation (disorder)', onset: '2020-01-01' })
      .medication({ id: 'furo', name: 'Furosemide 40 MG Oral Tablet', reasons: ['Condition/hf'] })
      .medication({ id: 'warf', name: 'Warfarin Sodium 5 MG Oral Tablet', reasons: ['Condition/hf'] })
      .medication({ id: 'ins', name: 'Insulin Glargine 100 UNT/ML Injectable Solution' })
      .medication({ id: 'lis', name: 'Lisinopril 10 MG Oral Tablet', reasons: ['Condition/htn'] })
      .build();
    const stated = meds(summarizeChart(chart, AS_OF));
    expect(stated.map((s) => s.evidence[0])).toEqual(['MedicationRequest/warf', 'MedicationRequest/ins', 'MedicationRequest/furo', 'MedicationRequest/lis']);
    expect(stated.map((s) => s.priority)).toEqual(['high', 'high', undefined, undefined]);
  });
});
