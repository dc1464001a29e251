import type { KnowledgeSource } from '../knowledge-source';
import { ACC_AHA_CHOLESTEROL_2018, VSAC_ECQM } from './care-gap-sources';
import type { CodeSet, EventCodeSet } from './code-sets';

// Clinical ASCVD as the chart records it (ACC/AHA 2018: acute coronary syndrome, history of MI,
// stable or unstable angina, coronary or other arterial revascularization, stroke, TIA, or
// peripheral artery disease of atherosclerotic origin), from the VSAC value sets the CMS347
// statin measure uses. ICD-10-CM by category prefix covers each set's codes; SNOMED CT lists a
// subset of each set (the general concepts and what Synthea writes), since SNOMED CT has no
// prefix and the full sets run to hundreds of codes.

export interface AscvdRow {
  id: 'coronary' | 'cerebrovascular' | 'peripheral';
  /** How the card names it: "coronary heart disease". */
  label: string;
  conditions: CodeSet;
  /** VSAC value sets the codes come from. */
  valueSets: readonly string[];
  source: KnowledgeSource;
}

export const ASCVD_CONDITIONS: readonly AscvdRow[] = [
  {
    id: 'coronary',
    label: 'coronary heart disease',
    // VSAC "Myocardial Infarction" (I21, I22), "Ischemic Heart Disease or Related Diagnoses" (I23–I25),
    // "Stable and Unstable Angina" (I20). SNOMED: 22298006 MI, 57054005 acute MI, 401303003 STEMI,
    // 401314000 NSTEMI, 394710008 first MI, 194856005 subsequent MI, 428752002 recent MI, 32574007
    // past MI on ECG, 233843008 silent MI, 414545008 ischemic heart disease, 413838009 chronic IHD,
    // 413439005 acute IHD, 414795007 myocardial ischemia, 63739005 coronary occlusion, 194828000
    // angina, 233819005 stable angina, 4557003 preinfarction syndrome, 443502000 atherosclerosis of
    // coronary artery. Added (Synthea; not in the sets): 399211009 history of MI, 53741008
    // coronary arteriosclerosis ("Coronary Heart Disease").
    conditions: {
      snomed: [
        '22298006', '57054005', '401303003', '401314000', '394710008', '194856005', '428752002', '32574007', '233843008', '414545008', '413838009',
        '413439005', '414795007', '63739005', '194828000', '233819005', '4557003', '443502000', '399211009', '53741008',
      ],
      icd10: ['I20', 'I21', 'I22', 'I23', 'I24', 'I25'],
    },
    valueSets: ['2.16.840.1.113762.1.4.1108.101', '2.16.840.1.113762.1.4.1047.46', '2.16.840.1.113762.1.4.1047.47'],
    source: VSAC_ECQM,
  },
  {
    id: 'cerebrovascular',
    label: 'stroke or TIA',
    // VSAC "Cerebrovascular Disease Stroke or TIA": ICD-10-CM G45.0–G45.2, G45.8, G45.9, G46, I63,
    // I69, Z86.73. SNOMED: 230690007 cerebrovascular accident (Synthea "Stroke"), 422504002
    // ischemic stroke, 432504007 cerebral infarction, 266257000 TIA, 371040005 thrombotic stroke,
    // 371041009 embolic stroke, 413758000 cardioembolic stroke, 230698000 lacunar infarction,
    // 25133001 completed stroke, 195243003 sequelae of cerebral infarction, 116288000 paralytic
    // stroke, 111297002 nonparalytic stroke, 373606000 occlusive stroke.
    conditions: {
      snomed: ['230690007', '422504002', '432504007', '266257000', '371040005', '371041009', '413758000', '230698000', '25133001', '195243003', '116288000', '111297002', '373606000'],
      icd10: ['G45.0', 'G45.1', 'G45.2', 'G45.8', 'G45.9', 'G46', 'I63', 'I69', 'Z86.73'],
    },
    valueSets: ['2.16.840.1.113762.1.4.1047.44'],
    source: VSAC_ECQM,
  },
  {
    id: 'peripheral',
    label: 'atherosclerosis or peripheral artery disease',
    // VSAC "Atherosclerosis and Peripheral Arterial Disease": ICD-10-CM I65, I67.2, I70, E08.51,
    // E08.52, E09.51, E09.52 (its I25 codes are in the coronary row). SNOMED: 399957001 peripheral
    // arterial occlusive disease, 51274000 atherosclerosis of arteries of the extremities, 63491006
    // intermittent claudication, 300920004 carotid atherosclerosis, 81817003 atherosclerosis of
    // aorta, 441574008 atherosclerosis of artery, 39823006 generalized atherosclerosis, 55382008
    // cerebral atherosclerosis.
    conditions: {
      snomed: ['399957001', '51274000', '63491006', '300920004', '81817003', '441574008', '39823006', '55382008'],
      icd10: ['I65', 'I67.2', 'I70', 'E08.51', 'E08.52', 'E09.51', 'E09.52'],
    },
    valueSets: ['2.16.840.1.113762.1.4.1047.21'],
    source: VSAC_ECQM,
  },
];

/**
 * Coronary revascularization, itself clinical ASCVD: VSAC "CABG or PCI Procedure"
 * (2.16.840.1.113762.1.4.1138.566; CPT 33510–33536, 92920–92972, HCPCS C9600–C9608, S2205–S2209)
 * and VSAC "Percutaneous Coronary Intervention SNOMEDCT" 415070008 PCI, 11101003 PTCA.
 */
export const CORONARY_REVASCULARIZATION: EventCodeSet = {
  cpt: [
    '33510', '33511', '33512', '33513', '33514', '33516', '33517', '33518', '33519', '33521', '33522', '33523', '33533', '33534', '33535', '33536',
    '92920', '92924', '92928', '92933', '92937', '92941', '92943', '92972',
  ],
  hcpcs: ['C9600', 'C9601', 'C9602', 'C9603', 'C9604', 'C9605', 'C9606', 'C9607', 'C9608', 'S2205', 'S2206', 'S2207', 'S2208', 'S2209'],
  snomed: ['415070008', '11101003'],
};
export const CORONARY_REVASCULARIZATION_SOURCE: KnowledgeSource = VSAC_ECQM;

/** Why these count: ACC/AHA 2018's definition of clinical ASCVD. */
export const CLINICAL_ASCVD_DEFINITION: KnowledgeSource = ACC_AHA_CHOLESTEROL_2018;
