/**
 * How the brief names an Encounter's `class` (HL7 v3 ActCode, the R4 extensible value set
 * https://hl7.org/fhir/R4/v3/ActEncounterCode/vs.html): "ambulatory", "emergency", "inpatient".
 */
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

export const ENCOUNTER_CLASS_LABELS: Readonly<Record<string, string>> = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  FLD: 'field',
  HH: 'home health',
  IMP: 'inpatient',
  ACUTE: 'inpatient acute',
  NONAC: 'inpatient non-acute',
  OBSENC: 'observation',
  PRENC: 'pre-admission',
  SS: 'short stay',
  VR: 'virtual',
};
