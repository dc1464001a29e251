import type { SectionName } from '../../chart/chart-sections';
import { LOINC, SNOMED_CT } from '../../clinical-codes/code-systems';
import type { KnowledgeSource } from '../knowledge-source';
import {
  USPSTF_AAA_2019,
  USPSTF_BREAST_2024,
  USPSTF_CERVICAL_2018,
  USPSTF_COLORECTAL_2021,
  USPSTF_HCV_2020,
  USPSTF_LUNG_2021,
  USPSTF_STATIN_2022,
} from './care-gap-sources';
import { CPT, type EventCodeSet, type OrderCode } from './code-sets';
import type { ExclusionId } from './exclusions';

// USPSTF A and B screening recommendations as data: who (age at the time of the check, sex, risk),
// which tests satisfy each one and for how long, what excludes it, and what to order.

export type ScreeningId = 'colorectal' | 'breast' | 'cervical' | 'hepatitis-c' | 'lipids' | 'aaa' | 'lung-cancer';

/** One way to meet a screening, with how long its result counts. */
export interface ScreeningMethod {
  /** Knowledge row id, e.g. `colorectal-colonoscopy`. */
  id: string;
  /** How the card names the test: "colonoscopy". */
  label: string;
  /** Months a result counts; absent: once in a lifetime is enough. */
  intervalMonths?: number;
  /** Youngest age at which this method is recommended (primary hrHPV from 30). */
  minAge?: number;
  codes: EventCodeSet;
  /** VSAC value set the codes were copied from, where there is one. */
  valueSet?: string;
  source: KnowledgeSource;
}

export interface ScreeningRow {
  id: ScreeningId;
  title: string;
  /** For the card's summary line: "colorectal screening". */
  short: string;
  /** Absent: any sex. */
  sex?: 'female' | 'male';
  /** Inclusive, in whole years at the time of the check. */
  minAge: number;
  maxAge: number;
  /**
   * Eligibility beyond age and sex that the chart must show: a cardiovascular risk factor (lipids),
   * ever smoking (AAA), ≥ 20 pack-years and smoking now or within 15 years (lung cancer).
   */
  requires?: 'cv-risk-factor' | 'ever-smoked' | 'lung-cancer-risk';
  methods: readonly ScreeningMethod[];
  /** Statin use is itself the recommendation (USPSTF 2022): an active statin order meets it. */
  metByStatin?: boolean;
  /** Sections that must be read in full before "no record" is claimed. */
  evidenceSections: readonly SectionName[];
  exclusions: readonly ExclusionId[];
  order: OrderCode;
  source: KnowledgeSource;
}

const COLONOSCOPY: EventCodeSet = {
  // VSAC "Colonoscopy" (CMS130): SNOMED CT subset (73761001 is what Synthea writes), CPT, HCPCS;
  // LOINC 28023-0 Colonoscopy Study for reports.
  snomed: ['73761001', '8180007', '12350003', '25732003', '34264006', '174158000', '235150006', '235151005', '310634005', '367535003', '443998000', '444783004', '446521004', '446745002', '447021001', '709421007', '710293001', '711307001', '851000119109'],
  cpt: ['44388', '44389', '44390', '44391', '44392', '44393', '44394', '44397', '44401', '44402', '44403', '44404', '44405', '44406', '44407', '44408', '45355', '45378', '45379', '45380', '45381', '45382', '45383', '45384', '45385', '45386', '45387', '45388', '45389', '45390', '45391', '45392', '45393', '45398'],
  hcpcs: ['G0105', 'G0121'],
  loinc: ['28023-0'],
};

const COLORECTAL_METHODS: readonly ScreeningMethod[] = [
  { id: 'colorectal-colonoscopy', label: 'colonoscopy', intervalMonths: 120, codes: COLONOSCOPY, valueSet: '2.16.840.1.113883.3.464.1003.108.12.1020', source: USPSTF_COLORECTAL_2021 },
  {
    id: 'colorectal-ct-colonography',
    label: 'CT colonography',
    intervalMonths: 60,
    // VSAC "CT Colonography" LOINC codes; CPT 74261–74263.
    codes: { loinc: ['60515-4', '72531-7', '79069-1', '79071-7', '79101-2', '82688-3'], cpt: ['74261', '74262', '74263'] },
    valueSet: '2.16.840.1.113883.3.464.1003.108.12.1038',
    source: USPSTF_COLORECTAL_2021,
  },
  {
    id: 'colorectal-flexible-sigmoidoscopy',
    label: 'flexible sigmoidoscopy',
    intervalMonths: 60,
    // VSAC "Flexible Sigmoidoscopy": SNOMED CT, CPT 45330–45350, HCPCS G0104.
    codes: {
      snomed: ['44441009', '396226005', '425634007', '841000119107'],
      cpt: ['45330', '45331', '45332', '45333', '45334', '45335', '45337', '45338', '45339', '45340', '45341', '45342', '45345', '45346', '45347', '45349', '45350'],
      hcpcs: ['G0104'],
    },
    valueSet: '2.16.840.1.113883.3.464.1003.198.12.1010',
    source: USPSTF_COLORECTAL_2021,
  },
  {
    id: 'colorectal-fit-dna',
    label: 'stool DNA-FIT',
    intervalMonths: 36,
    // VSAC "sDNA FIT Test" LOINC; CPT 81528 (Cologuard).
    codes: { loinc: ['77353-1', '77354-9'], cpt: ['81528'] },
    valueSet: '2.16.840.1.113883.3.464.1003.108.12.1039',
    source: USPSTF_COLORECTAL_2021,
  },
  {
    id: 'colorectal-fit',
    label: 'FIT / high-sensitivity gFOBT',
    intervalMonths: 12,
    // VSAC "Fecal Occult Blood Test (FOBT)" LOINC (57905-2 is Synthea's); CPT 82270, 82274;
    // HCPCS G0328; SNOMED 1015401000000102 fecal occult blood test (UK extension, written by Synthea).
    codes: {
      loinc: ['12503-9', '12504-7', '14563-1', '14564-9', '14565-6', '2335-8', '27396-1', '27401-9', '27925-7', '27926-5', '29771-3', '56490-6', '56491-4', '57905-2', '58453-2', '80372-6'],
      cpt: ['82270', '82274'],
      hcpcs: ['G0328'],
      snomed: ['1015401000000102'],
    },
    valueSet: '2.16.840.1.113883.3.464.1003.198.12.1011',
    source: USPSTF_COLORECTAL_2021,
  },
];

export const SCREENINGS: readonly ScreeningRow[] = [
  {
    id: 'colorectal',
    title: 'Colorectal cancer screening',
    short: 'colorectal screening',
    minAge: 45,
    maxAge: 75,
    methods: COLORECTAL_METHODS,
    evidenceSections: ['procedures', 'labs'],
    exclusions: ['total-colectomy', 'colorectal-cancer'],
    order: { system: SNOMED_CT, code: '444783004', display: 'Screening colonoscopy (procedure)', text: 'Screening colonoscopy (or FIT yearly, per patient preference)' },
    source: USPSTF_COLORECTAL_2021,
  },
  {
    id: 'breast',
    title: 'Breast cancer screening',
    short: 'mammogram',
    sex: 'female',
    minAge: 40,
    maxAge: 74,
    methods: [
      {
        id: 'breast-mammography',
        label: 'mammogram',
        // Biennial: 24 months.
        intervalMonths: 24,
        // SNOMED 71651007 mammography, 24623002 screening mammography, 43204002 bilateral mammography;
        // LOINC 24606-6 MG breast screening, 24605-8 MG breast diagnostic, 24604-1 and 24610-8 limited
        // views; CPT 77065–77067 (2D), 77063 (tomosynthesis); HCPCS G0202, G0204, G0206.
        codes: {
          snomed: ['71651007', '24623002', '43204002'],
          loinc: ['24606-6', '24605-8', '24604-1', '24610-8'],
          cpt: ['77065', '77066', '77067', '77063'],
          hcpcs: ['G0202', 'G0204', 'G0206'],
        },
        valueSet: '2.16.840.1.113883.3.464.1003.108.12.1018',
        source: USPSTF_BREAST_2024,
      },
    ],
    evidenceSections: ['procedures'],
    exclusions: ['bilateral-mastectomy'],
    order: { system: SNOMED_CT, code: '24623002', display: 'Screening mammography (procedure)', text: 'Screening mammogram' },
    source: USPSTF_BREAST_2024,
  },
  {
    id: 'cervical',
    title: 'Cervical cancer screening',
    short: 'cervical screening',
    sex: 'female',
    minAge: 21,
    maxAge: 65,
    methods: [
      {
        id: 'cervical-cytology',
        label: 'cervical cytology',
        intervalMonths: 36,
        // VSAC "Pap Test" LOINC; SNOMED 90226004 cytopathology of genital smear (Synthea);
        // CPT 88141–88175 cervical/vaginal cytopathology; HCPCS G0123, G0124.
        codes: {
          loinc: ['10524-7', '18500-9', '19762-4', '19764-0', '19765-7', '19766-5', '19774-9', '33717-0', '47527-7', '47528-5'],
          snomed: ['90226004'],
          cpt: ['88141', '88142', '88143', '88147', '88148', '88150', '88152', '88153', '88164', '88165', '88166', '88167', '88174', '88175'],
          hcpcs: ['G0123', 'G0124'],
        },
        valueSet: '2.16.840.1.113883.3.464.1003.108.12.1017',
        source: USPSTF_CERVICAL_2018,
      },
      {
        // Primary hrHPV testing every 5 years from 30; co-testing (cytology + hrHPV) also every 5
        // years: the hrHPV result of a co-test meets this row.
        id: 'cervical-hrhpv',
        label: 'hrHPV test',
        intervalMonths: 60,
        minAge: 30,
        // VSAC "HPV Test" LOINC (cervical samples); CPT 87624, 87625.
        codes: {
          loinc: ['104132-6', '104170-6', '21440-3', '30167-1', '38372-9', '59263-4', '59264-2', '59420-0', '69002-4', '71431-1', '75694-0', '77379-6', '77399-4', '77400-0', '82354-2', '82456-5', '82675-0', '95539-3'],
          cpt: ['87624', '87625'],
        },
        valueSet: '2.16.840.1.113883.3.464.1003.110.12.1059',
        source: USPSTF_CERVICAL_2018,
      },
    ],
    evidenceSections: ['procedures', 'labs'],
    exclusions: ['hysterectomy-no-cervix'],
    order: { system: LOINC, code: '10524-7', display: 'Microscopic observation [Identifier] in Cervix by Cyto stain', text: 'Cervical cytology (Pap); from 30, hrHPV every 5 years instead' },
    source: USPSTF_CERVICAL_2018,
  },
  {
    id: 'hepatitis-c',
    title: 'Hepatitis C screening',
    short: 'hepatitis C screen',
    minAge: 18,
    maxAge: 79,
    methods: [
      {
        id: 'hepatitis-c-antibody',
        label: 'HCV antibody test',
        // Once in adulthood.
        // LOINC 13955-0, 16128-1, 5199-5 HCV antibody, 11259-9 HCV RNA; SNOMED 104375008
        // hepatitis C antibody test (Synthea); CPT 86803; HCPCS G0472.
        codes: { loinc: ['13955-0', '16128-1', '5199-5', '11259-9'], snomed: ['104375008'], cpt: ['86803'], hcpcs: ['G0472'] },
        source: USPSTF_HCV_2020,
      },
    ],
    evidenceSections: ['procedures', 'labs'],
    exclusions: ['known-hepatitis-c'],
    order: { system: LOINC, code: '13955-0', display: 'Hepatitis C virus Ab [Presence] in Serum or Plasma by Immunoassay', text: 'Hepatitis C antibody (screening, once)' },
    source: USPSTF_HCV_2020,
  },
  {
    // The lipid panel the 10-year risk needs; whether a statin is due is its own gap (statin-gap.ts).
    id: 'lipids',
    title: 'Lipid panel',
    short: 'lipid panel',
    minAge: 40,
    maxAge: 75,
    requires: 'cv-risk-factor',
    metByStatin: true,
    methods: [
      {
        id: 'lipid-panel',
        label: 'lipid panel',
        // ACC/AHA and USPSTF 2022 rely on a lipid profile to estimate 10-year risk; every 5 years.
        intervalMonths: 60,
        // LOINC 57698-3 lipid panel with direct LDL (Synthea's report), 24331-1 lipid panel,
        // 2093-3 total cholesterol, 2085-9 HDL, 18262-6 and 13457-7 LDL, 2571-8 triglycerides; CPT 80061.
        codes: { loinc: ['57698-3', '24331-1', '2093-3', '2085-9', '18262-6', '13457-7', '2571-8'], cpt: ['80061'] },
        source: USPSTF_STATIN_2022,
      },
    ],
    evidenceSections: ['labs', 'medications'],
    exclusions: [],
    order: { system: LOINC, code: '57698-3', display: 'Lipid panel with direct LDL - Serum or Plasma', text: 'Lipid panel (for the 10-year ASCVD risk)' },
    source: USPSTF_STATIN_2022,
  },
  {
    id: 'aaa',
    title: 'Abdominal aortic aneurysm screening',
    short: 'AAA ultrasound',
    sex: 'male',
    minAge: 65,
    maxAge: 75,
    requires: 'ever-smoked',
    methods: [
      {
        id: 'aaa-ultrasound',
        label: 'aortic ultrasound',
        // Once.
        // CPT 76706 ultrasound of abdominal aorta, screening study for AAA; HCPCS G0389 (before 2017).
        codes: { cpt: ['76706'], hcpcs: ['G0389'] },
        source: USPSTF_AAA_2019,
      },
    ],
    evidenceSections: ['procedures'],
    exclusions: ['known-aaa'],
    order: { system: CPT, code: '76706', display: 'Ultrasound, abdominal aorta, screening study for abdominal aortic aneurysm', text: 'AAA screening ultrasound (once)' },
    source: USPSTF_AAA_2019,
  },
  {
    id: 'lung-cancer',
    title: 'Lung cancer screening',
    short: 'lung cancer screening',
    minAge: 50,
    maxAge: 80,
    requires: 'lung-cancer-risk',
    methods: [
      {
        id: 'lung-ldct',
        label: 'low-dose CT',
        intervalMonths: 12,
        // CPT 71271 CT thorax, low dose for lung cancer screening (from 2021); HCPCS G0297 (before 2021).
        codes: { cpt: ['71271'], hcpcs: ['G0297'] },
        source: USPSTF_LUNG_2021,
      },
    ],
    evidenceSections: ['procedures'],
    exclusions: ['known-lung-cancer'],
    order: { system: CPT, code: '71271', display: 'Computed tomography, thorax, low dose for lung cancer screening, without contrast material(s)', text: 'Low-dose CT for lung cancer screening (yearly)' },
    source: USPSTF_LUNG_2021,
  },
];
