import { ICD10, ICD10_CM, LOINC, SNOMED_CT } from '../../clinical-codes/code-systems';

// How care-gap tables name codes: one list per code system, so a row reads like the value set it
// was copied from. EHRs code the same service in several systems (Synthea: SNOMED CT procedures
// and LOINC labs; US claims-derived data: CPT and HCPCS; immunizations: CVX).

/** CPT (AMA), as US Core and the eCQMs name it. https://hl7.org/fhir/R4/cpt.html */
export const CPT = 'http://www.ama-assn.org/go/cpt';
/** HCPCS Level II. https://terminology.hl7.org/CodeSystem-HCPCS-all-codes.html */
export const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
/** HCPCS by its OID, as some EHRs send it. */
export const HCPCS_OID = 'urn:oid:2.16.840.1.113883.6.285';
/** CDC vaccine codes. https://hl7.org/fhir/R4/cvx.html */
export const CVX = 'http://hl7.org/fhir/sid/cvx';

/** Codes that mean one thing (a test, a procedure, a diagnosis), by code system. */
export interface CodeSet {
  snomed?: readonly string[];
  loinc?: readonly string[];
  cpt?: readonly string[];
  hcpcs?: readonly string[];
  cvx?: readonly string[];
  /** ICD-10-CM / ICD-10 codes or category prefixes ("E11" matches "E11.9"); dots are ignored. */
  icd10?: readonly string[];
}

/**
 * Codes of a test, procedure or vaccine: exact codes only. ICD-10 names diagnoses and is matched
 * by prefix on Conditions, never on dated events.
 */
export type EventCodeSet = Omit<CodeSet, 'icd10'>;

/** The systems each CodeSet list is matched against. */
export const CODE_SET_SYSTEMS: Readonly<Record<Exclude<keyof CodeSet, 'icd10'>, readonly string[]>> = {
  snomed: [SNOMED_CT],
  loinc: [LOINC],
  cpt: [CPT],
  hcpcs: [HCPCS, HCPCS_OID],
  cvx: [CVX],
};

export const ICD10_SYSTEMS: readonly string[] = [ICD10_CM, ICD10];

/** What a care-gap suggestion orders: one coding, and what the clinician reads on the draft. */
interface OrderCoding {
  system: string;
  code: string;
  display: string;
  /** `code.text` (`medicationCodeableConcept.text`): what the clinician reads on the draft order. */
  text: string;
}

/** A test, procedure or vaccine: drafted as a ServiceRequest. */
export interface ServiceOrderCode extends OrderCoding {
  kind?: undefined;
}

/** A drug (RxNorm SCD): drafted as a MedicationRequest with its dosage instruction. */
export interface MedicationOrderCode extends OrderCoding {
  kind: 'medication';
  /** `dosageInstruction[0].text`. */
  dosage: string;
}

export type OrderCode = ServiceOrderCode | MedicationOrderCode;
