/**
 * Which problems matter most in a one-line headline, and how to abbreviate them.
 *
 * Sources: the ordering follows the Charlson Comorbidity Index (Charlson et al., J Chronic Dis
 * 1987;40:373) with the ICD-10 coding algorithms of Quan et al. (Med Care 2005;43:1130), raised
 * for what changes prescribing (anticoagulation, renal dose adjustment, pregnancy). SNOMED CT
 * concept ids from the SNOMED CT International Edition (https://browser.ihtsdotools.org);
 * ICD-10-CM prefixes from CMS ICD-10-CM (https://www.cms.gov/medicare/coding-billing/icd-10-codes).
 * A weight orders problems; it is not a risk score.
 *
 * Matching is by code only (SNOMED CT exact, ICD-10 longest prefix): matching display text would
 * turn "family history of heart failure" into heart failure.
 */
export interface ProblemImportance {
  key: string;
  /** Headline abbreviation ("AF", "CKD 4"); absent: the condition's own name is used. */
  short?: string;
  weight: number;
  snomed: readonly string[];
  /** ICD-10 / ICD-10-CM code prefixes, dots included ("N18.4" matches "N18.4" and "N184"). */
  icd10: readonly string[];
}

/**
 * Default weights for conditions no row names, by SNOMED CT semantic tag of their display:
 * a disorder outranks an untagged name, which outranks a finding or a situation ("History of…").
 */
export const DEFAULT_PROBLEM_WEIGHT = { disorder: 20, untagged: 15, finding: 5, situation: 3 } as const;

/** The lowest weight a problem needs to appear in the headline: findings and situations stay out. */
export const HEADLINE_MIN_WEIGHT = 15;

export const PROBLEM_IMPORTANCE: readonly ProblemImportance[] = [
  // 363346000 Malignant neoplastic disease; 92691004 Carcinoma in situ of prostate; 254637007 Non-small
  // cell lung cancer; 424132000 Non-small cell carcinoma of lung, TNM stage 1; 254632001 Small cell
  // carcinoma of lung; 363406005 Malignant neoplasm of colon; 93761005 Primary malignant neoplasm of
  // colon; 94260004 Secondary malignant neoplasm of colon; 109838007 Overlapping malignant neoplasm of
  // colon; 254837009 Malignant neoplasm of breast; 91861009 Acute myeloid leukemia
  {
    key: 'malignancy',
    weight: 95,
    snomed: ['363346000', '92691004', '254637007', '424132000', '254632001', '363406005', '93761005', '94260004', '109838007', '254837009', '91861009'],
    icd10: ['C', 'D0'],
  },
  // 126906006 Neoplasm of prostate: behaviour unspecified, so below a coded malignancy.
  { key: 'neoplasm', weight: 80, snomed: ['126906006'], icd10: ['D4'] },
  { key: 'pregnancy', short: 'pregnancy', weight: 95, snomed: ['77386006', '72892002'], icd10: ['Z33.1', 'Z34', 'O'] },
  { key: 'esrd', short: 'ESRD', weight: 95, snomed: ['46177005'], icd10: ['N18.6'] },
  { key: 'ckd-5', short: 'CKD 5', weight: 93, snomed: ['433146000'], icd10: ['N18.5'] },
  { key: 'heart-failure', short: 'HF', weight: 92, snomed: ['84114007', '42343007', '88805009'], icd10: ['I50', 'I11.0', 'I13.0', 'I13.2'] },
  { key: 'atrial-fibrillation', short: 'AF', weight: 91, snomed: ['49436004'], icd10: ['I48'] },
  { key: 'ckd-4', short: 'CKD 4', weight: 90, snomed: ['431857002'], icd10: ['N18.4'] },
  { key: 'cirrhosis', short: 'cirrhosis', weight: 90, snomed: ['19943007'], icd10: ['K70.3', 'K74.6'] },
  { key: 'pulmonary-embolism', short: 'PE', weight: 88, snomed: ['59282003'], icd10: ['I26'] },
  { key: 'dvt', short: 'DVT', weight: 86, snomed: ['128053003'], icd10: ['I82.4'] },
  { key: 't1dm', short: 'T1DM', weight: 86, snomed: ['46635009'], icd10: ['E10'] },
  { key: 't2dm', short: 'T2DM', weight: 85, snomed: ['44054006'], icd10: ['E11'] },
  { key: 'hiv', short: 'HIV', weight: 85, snomed: ['86406008'], icd10: ['B20'] },
  { key: 'ckd-3', short: 'CKD 3', weight: 82, snomed: ['433144002', '700378005', '700379002'], icd10: ['N18.3'] },
  { key: 'copd', short: 'COPD', weight: 80, snomed: ['13645005', '185086009'], icd10: ['J44'] },
  { key: 'emphysema', short: 'emphysema', weight: 80, snomed: ['87433001'], icd10: ['J43'] },
  { key: 'dementia', short: 'dementia', weight: 80, snomed: ['52448006', '26929004'], icd10: ['F01', 'F02', 'F03', 'G30'] },
  { key: 'cad', short: 'CAD', weight: 78, snomed: ['53741008', '414545008'], icd10: ['I20', 'I25'] },
  { key: 'myocardial-infarction', short: 'MI', weight: 78, snomed: ['22298006'], icd10: ['I21', 'I22'] },
  { key: 'prior-mi', short: 'prior MI', weight: 75, snomed: ['399211009'], icd10: ['I25.2'] },
  { key: 'stroke', short: 'stroke', weight: 75, snomed: ['230690007'], icd10: ['I63', 'I64', 'Z86.73'] },
  { key: 'diabetic-kidney-disease', short: 'diabetic kidney disease', weight: 70, snomed: ['127013003'], icd10: ['E11.2', 'E10.2'] },
  { key: 'ckd', short: 'CKD', weight: 70, snomed: ['709044004'], icd10: ['N18.9'] },
  { key: 'hypertension', short: 'HTN', weight: 60, snomed: ['38341003', '59621000'], icd10: ['I10', 'I11', 'I12', 'I13'] },
  { key: 'epilepsy', short: 'epilepsy', weight: 60, snomed: ['84757009'], icd10: ['G40'] },
  { key: 'asthma', short: 'asthma', weight: 55, snomed: ['195967001', '233678006'], icd10: ['J45'] },
  { key: 'ckd-2', short: 'CKD 2', weight: 50, snomed: ['431856006'], icd10: ['N18.2'] },
  { key: 'diabetic-neuropathy', short: 'diabetic neuropathy', weight: 50, snomed: ['368581000119106'], icd10: ['E11.4', 'E10.4'] },
  { key: 'diabetic-retinopathy', short: 'diabetic retinopathy', weight: 50, snomed: ['422034002'], icd10: ['E11.3', 'E10.3'] },
  { key: 'ckd-1', short: 'CKD 1', weight: 45, snomed: ['431855005'], icd10: ['N18.1'] },
  { key: 'depression', short: 'depression', weight: 45, snomed: ['35489007', '370143000'], icd10: ['F32', 'F33'] },
  { key: 'anemia', short: 'anemia', weight: 45, snomed: ['271737000'], icd10: ['D50', 'D51', 'D52', 'D53', 'D63', 'D64'] },
  { key: 'diabetic-microalbuminuria', short: 'diabetic microalbuminuria', weight: 45, snomed: ['90781000119102'], icd10: [] },
  { key: 'hyperlipidemia', short: 'hyperlipidemia', weight: 40, snomed: ['55822004'], icd10: ['E78'] },
  { key: 'hypothyroidism', short: 'hypothyroidism', weight: 40, snomed: ['40930008', '83664006'], icd10: ['E03'] },
  { key: 'osteoporosis', short: 'osteoporosis', weight: 40, snomed: ['64859006'], icd10: ['M80', 'M81'] },
  { key: 'obesity', short: 'obesity', weight: 35, snomed: ['414916001', '162864005', '408512008'], icd10: ['E66'] },
  { key: 'prediabetes', short: 'prediabetes', weight: 35, snomed: ['15777000'], icd10: ['R73.03'] },
  { key: 'chronic-pain', short: 'chronic pain', weight: 35, snomed: ['82423001'], icd10: ['G89.2', 'G89.4'] },
  { key: 'hypertriglyceridemia', short: 'hypertriglyceridemia', weight: 30, snomed: ['302870006'], icd10: ['E78.1'] },
  { key: 'metabolic-syndrome', short: 'metabolic syndrome', weight: 30, snomed: ['237602007'], icd10: ['E88.81'] },
  { key: 'osteoarthritis', short: 'osteoarthritis', weight: 25, snomed: ['396275006', '239872002', '201834006'], icd10: ['M15', 'M16', 'M17', 'M18', 'M19'] },
];
