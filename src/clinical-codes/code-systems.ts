/**
 * Canonical code system URIs, as FHIR R4 names them.
 * https://hl7.org/fhir/R4/terminologies-systems.html
 */
export const LOINC = 'http://loinc.org';
export const SNOMED_CT = 'http://snomed.info/sct';
/** ICD-10-CM (US clinical modification) and WHO ICD-10: both are matched by code prefix. */
export const ICD10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
