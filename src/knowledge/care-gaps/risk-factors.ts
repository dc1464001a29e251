import type { KnowledgeSource } from '../knowledge-source';
import { USPSTF_STATIN_2022, VSAC_ECQM } from './care-gap-sources';
import type { CodeSet } from './code-sets';
import { DIABETES_CONDITIONS } from './diabetes-monitoring';
import { CURRENT_SMOKER } from './smoking-status';

// The smoking codes live in smoking-status.ts; re-exported for readers that import them from here.
export { CURRENT_SMOKER, SMOKING_STATUS_LOINC } from './smoking-status';

// The cardiovascular risk factors of the USPSTF statin recommendation, as problems on the list
// (current smoking is also read from smoking status observations: smoking-status.ts).

export type RiskFactorId = 'diabetes' | 'hypertension' | 'dyslipidemia' | 'smoking';

export interface RiskFactorRow {
  id: RiskFactorId;
  label: string;
  /** Active Conditions that show it. */
  conditions: CodeSet;
  source: KnowledgeSource;
}

/** Current smoking: a smoking problem, or (smoking-history.ts) a current-smoker status observation. */
export const SMOKING_RISK_FACTOR: RiskFactorRow = { id: 'smoking', label: 'current smoking', conditions: CURRENT_SMOKER, source: USPSTF_STATIN_2022 };

/**
 * USPSTF 2022 statin recommendation: adults 40–75 with at least one of dyslipidemia, diabetes,
 * hypertension or smoking (and a 10-year CVD risk ≥ 10%, estimated from a lipid panel).
 */
export const CV_RISK_FACTORS: readonly RiskFactorRow[] = [
  { id: 'diabetes', label: 'diabetes', conditions: DIABETES_CONDITIONS, source: USPSTF_STATIN_2022 },
  {
    id: 'hypertension',
    label: 'hypertension',
    // SNOMED 38341003 hypertensive disorder, 59621000 essential hypertension; ICD-10 I10–I16.
    conditions: { snomed: ['38341003', '59621000'], icd10: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16'] },
    source: USPSTF_STATIN_2022,
  },
  {
    id: 'dyslipidemia',
    label: 'dyslipidemia',
    // SNOMED 55822004 hyperlipidemia, 370992007 dyslipidemia, 13644009 hypercholesterolemia,
    // 302870006 hypertriglyceridemia (Synthea); ICD-10 E78 disorders of lipoprotein metabolism.
    conditions: { snomed: ['55822004', '370992007', '13644009', '302870006'], icd10: ['E78'] },
    source: USPSTF_STATIN_2022,
  },
  SMOKING_RISK_FACTOR,
];

/**
 * Statin ingredients (RxNorm IN), from VSAC "Statin Allergen" (2.16.840.1.113762.1.4.1110.42),
 * checked against the RxNorm names: lovastatin, simvastatin, fluvastatin, pravastatin,
 * atorvastatin, rosuvastatin, pitavastatin. Used only when an order is coded at ingredient level;
 * other orders are recognised through drug identity (class `statin`).
 */
export const STATIN_INGREDIENTS: readonly string[] = ['6472', '36567', '41127', '42463', '83367', '301542', '861634'];
export const STATIN_INGREDIENTS_SOURCE: KnowledgeSource = VSAC_ECQM;
