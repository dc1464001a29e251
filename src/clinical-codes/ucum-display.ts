/**
 * How a unit is shown to a clinician. FHIR quantities often carry the UCUM code as their `unit`
 * (Synthea does: "mL/min/{1.73_m2}", "10*3/uL", "Cel"); clinicians read "mL/min/1.73 m²", "10³/µL",
 * "°C". Source: UCUM (https://ucum.org/ucum), common-units table of the UCUM organisation.
 * The model verifier (issue 4) compares units through the same table, so a value stated as
 * "°C" still matches a resource that says "Cel".
 */
const UCUM_DISPLAY: Readonly<Record<string, string>> = {
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
  'mL/min/1.73m2': 'mL/min/1.73 m²',
  '10*3/uL': '10³/µL',
  '10*6/uL': '10⁶/µL',
  '10*9/L': '10⁹/L',
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  'kg/m2': 'kg/m²',
  '{beats}/min': '/min',
  '{breaths}/min': '/min',
  'umol/L': 'µmol/L',
  '[lb_av]': 'lb',
  'm[IU]/L': 'mIU/L',
  'u[IU]/mL': 'µIU/mL',
  '{INR}': '',
  '{ratio}': '',
  '{score}': '',
};

/** The unit as a clinician reads it; unknown units pass through unchanged. */
export function displayUnit(unit: string | undefined): string {
  if (unit === undefined) return '';
  return UCUM_DISPLAY[unit] ?? unit;
}
