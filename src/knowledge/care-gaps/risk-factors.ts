import type { KnowledgeSource } from '../knowledge-source';
import { USPSTF_STATIN_2022, VSAC_ECQM } from './care-gap-sources';
import type { CodeSet } from './code-sets';
import { DIABETES_CONDITIONS } from './diabetes-monitoring';

// The chart facts that make a screening apply beyond age and sex: the cardiovascular risk
// factors of the USPSTF statin recommendation, and smoking history for AAA screening.

export type RiskFactorId = 'diabetes' | 'hypertension' | 'dyslipidemia' | 'smoking';

export interface RiskFactorRow {
  id: RiskFactorId;
  label: string;
  /** Active Conditions that show it. */
  conditions: CodeSet;
  source: KnowledgeSource;
}

/** US Core smoking status value set (SNOMED CT), https://hl7.org/fhir/us/core/ValueSet-us-core-smoking-status-observation-codes.html */
export const US_CORE_SMOKING_STATUS: KnowledgeSource = {
  label: 'US Core smoking status',
  url: 'https://hl7.org/fhir/us/core/STU6.1/ValueSet-us-core-smoking-status-observation-codes.html',
};

/** Current smoking: SNOMED CT findings (US Core) and ICD-10-CM F17.2 nicotine dependence, Z72.0 tobacco use. */
export const CURRENT_SMOKER: CodeSet = {
  snomed: ['77176002', '449868002', '428041000124106', '428061000124105', '428071000124103', '65568007'],
  icd10: ['F17.2', 'Z72.0'],
};

/** Former smoking: SNOMED 8517006 ex-smoker; ICD-10-CM Z87.891 personal history of nicotine dependence. */
export const FORMER_SMOKER: CodeSet = { snomed: ['8517006'], icd10: ['Z87.891'] };

/** Never smoked: SNOMED 266919005 never smoked tobacco. */
export const NEVER_SMOKER: CodeSet = { snomed: ['266919005'] };

/** LOINC 72166-2 Tobacco smoking status: its value is one of the codes above. */
export const SMOKING_STATUS_LOINC: readonly string[] = ['72166-2'];

/**
 * USPSTF 2022 statin recommendation: adults 40–75 with at least one of dyslipidemia, diabetes,
 * hypertension or smoking (and a 10-year CVD risk ≥ 10%, which needs the lipid panel this gap orders).
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
  { id: 'smoking', label: 'current smoking', conditions: CURRENT_SMOKER, source: USPSTF_STATIN_2022 },
];

/**
 * Statin ingredients (RxNorm IN), from VSAC "Statin Allergen" (2.16.840.1.113762.1.4.1110.42),
 * checked against the RxNorm names: lovastatin, simvastatin, fluvastatin, pravastatin,
 * atorvastatin, rosuvastatin, pitavastatin. Used only when an order is coded at ingredient level;
 * other orders are recognised through drug identity (class `statin`).
 */
export const STATIN_INGREDIENTS: readonly string[] = ['6472', '36567', '41127', '42463', '83367', '301542', '861634'];
export const STATIN_INGREDIENTS_SOURCE: KnowledgeSource = VSAC_ECQM;
