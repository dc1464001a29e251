import type { KnowledgeSource } from '../knowledge-source';
import { USPSTF_AAA_2019, USPSTF_HCV_2020, USPSTF_LUNG_2021, VSAC_ECQM } from './care-gap-sources';
import type { CodeSet } from './code-sets';

// What the chart can say that takes a patient out of a screening (the eCQM denominator
// exclusions): the organ is gone, the disease is already known (screening no longer applies),
// or care is now hospice or palliative, where screening and monitoring do not serve the patient.

export type ExclusionId =
  | 'total-colectomy'
  | 'colorectal-cancer'
  | 'hysterectomy-no-cervix'
  | 'bilateral-mastectomy'
  | 'known-hepatitis-c'
  | 'known-aaa'
  | 'known-lung-cancer'
  | 'esrd-dialysis'
  | 'statin-muscle-symptoms'
  | 'hospice'
  | 'palliative-care'
  | 'terminal-illness';

export interface ExclusionRow {
  id: ExclusionId;
  /** How the card names it: "total colectomy". */
  label: string;
  codes: CodeSet;
  /** Also recorded as a Procedure (the problem list is always read: "History of total colectomy", Z90.710). */
  asProcedure: boolean;
  /**
   * True: only an active Condition counts (hospice now, not years ago). False: any Condition not
   * refuted or entered in error counts, history included (a colectomy stays done).
   */
  activeOnly: boolean;
  /** A Procedure counts only when done within this many months (hospice care); absent: any time. */
  procedureWithinMonths?: number;
  /** VSAC value set the codes were copied from, where there is one. */
  valueSet?: string;
  source: KnowledgeSource;
}

export const EXCLUSIONS: readonly ExclusionRow[] = [
  {
    id: 'total-colectomy',
    label: 'total colectomy',
    // VSAC "Total Colectomy" (CMS130): a subset of its SNOMED CT and CPT codes.
    codes: {
      snomed: ['26390003', '456004', '31130001', '36192008', '44751009', '80294005', '303401008', '307666008', '307667004', '307669001', '713165008', '787108001', '787109009', '787874000', '787875004', '787876003', '858579005', '119771000119101'],
      cpt: ['44150', '44151', '44152', '44153', '44155', '44156', '44157', '44158', '44210', '44211', '44212'],
    },
    asProcedure: true,
    activeOnly: false,
    valueSet: '2.16.840.1.113883.3.464.1003.198.12.1019',
    source: VSAC_ECQM,
  },
  {
    id: 'colorectal-cancer',
    label: 'colorectal cancer (surveillance, not screening)',
    // VSAC "Malignant Neoplasm of Colon" (CMS130); SNOMED codes are those Synthea's colorectal
    // cancer module writes. ICD-10-CM C18–C20 and personal history Z85.038/Z85.048.
    codes: { snomed: ['363406005', '109838007', '93761005', '94260004'], icd10: ['C18', 'C19', 'C20', 'Z85.038', 'Z85.048'] },
    asProcedure: false,
    activeOnly: false,
    valueSet: '2.16.840.1.113883.3.464.1003.108.12.1001',
    source: VSAC_ECQM,
  },
  {
    id: 'hysterectomy-no-cervix',
    label: 'hysterectomy with removal of the cervix',
    // VSAC "Hysterectomy with No Residual Cervix" (CMS124): SNOMED CT and CPT subset; conditions
    // Z90.710 (absence of cervix and uterus), Z90.712 (absence of cervix), Q51.5 (agenesis of cervix).
    codes: {
      snomed: ['116140006', '116142003', '116143008', '116144002', '236888001', '236891001', '27950001', '31545000', '35955002', '59750000', '86477000', '307771009', '361222003', '361223008', '387626007', '414575003', '446446002', '446679008', '708877008', '708878003', '739671004', '739672006', '739673001', '739674007', '767610009', '767611008', '767612001', '473171009', '24293001', '41566006', '287924009'],
      cpt: ['51925', '56308', '57530', '57531', '57540', '57545', '57550', '57555', '57556', '58150', '58152', '58200', '58210', '58240', '58260', '58262', '58263', '58267', '58270', '58275', '58280', '58285', '58290', '58291', '58292', '58293', '58294', '58548', '58550', '58552', '58553', '58554', '58570', '58571', '58572', '58573', '58575', '58951', '58953', '58954', '58956', '59135'],
      icd10: ['Z90.710', 'Z90.712', 'Q51.5'],
    },
    asProcedure: true,
    activeOnly: false,
    valueSet: '2.16.840.1.113883.3.464.1003.198.12.1014',
    source: VSAC_ECQM,
  },
  {
    id: 'bilateral-mastectomy',
    label: 'bilateral mastectomy',
    // VSAC "Bilateral Mastectomy" (CMS125); Z90.13 acquired absence of bilateral breasts and nipples.
    codes: {
      snomed: ['14693006', '14714006', '17086001', '22418005', '27865001', '52314009', '60633004', '76468001', '456903003', '726636007', '836436008', '870629001'],
      icd10: ['Z90.13'],
    },
    asProcedure: true,
    activeOnly: false,
    valueSet: '2.16.840.1.113883.3.464.1003.198.12.1005',
    source: VSAC_ECQM,
  },
  {
    id: 'known-hepatitis-c',
    label: 'hepatitis C already diagnosed',
    // SNOMED 50711007 viral hepatitis type C, 128302006 chronic hepatitis C; ICD-10 B17.1, B18.2.
    codes: { snomed: ['50711007', '128302006'], icd10: ['B17.1', 'B18.2'] },
    asProcedure: false,
    activeOnly: false,
    source: USPSTF_HCV_2020,
  },
  {
    id: 'known-aaa',
    label: 'abdominal aortic aneurysm already diagnosed',
    // SNOMED 233985008 abdominal aortic aneurysm; ICD-10 I71.3 (ruptured), I71.4 (without rupture).
    codes: { snomed: ['233985008'], icd10: ['I71.3', 'I71.4'] },
    asProcedure: false,
    activeOnly: false,
    source: USPSTF_AAA_2019,
  },
  {
    id: 'known-lung-cancer',
    label: 'lung cancer (surveillance, not screening)',
    // SNOMED 254637007 non-small cell lung cancer, 254632001 small cell carcinoma of lung (the codes
    // Synthea's lung cancer module writes); ICD-10-CM C34 malignant neoplasm of bronchus and lung,
    // Z85.11 personal history of malignant neoplasm of bronchus and lung.
    codes: { snomed: ['254637007', '254632001'], icd10: ['C34', 'Z85.11'] },
    asProcedure: false,
    activeOnly: false,
    source: USPSTF_LUNG_2021,
  },
  {
    id: 'esrd-dialysis',
    label: 'end-stage renal disease or dialysis',
    // VSAC "End Stage Renal Disease" (2.16.840.1.113883.3.526.2.589 N18.6; …2.590 SNOMED 46177005,
    // 236434000, 236435004, 236436003), "Chronic Kidney Disease, Stage 5" (433146000), plus Z99.2
    // dependence on renal dialysis; procedures: a subset of VSAC "Dialysis Services"
    // (2.16.840.1.113883.3.464.1003.109.12.1013): SNOMED 108241001 dialysis, 265764009 renal
    // dialysis, 302497006 hemodialysis, 71192002 peritoneal dialysis, 238318009 CAPD, 225230008
    // chronic peritoneal dialysis, 233575001 intermittent hemodialysis, 714749008 CRRT, 67970008
    // home hemodialysis, 428648006 automated peritoneal dialysis; CPT 90935, 90937, 90945, 90947,
    // 99512; HCPCS G0257. A dialysis within the last 12 months counts (not an old episode of AKI).
    codes: {
      snomed: ['46177005', '236434000', '236435004', '236436003', '433146000', '108241001', '265764009', '302497006', '71192002', '238318009', '225230008', '233575001', '714749008', '67970008', '428648006'],
      icd10: ['N18.6', 'Z99.2'],
      cpt: ['90935', '90937', '90945', '90947', '99512'],
      hcpcs: ['G0257'],
    },
    asProcedure: true,
    activeOnly: true,
    procedureWithinMonths: 12,
    valueSet: '2.16.840.1.113883.3.526.2.590',
    source: VSAC_ECQM,
  },
  {
    id: 'statin-muscle-symptoms',
    label: 'statin intolerance (muscle symptoms or rhabdomyolysis)',
    // VSAC "Statin Associated Muscle Symptoms" (2.16.840.1.113762.1.4.1108.85), its drug-specific
    // codes: 16462851000119106 myalgia caused by statin, 240101000 and G72.0 drug-induced myopathy
    // (unspecified myalgia and myopathy are left out: they do not say a statin caused them); VSAC
    // "Rhabdomyolysis" (2.16.840.1.113762.1.4.1047.102): 240131006, 240132004, M62.82. A history counts.
    codes: { snomed: ['16462851000119106', '240101000', '240131006', '240132004'], icd10: ['G72.0', 'M62.82'] },
    asProcedure: false,
    activeOnly: false,
    valueSet: '2.16.840.1.113762.1.4.1108.85',
    source: VSAC_ECQM,
  },
  {
    id: 'hospice',
    label: 'hospice care',
    // VSAC "Hospice Care Ambulatory" (CMS131 and others).
    codes: { snomed: ['385763009', '170935008', '170936009'], cpt: ['99377', '99378'], hcpcs: ['G0182'] },
    asProcedure: true,
    activeOnly: true,
    procedureWithinMonths: 12,
    valueSet: '2.16.840.1.113883.3.526.3.1584',
    source: VSAC_ECQM,
  },
  {
    id: 'palliative-care',
    label: 'palliative care',
    // VSAC "Palliative Care Intervention"; ICD-10 Z51.5 encounter for palliative care.
    codes: { snomed: ['103735009', '105402000', '395669003', '395670002', '395694002', '395695001', '443761007'], icd10: ['Z51.5'] },
    asProcedure: true,
    activeOnly: true,
    procedureWithinMonths: 12,
    valueSet: '2.16.840.1.113883.3.464.1003.198.12.1135',
    source: VSAC_ECQM,
  },
  {
    id: 'terminal-illness',
    label: 'terminal illness (limited life expectancy)',
    // SNOMED 300936002 terminal illness (finding).
    codes: { snomed: ['300936002'] },
    asProcedure: false,
    activeOnly: true,
    source: VSAC_ECQM,
  },
];

/** Exclusions that end every care gap: screening and monitoring do not serve a patient at the end of life. */
export const END_OF_LIFE_EXCLUSIONS: readonly ExclusionId[] = ['hospice', 'palliative-care', 'terminal-illness'];
