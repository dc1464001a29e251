import type { KnowledgeSource } from '../knowledge-source';

/**
 * How a chart says a patient is pregnant, and how it says a pregnancy ended. SNOMED CT codes (with
 * the ones Synthea's pregnancy module writes) and ICD-10-CM category prefixes; LOINC qualitative
 * hCG tests. Sources: SNOMED CT (https://browser.ihtsdotools.org), ICD-10-CM chapter 15 and Z3x
 * (https://www.cdc.gov/nchs/icd/icd-10-cm/), LOINC (https://loinc.org).
 */
export interface PregnancyCodes {
  snomed: readonly string[];
  /** ICD-10(-CM) code prefixes, without dots. */
  icd10: readonly string[];
  source: KnowledgeSource;
}

const TERMINOLOGY: KnowledgeSource = { label: 'SNOMED CT / ICD-10-CM', url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/' };

/** A Condition that means "currently pregnant" while active. */
export const PREGNANCY_CONDITIONS: PregnancyCodes = {
  // 77386006 Pregnant; 72892002 Normal pregnancy (Synthea); 47200007 High risk pregnancy (Synthea
  // "Non-low risk pregnancy"); 237240001 Teenage pregnancy; 16356006 Multiple pregnancy.
  snomed: ['77386006', '72892002', '47200007', '237240001', '16356006'],
  // Z33.1 Pregnant state, incidental; Z34 Supervision of normal pregnancy; O09 Supervision of
  // high-risk pregnancy; Z3A Weeks of gestation.
  icd10: ['Z331', 'Z34', 'O09', 'Z3A'],
  source: TERMINOLOGY,
};

/** A Condition recording how a pregnancy ended (from its onset on, an earlier pregnancy is over). */
export const PREGNANCY_END_CONDITIONS: PregnancyCodes = {
  // 19169002 Miscarriage in first trimester (Synthea); 17369002 Miscarriage.
  snomed: ['19169002', '17369002'],
  // O03 Spontaneous abortion; O04 Complications following termination; Z37 Outcome of delivery; Z39 Postpartum care.
  icd10: ['O03', 'O04', 'Z37', 'Z39'],
  source: TERMINOLOGY,
};

/** A completed Procedure that ends a pregnancy. */
export const PREGNANCY_END_PROCEDURES: PregnancyCodes = {
  // 66348005 Childbirth (Synthea); 11466000 Cesarean section (Synthea); 236973005 Delivery
  // procedure; 177184002 Normal delivery procedure; 714812005 Induced termination of pregnancy.
  snomed: ['66348005', '11466000', '236973005', '177184002', '714812005'],
  icd10: [],
  source: TERMINOLOGY,
};

/**
 * Qualitative hCG (pregnancy) tests: 2106-3 in Urine; 2118-8 in Serum or Plasma; 2110-5 beta
 * subunit in Serum or Plasma. Positive: SNOMED 10828004 "Positive", or text saying positive/detected.
 */
export const PREGNANCY_TESTS = {
  loinc: ['2106-3', '2118-8', '2110-5'],
  positiveSnomed: ['10828004'],
  negativeSnomed: ['260385009'],
  source: { label: 'LOINC', url: 'https://loinc.org' } satisfies KnowledgeSource,
} as const;

/**
 * Pregnancy status (LOINC 82810-3), the US Core Pregnancy Status profile (filed under Observation
 * category `social-history`), valued from the US Core pregnancy status value set (SNOMED CT):
 * 77386006 Pregnant; 60001007 Not pregnant. "Possible pregnancy" (146799005), "pregnancy not yet
 * confirmed" (152231000119106) and "unknown" (261665006) decide nothing either way.
 */
export const PREGNANCY_STATUS = {
  loinc: ['82810-3'],
  pregnantSnomed: ['77386006'],
  notPregnantSnomed: ['60001007'],
  source: { label: 'US Core Observation Pregnancy Status profile', url: 'https://hl7.org/fhir/us/core/StructureDefinition-us-core-observation-pregnancystatus.html' } satisfies KnowledgeSource,
} as const;

/**
 * Estimated delivery date, valued as a date (IPS "Pregnancy expected delivery date method"):
 * 11778-8 Delivery date Estimated; 11779-6 … from last menstrual period; 11780-4 … from ovulation date.
 */
export const PREGNANCY_EDD = {
  loinc: ['11778-8', '11779-6', '11780-4'],
  source: { label: 'IPS value set: pregnancy expected delivery date method (LOINC)', url: 'https://hl7.org/fhir/uv/ips/ValueSet-edd-method-uv-ips.html' } satisfies KnowledgeSource,
} as const;

/**
 * How long the chart's word holds. A pregnancy lasts at most about 42 weeks: an "active" pregnancy
 * Condition, or a "Pregnant" status, over 300 days old was left open and is not taken as current.
 * A positive test is current evidence for 60 days (after that, a continuing pregnancy is on the
 * problem list or in a pregnancy status). An estimated delivery date holds until 14 days after it
 * (post-term is 42 0/7 weeks, 14 days past the 40-week EDD); one more than 300 days ahead is not a
 * current pregnancy's. Gestational age is 280 days minus the days to the EDD.
 * Source: ACOG Committee Opinion 579, Definition of term pregnancy (late term 41 0/7–41 6/7, post-term ≥ 42 0/7 weeks).
 */
export const PREGNANCY_CURRENCY = {
  maxConditionDays: 300,
  maxStatusDays: 300,
  positiveTestDays: 60,
  eddGraceDays: 14,
  eddMaxAheadDays: 300,
  termDays: 280,
  source: { label: 'ACOG Committee Opinion 579: definition of term pregnancy', url: 'https://www.acog.org/clinical/clinical-guidance/committee-opinion/articles/2013/11/definition-of-term-pregnancy' } satisfies KnowledgeSource,
} as const;
