/**
 * Procedures too routine to list among a patient's notable procedures: documentation, medication
 * reconciliation, questionnaires and screenings done at every visit. Listing them would push the
 * surgery, the cardioversion or the chemotherapy out of a short brief. They stay in the chart (and
 * the app's source view); the brief only does not name them. Matched by SNOMED CT concept id
 * (SNOMED CT International Edition, https://browser.ihtsdotools.org); several are the ones
 * Synthea's wellness-encounter modules record at each visit.
 */
export const ROUTINE_PROCEDURE_CODES: ReadonlySet<string> = new Set([
  '428191000124101', // Documentation of current medications
  '430193006', // Medication reconciliation
  '415300000', // Review of systems
  '162676008', // Brief general examination
  '710824005', // Assessment of health and social care needs
  '171207006', // Depression screening
  '454711000124102', // Depression screening using Patient Health Questionnaire Two-Item score
  '715252007', // Depression screening using Patient Health Questionnaire Nine Item score
  '428211000124100', // Assessment of substance use
  '713106006', // Screening for drug abuse
  '866148006', // Screening for domestic abuse
  '710841007', // Assessment of anxiety
]);
