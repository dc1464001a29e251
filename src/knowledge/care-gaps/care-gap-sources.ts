import type { KnowledgeSource } from '../knowledge-source';

// The guidelines the care-gap tables come from, one constant per document, so every row cites the
// recommendation its age range, interval or code list rests on.

/** USPSTF 2021, colorectal cancer screening, adults 45–75 (grade A 50–75, B 45–49). */
export const USPSTF_COLORECTAL_2021: KnowledgeSource = {
  label: 'USPSTF 2021: colorectal cancer screening',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/colorectal-cancer-screening',
};

/** USPSTF 2024, breast cancer screening: biennial mammography, women 40–74 (grade B). */
export const USPSTF_BREAST_2024: KnowledgeSource = {
  label: 'USPSTF 2024: breast cancer screening',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/breast-cancer-screening',
};

/** USPSTF 2018, cervical cancer screening, 21–65 (grade A). */
export const USPSTF_CERVICAL_2018: KnowledgeSource = {
  label: 'USPSTF 2018: cervical cancer screening',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/cervical-cancer-screening',
};

/** USPSTF 2020, hepatitis C screening once, adults 18–79 (grade B). */
export const USPSTF_HCV_2020: KnowledgeSource = {
  label: 'USPSTF 2020: hepatitis C screening',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/hepatitis-c-screening',
};

/** USPSTF 2022, statin use for primary prevention of CVD, adults 40–75 with a risk factor (grade B/C). */
export const USPSTF_STATIN_2022: KnowledgeSource = {
  label: 'USPSTF 2022: statin use for primary prevention of CVD',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/statin-use-in-adults-preventive-medication',
};

/** USPSTF 2019, AAA screening once by ultrasound, men 65–75 who have ever smoked (grade B). */
export const USPSTF_AAA_2019: KnowledgeSource = {
  label: 'USPSTF 2019: abdominal aortic aneurysm screening',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/abdominal-aortic-aneurysm-screening',
};

/** USPSTF 2021, lung cancer screening: yearly low-dose CT, 50–80 with ≥ 20 pack-years who smoke now or quit within 15 years (grade B). */
export const USPSTF_LUNG_2021: KnowledgeSource = {
  label: 'USPSTF 2021: lung cancer screening',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/lung-cancer-screening',
};

/**
 * 2018 AHA/ACC Guideline on the Management of Blood Cholesterol (Grundy et al., Circulation
 * 2019;139:e1082): statin benefit groups (clinical ASCVD, LDL-C ≥ 190 mg/dL, diabetes 40–75,
 * 10-year risk) and the statin intensity table.
 */
export const ACC_AHA_CHOLESTEROL_2018: KnowledgeSource = {
  label: '2018 AHA/ACC Guideline on the Management of Blood Cholesterol',
  url: 'https://doi.org/10.1161/CIR.0000000000000625',
};

/** ADA Standards of Care in Diabetes 2025 (sections 6, 10, 11, 12; 10: statins for diabetes 40–75). */
export const ADA_STANDARDS_2025: KnowledgeSource = {
  label: 'ADA Standards of Care in Diabetes 2025',
  url: 'https://diabetesjournals.org/care/issue/48/Supplement_1',
};

/** ACIP 2024–25 seasonal influenza recommendations (MMWR Recomm Rep 2024;73(5)). */
export const ACIP_INFLUENZA_2024: KnowledgeSource = {
  label: 'ACIP 2024–25: seasonal influenza vaccination',
  url: 'https://www.cdc.gov/mmwr/volumes/73/rr/rr7305a1.htm',
};

/** ACIP 2024 pneumococcal vaccine recommendations (adults ≥ 50, October 2024; MMWR 2025;74(1)). */
export const ACIP_PNEUMOCOCCAL_2024: KnowledgeSource = {
  label: 'ACIP 2024: pneumococcal vaccination of adults',
  url: 'https://www.cdc.gov/pneumococcal/hcp/vaccine-recommendations/index.html',
};

/** The grouped care-gap card: it rests on the tables above together. */
export const CARE_GAPS_SOURCE: KnowledgeSource = {
  label: 'USPSTF A/B screenings, ACC/AHA 2018 cholesterol, ADA 2025, ACIP 2024',
  url: 'https://www.uspreventiveservicestaskforce.org/uspstf/recommendation-topics/uspstf-a-and-b-recommendations',
};

/**
 * Code lists copied from the VSAC value sets the CMS eCQMs use (eCQM updates 2021-05 and 2025-05),
 * named by OID beside each list. https://vsac.nlm.nih.gov/
 */
export const VSAC_ECQM: KnowledgeSource = {
  label: 'VSAC eCQM value sets',
  url: 'https://vsac.nlm.nih.gov/',
};

/** RxNorm ingredient concepts (NLM), for orders coded at ingredient level. */
export const RXNORM_NLM: KnowledgeSource = {
  label: 'RxNorm (NLM)',
  url: 'https://www.nlm.nih.gov/research/umls/rxnorm/',
};
