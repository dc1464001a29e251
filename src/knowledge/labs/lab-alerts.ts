import type { KnowledgeSource } from '../knowledge-source';
import type { Severity } from '../severity';
import { CREATININE, GLUCOSE, HBA1C, HEMOGLOBIN, INR, PLATELETS, POTASSIUM, SODIUM, type LabDefinition } from './lab-definitions';
import {
  AABB_2023,
  ADA_2024,
  ARUP_CRITICAL_VALUES,
  ERC_2021_POTASSIUM,
  HYPONATRAEMIA_2014,
  KDIGO_2012_AKI,
  KOST_1990,
  WARFARIN_LABEL,
} from './lab-sources';
import type { ValueRange } from './value-range';

/**
 * Lab values that need a clinician now (critical) or soon (warning), by analyte, in canonical units
 * (lab-definitions.ts). Critical limits follow the published lists: Kost's survey of US medical
 * centres (mean adult limits), with potassium, sodium, glucose and haemoglobin graded by the
 * guideline that says what to do. Values inside these bands but merely outside the reference range
 * get no card: the brief already flags them (reference-ranges.ts), and a card each would be noise.
 */
export interface LabBand {
  id: string;
  severity: Severity;
  range: ValueRange;
  /** What the value means: "moderate–severe hyperkalaemia (≥ 6.0 mmol/L)". */
  finding: string;
  /** What to do, short. */
  action: string;
  /** Applies only while the patient takes warfarin (INR targets are for warfarin). */
  onWarfarin?: boolean;
  source: KnowledgeSource;
}

export interface LabAlert {
  lab: LabDefinition;
  /** A result this recent (days before asOf) is current: its band applies as written. */
  currentDays: number;
  /** Older than current but this recent: a critical or warning value not rechecked since gets an info card. Older: nothing. */
  recheckDays: number;
  /** Most severe first; the first that holds is used. */
  bands: readonly LabBand[];
}

export const LAB_ALERTS: readonly LabAlert[] = [
  {
    lab: POTASSIUM,
    // A potassium is current for a week (the brief: potassium within 7 days counts as current).
    currentDays: 7,
    recheckDays: 30,
    bands: [
      // ERC 2021: 6.0–6.4 moderate, ≥ 6.5 severe hyperkalaemia; both are treated urgently.
      { id: 'lab/potassium-critical-high', severity: 'critical', range: { atLeast: 6.0 }, finding: 'moderate–severe hyperkalaemia (≥ 6.0 mmol/L)', action: 'Repeat now, get an ECG and treat; stop potassium-raising drugs.', source: ERC_2021_POTASSIUM },
      // ERC 2021: severe hypokalaemia < 2.5 mmol/L.
      { id: 'lab/potassium-critical-low', severity: 'critical', range: { below: 2.5 }, finding: 'severe hypokalaemia (< 2.5 mmol/L)', action: 'Repeat now and replace potassium with ECG monitoring.', source: ERC_2021_POTASSIUM },
      // ERC 2021: 5.5–5.9 mild hyperkalaemia.
      { id: 'lab/potassium-high', severity: 'warning', range: { atLeast: 5.5 }, finding: 'mild hyperkalaemia (5.5–5.9 mmol/L)', action: 'Recheck; review ACE inhibitors, ARBs, spironolactone, supplements.', source: ERC_2021_POTASSIUM },
      // ERC 2021 calls < 3.5 hypokalaemia and < 2.5 severe; 3.0 is where we ask for replacement.
      { id: 'lab/potassium-low', severity: 'warning', range: { below: 3.0 }, finding: 'hypokalaemia (< 3.0 mmol/L)', action: 'Replace potassium; check magnesium and diuretics.', source: ERC_2021_POTASSIUM },
    ],
  },
  {
    lab: SODIUM,
    currentDays: 7,
    recheckDays: 30,
    bands: [
      { id: 'lab/sodium-critical-low', severity: 'critical', range: { below: 120 }, finding: 'critical hyponatraemia (< 120 mmol/L)', action: 'Assess symptoms now; correct no faster than 10 mmol/L in 24 h.', source: KOST_1990 },
      { id: 'lab/sodium-critical-high', severity: 'critical', range: { atLeast: 158 }, finding: 'critical hypernatraemia (≥ 158 mmol/L)', action: 'Assess volume status and replace free water now.', source: KOST_1990 },
      // Spasovski 2014: profound hyponatraemia < 125 mmol/L.
      { id: 'lab/sodium-low', severity: 'warning', range: { below: 125 }, finding: 'profound hyponatraemia (< 125 mmol/L)', action: 'Assess symptoms and cause; review thiazides and SSRIs.', source: HYPONATRAEMIA_2014 },
    ],
  },
  {
    lab: GLUCOSE,
    // Glucose moves within hours: a value is current for 3 days only.
    currentDays: 3,
    recheckDays: 14,
    bands: [
      // ADA 2024 §6: level 2 hypoglycaemia < 54 mg/dL (3.0 mmol/L) needs immediate action.
      { id: 'lab/glucose-critical-low', severity: 'critical', range: { below: 54 }, finding: 'level 2 hypoglycaemia (< 54 mg/dL)', action: 'Treat now; review insulin and sulfonylureas.', source: ADA_2024 },
      { id: 'lab/glucose-critical-high', severity: 'critical', range: { atLeast: 484 }, finding: 'critical hyperglycaemia (≥ 484 mg/dL)', action: 'Assess for DKA/HHS now.', source: KOST_1990 },
      // ADA 2024 §6: level 1 hypoglycaemia 54–69 mg/dL.
      { id: 'lab/glucose-low', severity: 'warning', range: { below: 70 }, finding: 'level 1 hypoglycaemia (54–69 mg/dL)', action: 'Review glucose-lowering drugs.', source: ADA_2024 },
      // ADA 2024 §9: consider insulin when glucose is ≥ 300 mg/dL.
      { id: 'lab/glucose-high', severity: 'warning', range: { atLeast: 300 }, finding: 'marked hyperglycaemia (≥ 300 mg/dL)', action: 'Check for hyperglycaemic crisis; consider insulin.', source: ADA_2024 },
    ],
  },
  {
    lab: HEMOGLOBIN,
    currentDays: 7,
    recheckDays: 30,
    bands: [
      { id: 'lab/hemoglobin-critical-low', severity: 'critical', range: { below: 6.6 }, finding: 'critical anaemia (< 6.6 g/dL)', action: 'Assess for bleeding now; transfuse per guideline.', source: KOST_1990 },
      // AABB 2023: restrictive transfusion threshold 7 g/dL for hospitalised adults.
      { id: 'lab/hemoglobin-low', severity: 'warning', range: { below: 7.0 }, finding: 'below the 7 g/dL transfusion threshold', action: 'Assess for bleeding; consider transfusion.', source: AABB_2023 },
    ],
  },
  {
    lab: PLATELETS,
    currentDays: 7,
    recheckDays: 30,
    bands: [{ id: 'lab/platelets-critical-low', severity: 'critical', range: { below: 37 }, finding: 'critical thrombocytopenia (< 37 × 10³/µL)', action: 'Check for bleeding; review heparin and antiplatelet drugs.', source: KOST_1990 }],
  },
  {
    lab: INR,
    currentDays: 7,
    recheckDays: 30,
    bands: [
      // Laboratories call INR ≥ 5.0 as a critical value (ARUP list); CHEST 2012 holds warfarin at 4.5–10.
      { id: 'lab/inr-critical', severity: 'critical', range: { atLeast: 5.0 }, finding: 'critical value (≥ 5.0)', action: 'Check for bleeding; hold the anticoagulant; recheck INR.', source: ARUP_CRITICAL_VALUES },
      // Coumadin label §2.1: an INR above 4.0 adds no benefit and raises the bleeding risk.
      { id: 'lab/inr-high-on-warfarin', severity: 'warning', range: { above: 4.0 }, onWarfarin: true, finding: 'above 4.0 on warfarin (bleeding risk)', action: 'Hold or reduce warfarin; recheck INR.', source: WARFARIN_LABEL },
    ],
  },
  {
    lab: HBA1C,
    // ADA 2024 §6: HbA1c every 3–6 months; a result is current for 6 months.
    currentDays: 182,
    recheckDays: 182,
    bands: [
      // ADA 2024 §9: consider insulin when HbA1c is above 10%.
      { id: 'lab/hba1c-high', severity: 'warning', range: { above: 10 }, finding: 'HbA1c above 10%', action: 'Intensify treatment; ADA: consider insulin.', source: ADA_2024 },
    ],
  },
  {
    lab: CREATININE,
    currentDays: 7,
    recheckDays: 30,
    bands: [{ id: 'lab/creatinine-critical', severity: 'critical', range: { atLeast: 7.4 }, finding: 'critical creatinine (≥ 7.4 mg/dL)', action: 'Assess for acute kidney failure now.', source: KOST_1990 }],
  },
];

/**
 * KDIGO 2012 AKI definition (§2.1.1): creatinine up ≥ 0.3 mg/dL within 48 hours, or to ≥ 1.5 ×
 * baseline within 7 days; staging (§2.1.2): 2.0–2.9 × stage 2, ≥ 3.0 × or ≥ 4.0 mg/dL stage 3.
 */
export const AKI_CRITERIA = {
  id: 'lab/creatinine-aki',
  riseMgDl: 0.3,
  riseWithinHours: 48,
  ratio: 1.5,
  ratioWithinDays: 7,
  stage2Ratio: 2.0,
  stage3Ratio: 3.0,
  stage3Creatinine: 4.0,
  severity: 'warning',
  source: KDIGO_2012_AKI,
} as const;

/**
 * HbA1c rising above goal: the latest result is at or above the ADA goal for many adults (7%, §6)
 * and ≥ 0.5 percentage points above the previous one within a year. 0.5 points exceeds the
 * analytical variation NGSP allows certified assays, so the rise is real.
 */
export const HBA1C_RISE = {
  id: 'lab/hba1c-rising',
  goal: 7.0,
  minRise: 0.5,
  previousWithinDays: 365,
  severity: 'info',
  source: ADA_2024,
} as const;
