import type { DrugClass } from '../drugs/drug-class';
import type { KnowledgeSource } from '../knowledge-source';
import { UNIT_CONVERSIONS } from '../labs/lab-sources';
import { ACC_AHA_CHOLESTEROL_2018, VSAC_ECQM } from './care-gap-sources';
import { GOFF_PCE_2013 } from './pooled-cohort-equations';

// How the chart gives the inputs of the pooled cohort equations and of the LDL ≥ 190 mg/dL
// statin indication: which results count, in which units, how old they may be, what counts as
// blood-pressure treatment, and where race is recorded.

/** A lipid result the rules read, in mg/dL (the unit the equations take). */
export interface LipidAnalyte {
  label: string;
  /** LOINC codes, preferred first. */
  loinc: readonly string[];
  source: KnowledgeSource;
}

/** LOINC 2093-3 Cholesterol [Mass/volume] in Serum or Plasma. */
export const TOTAL_CHOLESTEROL: LipidAnalyte = { label: 'total cholesterol', loinc: ['2093-3'], source: GOFF_PCE_2013 };

/** LOINC 2085-9 Cholesterol in HDL [Mass/volume] in Serum or Plasma. */
export const HDL_CHOLESTEROL: LipidAnalyte = { label: 'HDL', loinc: ['2085-9'], source: GOFF_PCE_2013 };

/**
 * LDL cholesterol: VSAC "LDL Cholesterol" (2.16.840.1.113762.1.4.1248.301), the whole-LDL codes:
 * 2089-1 in Serum or Plasma, 18262-6 by direct assay (Synthea), 13457-7 by calculation, 96259-7
 * by Martin-Hopkins, 18261-8 ultracentrifugate, 55440-2 by VAP, 49132-4 by electrophoresis. LDL
 * subfractions and the "LDL goal" code are left out.
 */
export const LDL_CHOLESTEROL: LipidAnalyte = {
  label: 'LDL',
  loinc: ['2089-1', '18262-6', '13457-7', '96259-7', '18261-8', '55440-2', '49132-4'],
  source: VSAC_ECQM,
};

/** Cholesterol 386.65 g/mol: 1 mmol/L = 38.67 mg/dL (total, HDL and LDL alike). */
export const CHOLESTEROL_MG_PER_MMOL = { factor: 38.67, source: UNIT_CONVERSIONS } as const;

/**
 * How recent the inputs must be. Lipids: the 5-year lipid-panel interval (USPSTF 2022 and
 * ACC/AHA 2018 estimate risk from a lipid profile; the lipid-panel gap asks for a new one after
 * 5 years). Systolic BP: the last 12 months (the equations take today's pressure).
 */
export const RISK_INPUT_MAX_AGE_MONTHS = { lipids: 60, systolicBp: 12, source: ACC_AHA_CHOLESTEROL_2018 } as const;

/**
 * BP-lowering treatment (the equations' "treated SBP"): an active order of these classes or
 * ingredients. Membership follows VSAC "Antihypertensives" (2.16.840.1.113762.1.4.1248.164):
 * ACE inhibitors, ARBs, sacubitril/valsartan, beta-blockers, thiazides, verapamil/diltiazem,
 * spironolactone/eplerenone (drug identity classes), and the ingredients below, which belong to
 * no class the identity tables keep (dihydropyridines, hydralazine, methyldopa,
 * triamterene, aliskiren; guanfacine, doxazosin, prazosin, terazosin and minoxidil are not in the
 * drug tables, so their orders cannot be recognised and count as untreated).
 */
export const ANTIHYPERTENSIVE_CLASSES: readonly DrugClass[] = [
  'ace-inhibitor',
  'arb',
  'arni',
  'beta-blocker',
  'thiazide-diuretic',
  'non-dihydropyridine-ccb',
  'aldosterone-antagonist',
];
export const ANTIHYPERTENSIVE_INGREDIENT_NAMES: readonly string[] = [
  'amlodipine',
  'felodipine',
  'isradipine',
  'nicardipine',
  'nifedipine',
  'nisoldipine',
  'hydralazine',
  'methyldopa',
  'triamterene',
  'aliskiren',
];
export const ANTIHYPERTENSIVES_SOURCE: KnowledgeSource = VSAC_ECQM;

/**
 * Race as US Core records it: the us-core-race extension's `ombCategory`, CDC Race & Ethnicity
 * code 2054-5 "Black or African American" selects the African American equations.
 * https://hl7.org/fhir/us/core/StructureDefinition-us-core-race.html
 */
export const US_CORE_RACE = {
  extensionUrl: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
  system: 'urn:oid:2.16.840.1.113883.6.238',
  africanAmerican: '2054-5',
  source: { label: 'US Core Race extension (CDC Race & Ethnicity codes)', url: 'https://hl7.org/fhir/us/core/StructureDefinition-us-core-race.html' },
} as const;
