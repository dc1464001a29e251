import type { SectionName } from '../../chart/chart-sections';
import type { KnowledgeSource } from '../knowledge-source';
import { LOINC, SNOMED_CT } from '../../clinical-codes/code-systems';
import { ADA_STANDARDS_2025, RXNORM_NLM } from './care-gap-sources';
import type { CodeSet, EventCodeSet, OrderCode } from './code-sets';

// ADA Standards of Care in Diabetes 2025: what a person with diabetes should have had, and how
// recently. Each row names the tests that satisfy it and the order that closes the gap.

/**
 * Active diabetes (not prediabetes, not gestational): SNOMED CT 73211009 diabetes mellitus,
 * 44054006 type 2, 46635009 type 1, and the complication codes Synthea records (each implies
 * diabetes); ICD-10-CM E08–E11 and E13 (VSAC "Diabetes", 2.16.840.1.113883.3.464.1003.103.12.1001).
 */
export const DIABETES_CONDITIONS: CodeSet = {
  snomed: ['73211009', '44054006', '46635009', '127013003', '90781000119102', '422034002', '368581000119106'],
  icd10: ['E08', 'E09', 'E10', 'E11', 'E13'],
};

export type DiabetesMonitoringId = 'hba1c' | 'urine-albumin' | 'eye-exam' | 'foot-exam';

export interface DiabetesMonitoringRow {
  id: DiabetesMonitoringId;
  title: string;
  /** For the card's summary line. */
  short: string;
  /** How long a result counts (months). */
  intervalMonths: number;
  codes: EventCodeSet;
  /** Sections that must be read in full before "no record" is claimed. */
  evidenceSections: readonly SectionName[];
  order: OrderCode;
  source: KnowledgeSource;
}

/** HbA1c tests: VSAC "HbA1c Laboratory Test" (2.16.840.1.113883.3.464.1003.198.12.1013) plus the IFCC-unit code 59261-8. */
export const HBA1C_CODES: EventCodeSet = { loinc: ['4548-4', '17856-6', '4549-2', '17855-8', '96595-4', '59261-8'], cpt: ['83036', '83037'] };

/**
 * ADA 2025 Standard 6.1: glycemic status at least twice a year when at goal and stable; at least
 * quarterly when not at goal or when therapy changed. 6.5a: an A1C goal < 7% (53 mmol/mol) for
 * many non-pregnant adults (individualised; this is the default the card states).
 */
export const HBA1C_SCHEDULE = {
  atGoalMonths: 6,
  notAtGoalMonths: 3,
  /** A glucose-lowering order authored within this many months counts as a therapy change. */
  therapyChangeMonths: 3,
  goalPercent: 7,
  goalMmolPerMol: 53,
  source: ADA_STANDARDS_2025,
} as const;

/**
 * Glucose-lowering ingredients (RxNorm IN; names checked against RxNorm): metformin, glipizide,
 * glyburide, glimepiride, pioglitazone, sitagliptin, saxagliptin, linagliptin, alogliptin,
 * canagliflozin, dapagliflozin, empagliflozin, repaglinide, nateglinide, acarbose. Orders coded
 * otherwise are recognised through drug identity (classes `biguanide`, `sulfonylurea`).
 */
export const GLUCOSE_LOWERING_INGREDIENTS: readonly string[] = [
  '6809', '4821', '4815', '25789', '33738', '593411', '857974', '1100699', '1368001', '1373458', '1488564', '1545653', '73044', '274332', '16681',
];
export const GLUCOSE_LOWERING_SOURCE: KnowledgeSource = RXNORM_NLM;

export const DIABETES_MONITORING: readonly DiabetesMonitoringRow[] = [
  {
    id: 'hba1c',
    title: 'HbA1c',
    short: 'HbA1c',
    intervalMonths: HBA1C_SCHEDULE.atGoalMonths,
    codes: HBA1C_CODES,
    evidenceSections: ['labs'],
    order: { system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', text: 'HbA1c' },
    source: ADA_STANDARDS_2025,
  },
  {
    id: 'urine-albumin',
    title: 'Urine albumin-to-creatinine ratio',
    short: 'urine albumin',
    // ADA 2025 Standard 11.1a: UACR and eGFR at least annually.
    intervalMonths: 12,
    // 9318-7 albumin/creatinine [mass ratio] in urine, 14959-1 microalbumin/creatinine [mass ratio]
    // in urine (Synthea), 32294-1 albumin/creatinine [ratio] in urine, 14585-4 albumin/creatinine
    // [molar ratio] in urine; CPT 82043 urine albumin, quantitative.
    codes: { loinc: ['9318-7', '14959-1', '32294-1', '14585-4'], cpt: ['82043'] },
    evidenceSections: ['labs'],
    order: { system: LOINC, code: '9318-7', display: 'Albumin/Creatinine [Mass Ratio] in Urine', text: 'Urine albumin-to-creatinine ratio' },
    source: ADA_STANDARDS_2025,
  },
  {
    id: 'eye-exam',
    title: 'Diabetic eye exam',
    short: 'eye exam',
    // ADA 2025 Standard 12.x: dilated retinal exam (or retinal photography) yearly; every 1–2 years
    // is acceptable without retinopathy and with glycemia at goal. The card uses yearly.
    intervalMonths: 12,
    // VSAC "Retinal or Dilated Eye Exam" (2.16.840.1.113883.3.464.1003.115.12.1088), SNOMED subset;
    // CPT 92250 fundus photography, 92227–92229 remote retinal imaging, 2022F–2026F and 2033F (CPT II).
    codes: {
      snomed: ['722161008', '20067007', '274795007', '274798009', '308110009', '314971001', '314972008', '410450009', '410451008', '410452001', '410453006', '410455004', '427478009', '53524009', '700070005'],
      cpt: ['92250', '92227', '92228', '92229', '2022F', '2023F', '2024F', '2025F', '2026F', '2033F'],
    },
    evidenceSections: ['procedures'],
    order: { system: SNOMED_CT, code: '722161008', display: 'Diabetic retinal eye exam (procedure)', text: 'Diabetic retinal eye exam' },
    source: ADA_STANDARDS_2025,
  },
  {
    id: 'foot-exam',
    title: 'Diabetic foot exam',
    short: 'foot exam',
    // ADA 2025 Standard 12.x: comprehensive foot evaluation at least annually.
    intervalMonths: 12,
    // SNOMED 401191002 diabetic foot examination; CPT II 2028F foot examination performed.
    codes: { snomed: ['401191002'], cpt: ['2028F'] },
    evidenceSections: ['procedures'],
    order: { system: SNOMED_CT, code: '401191002', display: 'Diabetic foot examination (regime/therapy)', text: 'Diabetic foot exam' },
    source: ADA_STANDARDS_2025,
  },
];
