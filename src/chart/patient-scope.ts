import type { Reference } from 'fhir/r4';
import type { ChartResource } from './resource-shape';
import type { FullUrlIndex } from './reference';
import { resolveLocalReference } from './reference';

/**
 * Which patient a resource is about. Wrong-patient data is the worst failure a CDS service can
 * have, so a resource is kept only when its own patient field provably points at the open
 * patient; a missing or unresolvable reference counts as "another patient", never as "this one".
 */

/** The field that names the patient, per type (`subject` or `patient`); Medication has none. */
export function patientReferenceOf(resource: ChartResource): Reference | undefined {
  switch (resource.resourceType) {
    case 'Condition':
    case 'MedicationRequest':
    case 'Observation':
    case 'Procedure':
    case 'Encounter':
    case 'DiagnosticReport':
      return resource.subject;
    case 'AllergyIntolerance':
    case 'Immunization':
      return resource.patient;
    case 'Patient':
    case 'Medication':
      return undefined;
  }
}

/**
 * True when `resource` is about `Patient/<patientId>`: the Patient itself by id, or a resource whose
 * subject/patient is `Patient/<id>`, `<fhirServer>/Patient/<id>` (an absolute URL on another base is
 * another system's patient, even with the same id), or a `urn:uuid` whose `fullUrl` is that
 * Patient. Medication (no subject) is never "about" a patient: the caller keeps
 * it only when a kept MedicationRequest points at it.
 */
export function isAboutPatient(resource: ChartResource, patientId: string, fullUrls: FullUrlIndex, fhirServer?: string): boolean {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const ref = patientReferenceOf(resource)?.reference;
  if (ref === undefined) return false;
  return resolveLocalReference(ref, fullUrls, fhirServer) === `Patient/${patientId}`;
}
