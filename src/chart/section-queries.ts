import type { SectionName } from './chart-sections';

/**
 * One FHIR query per chart section, with CDS Hooks prefetch tokens. The same strings are the
 * discovery prefetch templates and, with the tokens filled, what the FHIR REST adapter asks for
 * when the EHR did not prefetch a section.
 *
 * Chosen to be accepted by Epic and Oracle Health: every search is by `patient=`; Observation
 * always carries `category` (Epic refuses Observation searches without `category` or `code`);
 * `_include=MedicationRequest:medication` brings the Medication resources Epic references. One
 * category per query (as labs and vitals), never a comma-joined list: Epic documents one Observation
 * search per category, and a refused one then fails only its own section. `social-history`
 * holds the US Core pregnancy status (LOINC 82810-3) and smoking status; `survey` is where Synthea
 * (and screening questionnaires) file tobacco smoking status (LOINC 72166-2).
 * Servers ignore search parameters they do not support (FHIR R4 search, "lenient" handling).
 * Paged searches ask for `_count=1000`, so a hook needs few round trips inside its deadline. `_count`
 * is a request, not a demand: "the server is not bound to return the number requested" (FHIR R4
 * search), and servers cap it at their own page size (Oracle Health: up to 200 Observations a page
 * on Millennium, up to 1000 of any resource on its newer R4 API, the applied maximum written into
 * `link[self]`); `next` links bring the rest. Only the searches that already paged by `_count` carry it.
 * https://cds-hooks.hl7.org/2.0/#prefetch-template
 * https://hl7.org/fhir/R4/search.html#count
 * https://docs.oracle.com/en/industries/health/millennium-platform-apis/mfrap/op-observation-get.html
 */
export const SECTION_QUERIES: Record<SectionName, string> = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  medications: 'MedicationRequest?patient={{context.patientId}}&status=active&_include=MedicationRequest:medication',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}',
  labs: 'Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=1000',
  vitals: 'Observation?patient={{context.patientId}}&category=vital-signs&_sort=-date&_count=1000',
  immunizations: 'Immunization?patient={{context.patientId}}',
  procedures: 'Procedure?patient={{context.patientId}}',
  encounters: 'Encounter?patient={{context.patientId}}&_sort=-date&_count=1000',
  socialHistory: 'Observation?patient={{context.patientId}}&category=social-history&_sort=-date&_count=1000',
  surveys: 'Observation?patient={{context.patientId}}&category=survey&_sort=-date&_count=1000',
};

/** Resource types a section may legitimately hold; anything else in its bundle is skipped. */
export const SECTION_TYPES: Record<SectionName, readonly string[]> = {
  patient: ['Patient'],
  conditions: ['Condition'],
  medications: ['MedicationRequest', 'Medication'],
  allergies: ['AllergyIntolerance'],
  labs: ['Observation'],
  vitals: ['Observation'],
  immunizations: ['Immunization'],
  procedures: ['Procedure'],
  encounters: ['Encounter'],
  socialHistory: ['Observation'],
  surveys: ['Observation'],
};

/** Fills `{{context.patientId}}` for a FHIR REST call. The id is URL-encoded. */
export function fillSectionQuery(section: SectionName, patientId: string): string {
  return SECTION_QUERIES[section].replaceAll('{{context.patientId}}', encodeURIComponent(patientId));
}
