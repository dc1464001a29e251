import type { KnowledgeSource } from '../knowledge-source';
import { USPSTF_LUNG_2021, VSAC_ECQM } from './care-gap-sources';
import type { CodeSet, EventCodeSet } from './code-sets';

// Smoking history as charts record it: a tobacco smoking status Observation (LOINC 72166-2, US
// Core; EHRs file it under social-history, Synthea under survey) whose value is a SNOMED CT
// finding, a smoking problem on the problem list, and pack-years. The AAA, lung cancer and statin
// checks read it (smoking-history.ts).

/**
 * US Core Smoking Status (us-core-observation-smokingstatus, the ONC 2015 starter set): 449868002
 * current every day smoker, 428041000124106 current some day smoker, 8517006 former smoker,
 * 266919005 never smoker, 77176002 smoker (current status unknown), 266927001 unknown if ever
 * smoked, 428071000124103 heavy and 428061000124105 light tobacco smoker.
 */
export const US_CORE_SMOKING_STATUS: KnowledgeSource = {
  label: 'US Core smoking status (SNOMED CT)',
  url: 'https://hl7.org/fhir/us/core/STU3.1.1/ValueSet-us-core-observation-smokingstatus.html',
};

/** LOINC 72166-2 Tobacco smoking status: its value is one of the codes below. */
export const SMOKING_STATUS_LOINC: readonly string[] = ['72166-2'];

/**
 * Smokes now: the US Core current-smoker codes; from VSAC "Smoking status"
 * (2.16.840.1.113762.1.4.1248.220) 65568007 cigarette smoker, 230059006–230065006 occasional to
 * chain cigarette smoker, 160603005–160606002 light to very heavy cigarette smoker, 56578002 and
 * 56771006 moderate and heavy smoker, 59978006 cigar smoker, 82302008 pipe smoker; ICD-10-CM F17.2
 * nicotine dependence, cigarettes and other tobacco, Z72.0 tobacco use (as problems).
 */
export const CURRENT_SMOKER: CodeSet = {
  snomed: [
    '449868002', '428041000124106', '428071000124103', '428061000124105', '65568007', '230059006', '230060001', '230062009', '230063004', '230064005',
    '230065006', '160603005', '160604004', '160605003', '160606002', '56578002', '56771006', '59978006', '82302008',
  ],
  icd10: ['F17.2', 'Z72.0'],
};

/**
 * Smoked and stopped: 8517006 ex-smoker (US Core); from VSAC "Smoking status" 281018007
 * ex-cigarette smoker, 266928006 amount unknown, 266921000–266925009 ex-trivial to ex-very heavy,
 * 160620009 ex-pipe, 160621008 ex-cigar, 48031000119106 for more than 1 year, 735128000 for less
 * than 1 year, 428081000124100 and 428091000124102 former heavy and light, 53896009 tolerant,
 * 360890004 intolerant, 360900008 aggressive ex-smoker; ICD-10-CM Z87.891 history of nicotine dependence.
 */
export const FORMER_SMOKER: CodeSet = {
  snomed: [
    '8517006', '281018007', '266928006', '266921000', '266922007', '266923002', '266924008', '266925009', '160620009', '160621008', '48031000119106',
    '735128000', '428081000124100', '428091000124102', '53896009', '360890004', '360900008',
  ],
  icd10: ['Z87.891'],
};

/** Has smoked, current status unknown: 77176002 (US Core "Smoker, current status unknown"). */
export const SMOKER_STATUS_UNKNOWN: CodeSet = { snomed: ['77176002'] };

/** Never smoked: 266919005 (US Core "Never smoker"). "Non-smoker" (8392000) says nothing of the past and is not here. */
export const NEVER_SMOKER: CodeSet = { snomed: ['266919005'] };

export const SMOKING_CODES_SOURCE: KnowledgeSource = VSAC_ECQM;

/**
 * Pack-years, a quantity observation: SNOMED CT 401201003 cigarette pack-years (US Core smoking
 * status profile, STU7 example) and 782516008 number of calculated pack years (VSAC "Smoking
 * Status Type", 2.16.840.1.113762.1.4.1267.6).
 */
export const PACK_YEARS: EventCodeSet = { snomed: ['401201003', '782516008'] };

/** USPSTF 2021 lung cancer screening: ≥ 20 pack-years, and smoking now or quit within the past 15 years. */
export const LUNG_SCREENING_SMOKING = { minPackYears: 20, maxYearsSinceQuit: 15, source: USPSTF_LUNG_2021 } as const;
