/**
 * SNOMED CT concepts an EHR records as an AllergyIntolerance to say "none": they are not
 * allergies and must never be listed as one. Source: SNOMED CT International Edition; used this
 * way by the HL7 International Patient Summary (https://hl7.org/fhir/uv/ips/, ValueSet
 * absent-or-unknown-allergies-uv-ips) and US Core.
 */
export const NO_KNOWN_ALLERGY_CODES: ReadonlySet<string> = new Set([
  '716186003', // No known allergy
  '409137002', // No known drug allergy
  '429625007', // No known food allergy
  '428607008', // No known environmental allergy
  '428197003', // No known insect allergy
]);
