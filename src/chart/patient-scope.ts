import type { Reference } from 'fhir/r4';
import type { ChartResource } from './resource-shape';
import type { LocalReferences } from './reference';

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
 * True when `resource` is about the patient whose chart key is `patientRef` (`Patient/<id>`): the
 * Patient itself, or a resource whose subject/patient is `Patient/<id>`, `<fhirServer>/Patient/<id>`
 * (an absolute URL on another base is another system's patient, even with the same id), or a
 * `urn:uuid` whose `fullUrl` is that Patient — `references` resolves them so (see
 * resolveLocalReference). Medication (no subject) is never "about" a patient: the caller keeps
 * it only when a kept MedicationRequest points at it.
 */
export function isAboutPatient(resource: ChartResource, patientRef: string, references: LocalReferences): boolean {
  if (resource.resourceType === 'Patient') return resource.id !== undefined && `Patient/${resource.id}` === patientRef;
  const ref = patientReferenceOf(resource)?.reference;
  if (ref === undefined) return false;
  return references.resolve(ref) === patientRef;
}
