import type { KnowledgeSource } from '../../../rules/rule';
import { DIABETES_CONDITIONS } from '../../care-gaps/diabetes-monitoring';
import type { LabDefinition } from '../../labs/lab-definitions';
import { INR, MAGNESIUM, POTASSIUM, QTC } from '../../labs/lab-definitions';
import type { PatientRiskKey } from './mechanism-row';

// What each patient risk fact an interaction row may name means in chart terms: a lab threshold
// (in the lab definition's canonical unit) within a currency window, an asserted condition, age
// or sex. One row per key; src/rules/drug-safety/interaction-risk.ts reads the chart with it.

export type RiskFactDefinition =
  | {
      kind: 'lab';
      /** The analyte (its LOINC codes and unit), or `egfr`: reported or computed (CKD-EPI 2021) as the renal rules read it. */
      lab: LabDefinition | 'egfr';
      /** `above` means value > threshold, `at-least` ≥, `below` <. */
      compare: 'above' | 'at-least' | 'below';
      threshold: number;
      /** The result must be this recent (days before asOf) to count. */
      withinDays: number;
      /** How the card names the threshold: "INR above 4.0". */
      label: string;
      source: KnowledgeSource;
    }
  | { kind: 'condition'; snomed: readonly string[]; icd10: readonly string[]; label: string; source: KnowledgeSource }
  | { kind: 'age'; atLeast: number; label: string; source: KnowledgeSource }
  | { kind: 'sex'; sex: 'female'; label: string; source: KnowledgeSource };

const SNOMED_CT: KnowledgeSource = { label: 'SNOMED CT International Edition', url: 'https://browser.ihtsdotools.org' };
const PDDI_WARFARIN: KnowledgeSource = { label: 'HL7 PDDI-CDS IG: warfarin interactions (INR)', url: 'https://build.fhir.org/ig/HL7/PDDI-CDS/' };
const KDIGO_2024: KnowledgeSource = { label: 'KDIGO 2024 CKD guideline', url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/' };
const KDIGO_POTASSIUM: KnowledgeSource = { label: 'KDIGO 2020 Controversies Conference on potassium (hyperkalaemia ≥ 5.0 mmol/L; ≥ 6.0 severe)', url: 'https://doi.org/10.1016/j.kint.2019.09.018' };
const AHA_QT_2010: KnowledgeSource = { label: 'AHA/ACCF 2010 scientific statement: prevention of torsade de pointes in hospital settings', url: 'https://doi.org/10.1161/CIRCULATIONAHA.109.192704' };
const FDA_OPIOID_BENZO_2016: KnowledgeSource = { label: 'FDA Drug Safety Communication 2016: opioids with benzodiazepines (boxed warning)', url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or' };
const CDC_2022: KnowledgeSource = { label: 'CDC Clinical Practice Guideline for Prescribing Opioids for Pain 2022', url: 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm' };
const BEERS_2023: KnowledgeSource = { label: 'AGS Beers Criteria 2023', url: 'https://doi.org/10.1111/jgs.18372' };

export const RISK_FACTS: Readonly<Record<PatientRiskKey, RiskFactDefinition>> = {
  'inr-above-4': { kind: 'lab', lab: INR, compare: 'above', threshold: 4, withinDays: 14, label: 'INR above 4.0', source: PDDI_WARFARIN },
  'potassium-5-or-more': { kind: 'lab', lab: POTASSIUM, compare: 'at-least', threshold: 5, withinDays: 30, label: 'potassium 5.0 mmol/L or more', source: KDIGO_POTASSIUM },
  'potassium-6-or-more': { kind: 'lab', lab: POTASSIUM, compare: 'at-least', threshold: 6, withinDays: 14, label: 'potassium 6.0 mmol/L or more', source: KDIGO_POTASSIUM },
  'potassium-below-3.5': { kind: 'lab', lab: POTASSIUM, compare: 'below', threshold: 3.5, withinDays: 30, label: 'potassium below 3.5 mmol/L', source: AHA_QT_2010 },
  'magnesium-below-1.7': { kind: 'lab', lab: MAGNESIUM, compare: 'below', threshold: 1.7, withinDays: 30, label: 'magnesium below 1.7 mg/dL', source: AHA_QT_2010 },
  'egfr-below-30': { kind: 'lab', lab: 'egfr', compare: 'below', threshold: 30, withinDays: 365, label: 'eGFR below 30 mL/min/1.73 m²', source: KDIGO_2024 },
  'egfr-below-60': { kind: 'lab', lab: 'egfr', compare: 'below', threshold: 60, withinDays: 365, label: 'eGFR below 60 mL/min/1.73 m²', source: KDIGO_2024 },
  'qtc-500-or-more': { kind: 'lab', lab: QTC, compare: 'at-least', threshold: 500, withinDays: 90, label: 'QTc 500 ms or more', source: AHA_QT_2010 },
  // The AHA statement's prolonged QTc: > 470 ms in women, > 450 ms in men; the lower bound is used
  // when sex is unknown (the stricter reading).
  'qtc-prolonged': { kind: 'lab', lab: QTC, compare: 'above', threshold: 450, withinDays: 90, label: 'prolonged QTc (> 470 ms women, > 450 ms men)', source: AHA_QT_2010 },
  female: { kind: 'sex', sex: 'female', label: 'female sex (a torsade de pointes risk factor)', source: AHA_QT_2010 },
  'age-65-or-more': { kind: 'age', atLeast: 65, label: 'age 65 or older', source: BEERS_2023 },
  // 73430006 Sleep apnea; 78275009 Obstructive sleep apnea syndrome; 230493001 Mixed sleep apnea;
  // ICD-10-CM G47.3 sleep apnea (G47.33 obstructive).
  'sleep-apnoea': { kind: 'condition', snomed: ['73430006', '78275009', '230493001'], icd10: ['G47.3'], label: 'sleep apnoea', source: FDA_OPIOID_BENZO_2016 },
  // 13645005 Chronic obstructive lung disease; 185086009 Chronic obstructive bronchitis; 87433001
  // Pulmonary emphysema; ICD-10 J43 emphysema, J44 other COPD (as in problem-importance.ts).
  copd: { kind: 'condition', snomed: ['13645005', '185086009', '87433001'], icd10: ['J43', 'J44'], label: 'COPD', source: CDC_2022 },
  // 84114007 Heart failure; 42343007 Congestive heart failure; 88805009 Chronic congestive heart failure.
  'heart-failure': { kind: 'condition', snomed: ['84114007', '42343007', '88805009'], icd10: ['I50'], label: 'heart failure', source: SNOMED_CT },
  // 709044004 Chronic kidney disease and its stages 1–5 (431855005, 431856006, 433144002, 431857002,
  // 433146000), 46177005 End-stage renal disease; ICD-10-CM N18.
  ckd: { kind: 'condition', snomed: ['709044004', '431855005', '431856006', '433144002', '431857002', '433146000', '46177005'], icd10: ['N18'], label: 'chronic kidney disease', source: KDIGO_2024 },
  // The care gaps' diabetes code set (SNOMED CT diabetes mellitus and its types; ICD-10 E08–E13).
  diabetes: { kind: 'condition', snomed: DIABETES_CONDITIONS.snomed ?? [], icd10: DIABETES_CONDITIONS.icd10 ?? [], label: 'diabetes', source: SNOMED_CT },
};

/**
 * Facts that may make a long-standing interaction critical on chart open, and only when dated
 * within {@link STANDING_CRITICAL_DAYS} (issue: INR > 4.0, K ≥ 6.0, QTc ≥ 500 ms).
 */
export const STANDING_CRITICAL_FACTS: readonly PatientRiskKey[] = ['inr-above-4', 'potassium-6-or-more', 'qtc-500-or-more'];
export const STANDING_CRITICAL_DAYS = 14;
