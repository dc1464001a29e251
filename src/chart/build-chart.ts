import type { Medication, MedicationRequest, Patient } from 'fhir/r4';
import type { Result } from '../result';
import { err, ok } from '../result';
import { Chart } from './chart';
import type { SectionInput, SectionName, SectionStatus } from './chart-sections';
import { CHART_SECTIONS } from './chart-sections';
import type { BuiltChart, ChartLoadError, SectionCount, SkipCounts } from './chart-load-result';
import { emptySkipCounts, totalSkipped } from './chart-load-result';
import { collectCandidates } from './collect-candidates';
import { linkMedications } from './link-medications';
import { isAboutPatient } from './patient-scope';
import { FullUrlIndex, LocalReferences } from './reference';
import { ResourceIndex } from './resource-index';
import type { ChartResource } from './resource-shape';

/**
 * Normalises raw section data into a `Chart`: pure, no I/O, the same input always gives the same
 * chart. Used by `loadChart` after fetching, and directly wherever section data is already at hand
 * (tests, the app, a file source).
 */

/**
 * What is kept of the candidates, as they arrive: what is provably about the patient, once per
 * `Type/id` (the first wins), in the index the Chart will hold; the Medications pooled for
 * linking; the open Patient.
 */
class PatientScope {
  readonly kept = new ResourceIndex();
  readonly requests: MedicationRequest[] = [];
  readonly medicationPool = new Map<string, Medication>();
  readonly perSection = new Map<SectionName, number>();
  patient: Patient | undefined;
  private readonly patientRef: string;

  constructor(
    private readonly patientId: string,
    private readonly references: LocalReferences,
    private readonly skips: SkipCounts,
  ) {
    this.patientRef = `Patient/${patientId}`;
  }

  add(resource: ChartResource, section: SectionName): void {
    if (resource.resourceType === 'Patient') {
      if (section === 'patient' && this.patient === undefined && resource.id === this.patientId) this.patient = resource;
      return;
    }
    if (resource.resourceType === 'Medication') {
      const key = `Medication/${resource.id ?? ''}`;
      if (!this.medicationPool.has(key)) this.medicationPool.set(key, resource);
      return;
    }
    if (!isAboutPatient(resource, this.patientRef, this.references)) {
      this.skips.otherPatient++;
      return;
    }
    if (!this.kept.addNew(resource, resource.id ?? '')) return;
    this.perSection.set(section, (this.perSection.get(section) ?? 0) + 1);
    if (resource.resourceType === 'MedicationRequest') this.requests.push(resource);
  }
}

interface SectionsRead {
  scope: PatientScope;
  /** Ids of every Patient in the patient section (see collectCandidates). */
  patientIds: string[];
  fullUrls: FullUrlIndex;
  skips: SkipCounts;
}

/** One pass over every entry: validated, indexed by `fullUrl`, scoped to the patient. */
function readSections(patientId: string, sections: readonly SectionInput[], fhirServer: string | undefined, fullUrls: FullUrlIndex): SectionsRead {
  const skips = emptySkipCounts();
  const scope = new PatientScope(patientId, new LocalReferences(fullUrls, fhirServer), skips);
  const patientIds = collectCandidates(sections, fullUrls, skips, (resource, section) => scope.add(resource, section));
  return { scope, patientIds, fullUrls, skips };
}

/** The open patient from the patient section, or why there is none. */
function pickPatient(read: SectionsRead, patientId: string, sections: readonly SectionStatus[]): Result<Patient, ChartLoadError> {
  const source = sections.find((s) => s.section === 'patient')?.source;
  if (read.patientIds.some((id) => id !== patientId)) {
    return err({
      kind: 'patient-mismatch',
      reason: 'the Patient provided is not context.patientId',
      field: source === 'fhir' ? 'fhirServer' : 'prefetch.patient',
      source: source === 'fhir' ? 'fhir' : 'prefetch',
    });
  }
  if (read.scope.patient) return ok(read.scope.patient);
  return err({ kind: 'patient-unavailable', reason: 'the Patient could not be read', sections: [...sections] });
}

/** Every section's status, in CHART_SECTIONS order; a section not given is `missing`. */
function sectionStatuses(sections: readonly SectionInput[]): SectionStatus[] {
  return CHART_SECTIONS.map((name): SectionStatus => {
    const input = sections.find((s) => s.section === name);
    if (!input) return { section: name, state: 'missing', source: 'none', reason: 'not provided' };
    const { documents: _documents, ...status } = input;
    return status;
  });
}

function sectionCounts(statuses: readonly SectionStatus[], perSection: ReadonlyMap<SectionName, number>): SectionCount[] {
  return statuses.map((s) => ({
    section: s.section,
    state: s.state,
    source: s.source,
    resources: perSection.get(s.section) ?? (s.section === 'patient' && s.state === 'complete' ? 1 : 0),
    truncated: s.truncated === true,
  }));
}

export interface BuildChartOptions {
  /** Entries already left out before the sections were assembled (e.g. unsortable extra prefetch keys), added to the counts. */
  skips?: Partial<SkipCounts>;
  /** The request's FHIR server: the only base an absolute patient reference may have (see isAboutPatient). */
  fhirServer?: string;
}

/**
 * Builds the chart of `Patient/<patientId>` from raw section data. Fails only for the patient:
 * `patient-mismatch` when the patient section holds a Patient of another id, `patient-unavailable`
 * when it holds none. Every other problem (garbage entries, wrong types, other patients' data,
 * unresolvable medications) is skipped and counted, never fatal.
 */
export function buildChart(
  patientId: string,
  sections: readonly SectionInput[],
  options: BuildChartOptions = {},
): Result<BuiltChart, ChartLoadError> {
  const statuses = sectionStatuses(sections);
  const first = readSections(patientId, sections, options.fhirServer, new FullUrlIndex());
  // Entries are scoped while the fullUrl index still grows. If a later entry gave (or made
  // ambiguous) a `urn:` fullUrl already asked about, read again against the whole index: the
  // chart is then exactly as if the index had been complete from the start. Rare in practice:
  // the patient section, where `urn:` subjects point, is read first.
  const read = first.fullUrls.answeredEarly ? readSections(patientId, sections, options.fhirServer, first.fullUrls) : first;
  const patient = pickPatient(read, patientId, statuses);
  if (!patient.ok) return patient;
  const { scope, skips } = read;
  for (const [why, n] of Object.entries(options.skips ?? {}) as [keyof SkipCounts, number | undefined][]) skips[why] += n ?? 0;
  const linked = linkMedications(scope.requests, scope.medicationPool, read.fullUrls);
  skips.unreferencedMedications += linked.unreferenced;
  scope.perSection.set('medications', (scope.perSection.get('medications') ?? 0) + linked.medications.length);
  const skipped = totalSkipped(skips);
  for (const medication of linked.medications) scope.kept.set(medication, medication.id ?? '');
  const chart = new Chart({ patient: patient.value, resources: scope.kept, sections: statuses, skipped, containedIn: linked.containedIn }, linked.resolved);
  return ok({ chart, stats: { sections: sectionCounts(statuses, scope.perSection), resources: chart.size, skipped, skips } });
}
