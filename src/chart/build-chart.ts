import type { FhirResource, Medication, MedicationRequest, Patient } from 'fhir/r4';
import type { Result } from '../result';
import { err, ok } from '../result';
import { Chart } from './chart';
import type { SectionInput, SectionName, SectionStatus } from './chart-sections';
import { CHART_SECTIONS } from './chart-sections';
import type { BuiltChart, ChartLoadError, SectionCount, SkipCounts } from './chart-load-result';
import { totalSkipped } from './chart-load-result';
import type { Candidates } from './collect-candidates';
import { collectCandidates } from './collect-candidates';
import { linkMedications } from './link-medications';
import { isAboutPatient } from './patient-scope';

/**
 * Normalises raw section data into a `Chart`: pure, no I/O, the same input always gives the same
 * chart. Used by `loadChart` after fetching, and directly wherever section data is already at hand
 * (tests, the app, a file source).
 */

interface Scoped {
  kept: Map<string, FhirResource>;
  requests: MedicationRequest[];
  medicationPool: Map<string, Medication>;
  perSection: Map<SectionName, number>;
}

/** Second pass: keep what is provably about the patient, once per `Type/id`; pool the Medications. */
function scopeToPatient(candidates: Candidates, patientId: string, skips: SkipCounts, fhirServer: string | undefined): Scoped {
  const scoped: Scoped = { kept: new Map(), requests: [], medicationPool: new Map(), perSection: new Map() };
  for (const { resource, section } of candidates.list) {
    const key = `${resource.resourceType}/${resource.id ?? ''}`;
    if (resource.resourceType === 'Patient') continue;
    if (resource.resourceType === 'Medication') {
      if (!scoped.medicationPool.has(key)) scoped.medicationPool.set(key, resource);
      continue;
    }
    if (!isAboutPatient(resource, patientId, candidates.fullUrls, fhirServer)) {
      skips.otherPatient++;
      continue;
    }
    if (scoped.kept.has(key)) continue;
    scoped.kept.set(key, resource);
    scoped.perSection.set(section, (scoped.perSection.get(section) ?? 0) + 1);
    if (resource.resourceType === 'MedicationRequest') scoped.requests.push(resource);
  }
  return scoped;
}

/** The open patient from the patient section, or why there is none. */
function pickPatient(candidates: Candidates, patientId: string, sections: readonly SectionStatus[]): Result<Patient, ChartLoadError> {
  const source = sections.find((s) => s.section === 'patient')?.source;
  if (candidates.patientIds.some((id) => id !== patientId)) {
    return err({
      kind: 'patient-mismatch',
      reason: 'the Patient provided is not context.patientId',
      field: source === 'fhir' ? 'fhirServer' : 'prefetch.patient',
      source: source === 'fhir' ? 'fhir' : 'prefetch',
    });
  }
  for (const { resource, section } of candidates.list) {
    if (section === 'patient' && resource.resourceType === 'Patient' && resource.id === patientId) return ok(resource);
  }
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
  const candidates = collectCandidates(sections);
  const patient = pickPatient(candidates, patientId, statuses);
  if (!patient.ok) return patient;
  const skips = candidates.skips;
  for (const [why, n] of Object.entries(options.skips ?? {}) as [keyof SkipCounts, number | undefined][]) skips[why] += n ?? 0;
  const scoped = scopeToPatient(candidates, patientId, skips, options.fhirServer);
  const linked = linkMedications(scoped.requests, scoped.medicationPool, candidates.fullUrls);
  skips.unreferencedMedications += linked.unreferenced;
  scoped.perSection.set('medications', (scoped.perSection.get('medications') ?? 0) + linked.medications.length);
  const skipped = totalSkipped(skips);
  const chart = new Chart(
    { patient: patient.value, resources: [...scoped.kept.values(), ...linked.medications], sections: statuses, skipped, containedIn: linked.containedIn },
    linked.resolved,
  );
  return ok({ chart, stats: { sections: sectionCounts(statuses, scoped.perSection), resources: chart.size, skipped, skips } });
}
