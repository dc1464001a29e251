import { RXNORM } from '../../clinical-codes/code-systems';
import type { KnowledgeSource } from '../knowledge-source';
import { ACC_AHA_CHOLESTEROL_2018, ADA_STANDARDS_2025, USPSTF_STATIN_2022, VSAC_ECQM } from './care-gap-sources';
import type { MedicationOrderCode } from './code-sets';
import type { ExclusionId } from './exclusions';

// Who should be on a statin and at what intensity (ACC/AHA 2018, ADA 2025, USPSTF 2022), what
// takes a patient out, and the order the card drafts for each intensity.

export type StatinIntensity = 'high' | 'moderate';

export type StatinIndicationId = 'clinical-ascvd' | 'ldl-190' | 'diabetes' | 'ten-year-risk';

/** One statin benefit group. They are checked in the order of the ids above: the first that applies sets the intensity. */
export interface StatinIndication {
  id: StatinIndicationId;
  /** How the card names the reason: "clinical ASCVD". */
  label: string;
  /** Inclusive, whole years; no upper bound when absent. */
  minAge: number;
  maxAge?: number;
  intensity: StatinIntensity;
  /** The intensity from this age up, when it differs (ACC/AHA: clinical ASCVD over 75, moderate or high). */
  olderIntensity?: { fromAge: number; intensity: StatinIntensity; note: string };
  source: KnowledgeSource;
}

/** LDL-C at or above 190 mg/dL (ACC/AHA 2018); a 10-year ASCVD risk at or above 10% with a risk factor (USPSTF 2022). */
export const STATIN_THRESHOLDS = { ldlMgDl: 190, tenYearRiskPercent: 10, ldlSource: ACC_AHA_CHOLESTEROL_2018, riskSource: USPSTF_STATIN_2022 } as const;

export const STATIN_INDICATIONS: Readonly<Record<StatinIndicationId, StatinIndication>> = {
  'clinical-ascvd': {
    id: 'clinical-ascvd',
    label: 'clinical ASCVD',
    minAge: 18,
    intensity: 'high',
    olderIntensity: { fromAge: 76, intensity: 'moderate', note: 'over 75, moderate or high intensity is reasonable' },
    source: ACC_AHA_CHOLESTEROL_2018,
  },
  'ldl-190': { id: 'ldl-190', label: 'LDL-C ≥ 190 mg/dL', minAge: 20, maxAge: 75, intensity: 'high', source: ACC_AHA_CHOLESTEROL_2018 },
  // ADA 2025 Standard 10.x: moderate-intensity statin for people with diabetes 40–75 without ASCVD (ACC/AHA 2018 alike).
  diabetes: { id: 'diabetes', label: 'diabetes', minAge: 40, maxAge: 75, intensity: 'moderate', source: ADA_STANDARDS_2025 },
  // USPSTF 2022 grade B: 40–75, one or more risk factors (dyslipidemia, diabetes, hypertension,
  // smoking) and a 10-year CVD risk ≥ 10%. Over 75 without ASCVD: no statin gap (primary prevention).
  'ten-year-risk': {
    id: 'ten-year-risk',
    label: '10-year ASCVD risk ≥ 10% with a risk factor',
    minAge: 40,
    maxAge: 75,
    intensity: 'moderate',
    source: USPSTF_STATIN_2022,
  },
};

/** What the card drafts for an intensity, and the choices it names (ACC/AHA 2018 Table 3). */
export interface StatinDraft {
  intensity: StatinIntensity;
  order: MedicationOrderCode;
  /** "atorvastatin 40–80 mg or rosuvastatin 20–40 mg daily". */
  options: string;
  /** VSAC value set the RxNorm SCD comes from. */
  valueSet: string;
  source: KnowledgeSource;
}

export const STATIN_DRAFTS: Readonly<Record<StatinIntensity, StatinDraft>> = {
  high: {
    intensity: 'high',
    // RxNorm SCD 617311 from VSAC "High Intensity Statin Therapy".
    order: {
      kind: 'medication',
      system: RXNORM,
      code: '617311',
      display: 'atorvastatin 40 MG Oral Tablet',
      text: 'Atorvastatin 40 mg tablet (high-intensity statin)',
      dosage: 'Take 1 tablet (40 mg) by mouth once daily',
    },
    options: 'atorvastatin 40–80 mg or rosuvastatin 20–40 mg daily',
    valueSet: '2.16.840.1.113762.1.4.1047.97',
    source: ACC_AHA_CHOLESTEROL_2018,
  },
  moderate: {
    intensity: 'moderate',
    // RxNorm SCD 617312 from VSAC "Moderate Intensity Statin Therapy".
    order: {
      kind: 'medication',
      system: RXNORM,
      code: '617312',
      display: 'atorvastatin 10 MG Oral Tablet',
      text: 'Atorvastatin 10 mg tablet (moderate-intensity statin)',
      dosage: 'Take 1 tablet (10 mg) by mouth once daily',
    },
    options: 'atorvastatin 10–20 mg, rosuvastatin 5–10 mg or simvastatin 20–40 mg daily',
    valueSet: '2.16.840.1.113762.1.4.1047.98',
    source: ACC_AHA_CHOLESTEROL_2018,
  },
};

/**
 * Chart records that take the patient out of the statin gap (the CMS347 denominator exclusions
 * this card can read): end-stage renal disease or dialysis, and documented statin-associated
 * muscle symptoms or rhabdomyolysis (exclusions.ts). Pregnancy, a statin allergy or intolerance
 * and hospice are read from their own facts.
 */
export const STATIN_EXCLUSIONS: readonly ExclusionId[] = ['esrd-dialysis', 'statin-muscle-symptoms'];
export const STATIN_EXCLUSIONS_SOURCE: KnowledgeSource = VSAC_ECQM;
