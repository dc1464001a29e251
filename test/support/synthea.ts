import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleEntry, FhirResource, Medication, Observation, Patient } from 'fhir/r4';
import { bundleResources } from '../../sandbox/fixtures/synthea-resources';
import type { SectionName } from '../../src/chart/chart-sections';
import { CHART_SECTIONS } from '../../src/chart/chart-sections';

// Bundle → stored resources lives with the sandbox EHR, which seeds its FHIR server the same way.
export { bundleResources };

/**
 * The Synthea patients in fixtures/synthea (see index.json and fixtures/SOURCES.md): transaction
 * Bundles whose entries have `urn:uuid` fullUrls and reference each other by `urn:uuid:…` (or, in
 * other Synthea exports, conditionally as `Practitioner?identifier=…`). These helpers turn a bundle
 * into what an EHR holds and sends: resources with `Type/id` references, and prefetch by section.
 */

export const SYNTHEA_FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures', 'synthea');

/** One patient of fixtures/synthea/index.json (the fields tests read; values computed from the bundle). */
export interface FixturePatient {
  file: string;
  patientId: string;
  name: string;
  sex: string;
  birthDate: string;
  resourceCount: number;
  tags: string[];
  activeConditions: { snomed: string; display: string }[];
  activeMedications: { rxnorm: string; display: string }[];
  allergies: { code: string; display: string; category: string[] }[];
  latestLabs: Record<string, { loinc: string; date: string; value: number; unit: string; count: number }>;
  resourceTypeCounts: Record<string, number>;
}

/** Every fixture patient, in index order. */
export function fixturePatients(): FixturePatient[] {
  const index = JSON.parse(readFileSync(join(SYNTHEA_FIXTURES_DIR, 'index.json'), 'utf8')) as { patients: FixturePatient[] };
  return index.patients;
}

/** The fixture patient whose file name starts with `prefix` (e.g. `Ali_Herman`). */
export function fixturePatient(prefix: string): FixturePatient {
  const found = fixturePatients().find((p) => p.file.startsWith(prefix));
  if (!found) throw new Error(`no fixture patient ${prefix}`);
  return found;
}

/** A fixture's transaction Bundle, as stored. */
export function loadFixtureBundle(file: string): Bundle<FhirResource> {
  return JSON.parse(readFileSync(join(SYNTHEA_FIXTURES_DIR, file), 'utf8')) as Bundle<FhirResource>;
}

/** The one Patient of a fixture bundle. */
export function bundlePatient(bundle: Bundle<FhirResource>): Patient {
  const patient = bundleResources(bundle).find((r): r is Patient => r.resourceType === 'Patient');
  if (!patient) throw new Error('bundle has no Patient');
  return patient;
}

function hasCategory(observation: Observation, code: string): boolean {
  return (observation.category ?? []).some((c) => (c.coding ?? []).some((coding) => coding.code === code));
}

/** What each advertised prefetch query (src/chart/section-queries.ts) matches among a patient's resources. */
function sectionMatches(section: Exclude<SectionName, 'patient'>, r: FhirResource): boolean {
  switch (section) {
    case 'conditions':
      return r.resourceType === 'Condition';
    case 'medications':
      return r.resourceType === 'MedicationRequest' && r.status === 'active';
    case 'allergies':
      return r.resourceType === 'AllergyIntolerance';
    case 'labs':
      return r.resourceType === 'Observation' && hasCategory(r, 'laboratory');
    case 'vitals':
      return r.resourceType === 'Observation' && hasCategory(r, 'vital-signs');
    case 'immunizations':
      return r.resourceType === 'Immunization';
    case 'procedures':
      return r.resourceType === 'Procedure';
    case 'encounters':
      return r.resourceType === 'Encounter';
    case 'socialHistory':
      return r.resourceType === 'Observation' && hasCategory(r, 'social-history');
    case 'surveys':
      return r.resourceType === 'Observation' && hasCategory(r, 'survey');
  }
}

/** Medications the matched requests reference (`_include=MedicationRequest:medication`). */
function includedMedications(matched: FhirResource[], all: FhirResource[]): Medication[] {
  const refs = new Set(matched.flatMap((r) => (r.resourceType === 'MedicationRequest' ? [r.medicationReference?.reference ?? ''] : [])));
  return all.filter((r): r is Medication => r.resourceType === 'Medication' && refs.has(`Medication/${r.id}`));
}

export interface PrefetchOptions {
  /** When given, entries get `fullUrl = {fhirBase}/Type/id`, as a FHIR server's searchset has them. */
  fhirBase?: string;
}

function searchset(match: FhirResource[], include: FhirResource[], options: PrefetchOptions): Bundle<FhirResource> {
  const entry = (resource: FhirResource, mode: 'match' | 'include'): BundleEntry<FhirResource> => ({
    ...(options.fhirBase !== undefined && { fullUrl: `${options.fhirBase}/${resource.resourceType}/${resource.id}` }),
    resource,
    search: { mode },
  });
  return { resourceType: 'Bundle', type: 'searchset', total: match.length, entry: [...match.map((r) => entry(r, 'match')), ...include.map((r) => entry(r, 'include'))] };
}

/** Prefetch keyed by section name, as discovery advertises it. */
export type SectionPrefetch = Record<SectionName, Patient | Bundle<FhirResource>>;

/**
 * The prefetch an EHR would send for this bundle's patient: per advertised section, the Patient
 * or a one-page searchset of what the section's query matches, references as `Type/id`.
 */
export function prefetchFromBundle(bundle: Bundle<FhirResource>, options: PrefetchOptions = {}): SectionPrefetch {
  const all = bundleResources(bundle);
  const patient = all.find((r): r is Patient => r.resourceType === 'Patient');
  if (!patient) throw new Error('bundle has no Patient');
  const prefetch: Partial<SectionPrefetch> = { patient };
  for (const section of CHART_SECTIONS) {
    if (section === 'patient') continue;
    const match = all.filter((r) => sectionMatches(section, r));
    prefetch[section] = searchset(match, includedMedications(match, all), options);
  }
  return prefetch as SectionPrefetch;
}
