/**
 * Adult reference limits for the key labs and vitals (see key-observations.ts), used to flag a
 * value H or L only when the Observation itself carries neither an `interpretation` nor a
 * `referenceRange` (Synthea sends neither; most hospital labs send both, and theirs win).
 * Limits are sex- and age-agnostic and deliberately wide: they order the brief ("most abnormal
 * first") and draw the eye; they do not diagnose. A limit applies only to a value in one of its
 * `units` (UCUM code or unit text as sent), never after a unit conversion.
 */
export interface ReferenceLimits {
  /** Below this: L. */
  low?: number;
  /** Above this: H. */
  high?: number;
  units: readonly string[];
  source: string;
}

const MEDLINEPLUS = 'MedlinePlus Medical Tests, normal ranges (https://medlineplus.gov/lab-tests/)';

/** By KeyObservation key. */
export const REFERENCE_LIMITS: Readonly<Record<string, ReferenceLimits>> = {
  creatinine: { low: 0.6, high: 1.3, units: ['mg/dL'], source: MEDLINEPLUS },
  // KDIGO 2012 CKD guideline: GFR < 60 mL/min/1.73 m² is category G3a or worse
  // (https://kdigo.org/guidelines/ckd-evaluation-and-management/).
  egfr: { low: 60, units: ['mL/min/{1.73_m2}', 'mL/min/1.73m2', 'mL/min'], source: 'KDIGO 2012' },
  potassium: { low: 3.5, high: 5.0, units: ['mmol/L', 'mEq/L'], source: MEDLINEPLUS },
  sodium: { low: 135, high: 145, units: ['mmol/L', 'mEq/L'], source: MEDLINEPLUS },
  // ADA Standards of Care 2024, §6: level 1 hypoglycaemia < 70 mg/dL; §2: random glucose ≥ 200 mg/dL
  // is diagnostic of diabetes with symptoms (https://diabetesjournals.org/care/issue/47/Supplement_1).
  glucose: { low: 70, high: 199, units: ['mg/dL'], source: 'ADA Standards of Care 2024' },
  // ADA Standards of Care 2024, §2: HbA1c < 5.7% is normal.
  hba1c: { high: 5.6, units: ['%'], source: 'ADA Standards of Care 2024' },
  // WHO haemoglobin thresholds for anaemia (2011): < 12 g/dL in non-pregnant women (the lower sex limit).
  hemoglobin: { low: 12, high: 17.5, units: ['g/dL'], source: 'WHO/NMH/NHD/MNM/11.1; MedlinePlus' },
  platelets: { low: 150, high: 450, units: ['10*3/uL', '10^3/uL', 'K/uL', '10*9/L'], source: MEDLINEPLUS },
  // KDIGO 2012: albuminuria category A2 starts at 30 mg/g.
  uacr: { high: 29, units: ['mg/g', 'mg/g{creat}'], source: 'KDIGO 2012' },
  tsh: { low: 0.4, high: 4.0, units: ['m[IU]/L', 'mIU/L', 'u[IU]/mL', 'uIU/mL'], source: MEDLINEPLUS },
  // 2022 AHA/ACC/HFSA heart failure guideline: BNP ≥ 100 pg/mL supports the diagnosis.
  bnp: { high: 99, units: ['pg/mL'], source: '2022 AHA/ACC/HFSA HF guideline' },
  wbc: { low: 4.0, high: 11.0, units: ['10*3/uL', '10^3/uL', 'K/uL', '10*9/L'], source: MEDLINEPLUS },
  // AHA: a normal resting adult rate is 60–100 /min; the low limit is widened to 50 so that
  // rate-controlled patients (beta-blockers, AF) are not flagged by default.
  'heart-rate': { low: 50, high: 100, units: ['/min', '{beats}/min'], source: 'American Heart Association' },
  // NEWS2 (Royal College of Physicians 2017): SpO2 ≤ 91% scores 3; respiratory rate 12–20 scores
  // 0; temperature ≤ 35.0 °C scores 3 and > 38.0 °C scores (https://www.rcp.ac.uk/improving-care/resources/national-early-warning-score-news-2/).
  spo2: { low: 92, units: ['%'], source: 'NEWS2 (RCP 2017)' },
  'respiratory-rate': { low: 12, high: 20, units: ['/min', '{breaths}/min'], source: 'NEWS2 (RCP 2017)' },
  temperature: { low: 35.1, high: 38.0, units: ['Cel', '°C'], source: 'NEWS2 (RCP 2017)' },
};

/**
 * Blood pressure components, flagged H at stage 2 hypertension or above (≥ 140 or ≥ 90 mmHg).
 * Source: 2017 ACC/AHA High Blood Pressure guideline (https://doi.org/10.1161/HYP.0000000000000065).
 */
export const SYSTOLIC_LIMITS: ReferenceLimits = { low: 90, high: 139, units: ['mm[Hg]', 'mmHg'], source: '2017 ACC/AHA BP guideline' };
export const DIASTOLIC_LIMITS: ReferenceLimits = { high: 89, units: ['mm[Hg]', 'mmHg'], source: '2017 ACC/AHA BP guideline' };
