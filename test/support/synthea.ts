import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleEntry, FhirResource, Identifier, Medication, Observation, Patient } from 'fhir/r4';
import type { SectionName } from '../../src/chart/chart-sections';
import { CHART_SECTIONS } from '../../src/chart/chart-sections';

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

function identifierMatches(identifiers: Identifier[] | undefined, query: string): boolean {
  const params = new URLSearchParams(query);
  const wanted = params.get('identifier');
  if (wanted === null) return false;
  const bar = wanted.indexOf('|');
  const [system, value] = bar < 0 ? [undefined, wanted] : [wanted.slice(0, bar), wanted.slice(bar + 1)];
  return (identifiers ?? []).some((i) => i.value === value && (system === undefined || i.system === system));
}

/** `Type/id` for a bundle-internal reference (`urn:uuid:…` by fullUrl, `Type?identifier=…` by identifier). */
function referenceResolver(bundle: Bundle<FhirResource>): (ref: string) => string | undefined {
  const byFullUrl = new Map<string, string>();
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource?.id ? [e.resource] : []));
  for (const e of bundle.entry ?? []) if (e.fullUrl && e.resource?.id) byFullUrl.set(e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`);
  return (ref) => {
    const known = byFullUrl.get(ref);
    if (known !== undefined) return known;
    const conditional = /^([A-Z][A-Za-z]+)\?(.+)$/.exec(ref);
    if (!conditional) return undefined;
    const [, type, query] = conditional;
    const match = resources.find(
      (r) => r.resourceType === type && 'identifier' in r && identifierMatches(r.identifier as Identifier[] | undefined, query ?? ''),
    );
    return match ? `${match.resourceType}/${match.id}` : undefined;
  };
}

/** A deep copy of `value` with every bundle-internal `reference` rewritten by `resolve`. */
function rewriteReferences<T>(value: T, resolve: (ref: string) => string | undefined): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteReferences(v, resolve)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'reference' && typeof v === 'string' ? (resolve(v) ?? v) : rewriteReferences(v, resolve);
  }
  return out as T;
}

/** Every resource of the bundle, ids kept, references rewritten to `Type/id`: what a FHIR server holds after the transaction. */
export function bundleResources(bundle: Bundle<FhirResource>): FhirResource[] {
  const resolve = referenceResolver(bundle);
  return (bundle.entry ?? []).flatMap((e) => (e.resource?.id ? [rewriteReferences(e.resource, resolve)] : []));
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
