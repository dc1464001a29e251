import type { MedicationRequest } from 'fhir/r4';

/**
 * The medication orders a clinician can draft in the sandbox, to fire `order-select` and
 * `order-sign`. RxNorm clinical drug codes and names as in the RxNorm snapshot the knowledge tables
 * use (../shared/data/knowledge/rxnorm). Chosen to meet the fixture patients: an NSAID for the
 * patients on warfarin, aspirin and co-trimoxazole for the two drug-allergy patients, potassium and
 * spironolactone for the renal patients, and safe alternatives.
 */
export interface DraftOrderOption {
  key: string;
  rxnorm: string;
  display: string;
  /** The sig, as the order would print it. */
  sig: string;
  dose: { value: number; unit: string };
  /** Times per day. */
  frequency: number;
}

export const DRAFT_ORDER_OPTIONS: readonly DraftOrderOption[] = [
  { key: 'ibuprofen-400', rxnorm: '197805', display: 'Ibuprofen 400 MG Oral Tablet', sig: '400 mg by mouth every 8 hours as needed for pain', dose: { value: 400, unit: 'mg' }, frequency: 3 },
  { key: 'naproxen-500', rxnorm: '198014', display: 'Naproxen 500 MG Oral Tablet', sig: '500 mg by mouth twice daily with food', dose: { value: 500, unit: 'mg' }, frequency: 2 },
  { key: 'aspirin-81', rxnorm: '243670', display: 'Aspirin 81 MG Oral Tablet', sig: '81 mg by mouth once daily', dose: { value: 81, unit: 'mg' }, frequency: 1 },
  { key: 'smx-tmp-800-160', rxnorm: '198335', display: 'Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet', sig: '1 tablet by mouth twice daily for 7 days', dose: { value: 1, unit: 'tablet' }, frequency: 2 },
  { key: 'acetaminophen-500', rxnorm: '198440', display: 'Acetaminophen 500 MG Oral Tablet', sig: '500 mg by mouth every 6 hours as needed for pain', dose: { value: 500, unit: 'mg' }, frequency: 4 },
  { key: 'amoxicillin-500', rxnorm: '308191', display: 'Amoxicillin 500 MG Oral Capsule', sig: '500 mg by mouth three times daily for 7 days', dose: { value: 500, unit: 'mg' }, frequency: 3 },
  { key: 'lisinopril-10', rxnorm: '314076', display: 'Lisinopril 10 MG Oral Tablet', sig: '10 mg by mouth once daily', dose: { value: 10, unit: 'mg' }, frequency: 1 },
  { key: 'spironolactone-25', rxnorm: '313096', display: 'Spironolactone 25 MG Oral Tablet', sig: '25 mg by mouth once daily', dose: { value: 25, unit: 'mg' }, frequency: 1 },
  { key: 'kcl-20', rxnorm: '198116', display: 'Potassium Chloride 20 MEQ Extended Release Oral Tablet', sig: '20 mEq by mouth once daily', dose: { value: 20, unit: 'meq' }, frequency: 1 },
  { key: 'ciprofloxacin-500', rxnorm: '309309', display: 'Ciprofloxacin 500 MG Oral Tablet', sig: '500 mg by mouth twice daily for 5 days', dose: { value: 500, unit: 'mg' }, frequency: 2 },
  { key: 'fluconazole-150', rxnorm: '197699', display: 'Fluconazole 150 MG Oral Tablet', sig: '150 mg by mouth once', dose: { value: 150, unit: 'mg' }, frequency: 1 },
  { key: 'metformin-500', rxnorm: '861007', display: 'Metformin hydrochloride 500 MG Oral Tablet', sig: '500 mg by mouth twice daily with meals', dose: { value: 500, unit: 'mg' }, frequency: 2 },
];

/** A draft MedicationRequest for `option`, as an EHR holds it while the clinician is ordering. */
export function draftOrder(option: DraftOrderOption, patientId: string, encounterId: string | undefined, authoredOn: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `draft-${option.key}`,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: option.rxnorm, display: option.display }], text: option.display },
    subject: { reference: `Patient/${patientId}` },
    ...(encounterId !== undefined && { encounter: { reference: `Encounter/${encounterId}` } }),
    authoredOn,
    requester: { reference: 'Practitioner/sandbox-clinician' },
    dosageInstruction: [
      {
        text: option.sig,
        timing: { repeat: { frequency: option.frequency, period: 1, periodUnit: 'd' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }] },
        doseAndRate: [{ doseQuantity: { value: option.dose.value, unit: option.dose.unit } }],
      },
    ],
  };
}
