import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, FhirResource, Patient } from 'fhir/r4';
import { SYNTHEA_BULK_DIR } from '../../sandbox/paths';

/**
 * The bulk-export patients of fixtures/synthea-bulk (newer Synthea: social findings such as
 * "Full-time employment" recorded as Conditions, a tree-nut anaphylaxis), each as one Bundle of
 * its resources, as the sandbox EHR seeds them. References are already `Type/id`.
 */
export interface BulkPatient {
  patientId: string;
  bundle: Bundle<FhirResource>;
}

function patientIdOf(r: FhirResource): string | undefined {
  const ref = ('subject' in r && r.subject && 'reference' in r.subject ? r.subject.reference : undefined) ?? ('patient' in r && r.patient && 'reference' in r.patient ? r.patient.reference : undefined);
  return typeof ref === 'string' && ref.startsWith('Patient/') ? ref.slice('Patient/'.length) : undefined;
}

/** Every bulk-export patient, in file order. */
export function bulkPatients(): BulkPatient[] {
  const all = readdirSync(SYNTHEA_BULK_DIR)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .flatMap((f) => readFileSync(join(SYNTHEA_BULK_DIR, f), 'utf8').split('\n').filter((line) => line.trim() !== ''))
    .map((line) => JSON.parse(line) as FhirResource);
  return all
    .filter((r): r is Patient & { id: string } => r.resourceType === 'Patient' && r.id !== undefined)
    .map((p) => {
      const own = [p, ...all.filter((r) => r.resourceType !== 'Patient' && patientIdOf(r) === p.id)];
      return { patientId: p.id, bundle: { resourceType: 'Bundle', type: 'collection', entry: own.map((resource) => ({ resource })) } };
    });
}
