import type { Result } from '../result';
import { err, ok } from '../result';
import type { Chart } from './chart';
import type { SectionInput, SectionName } from './chart-sections';
import { CHART_SECTIONS } from './chart-sections';
import type { ChartLoadError, LoadedChart } from './chart-load-result';
import type { ChartSource, MedicationReads, RemoteChartSource, SectionData, SectionFailure } from './chart-source';
import type { BuildChartOptions } from './build-chart';
import { buildChart } from './build-chart';
import type { ExtraPrefetch } from './extra-prefetch';
import { sortExtraPrefetch } from './extra-prefetch';
import { isRecord } from './json-shape';

/**
 * Loads the open patient's chart for a hook or the app: prefetch first, then the FHIR server for
 * what prefetch lacks (a key missing, or an OperationOutcome), then `buildChart`. Sections are
 * fetched in parallel; one failing section is marked and the rest still load. Only the sections
 * the caller declares are read (minimum necessary), and a prefetched one is never re-read. Never throws.
 * Depends on the source ports only (chart-source.ts); chart-loader.ts plugs in the adapters.
 * https://cds-hooks.hl7.org/2.0/#prefetch-template
 * https://cds-hooks.hl7.org/2.0/#fhir-resource-access
 */

export interface ChartRequest {
  /** `context.patientId`: the only patient whose data may enter the chart. */
  patientId: string;
  /** The request's `prefetch`, as received (untrusted JSON). */
  prefetch?: Readonly<Record<string, unknown>>;
  /** The EHR's FHIR base URL: references with this base count as local. */
  fhirServer?: string;
  /**
   * The sections the caller uses (the hook's declared list); the Patient is always read. Only these
   * are taken from prefetch or read from the FHIR server: minimum necessary. Default: all of them.
   */
  sections?: readonly SectionName[];
}

/** Where the sections come from: the request's prefetch, and the FHIR server when there is one. */
export interface ChartSources {
  prefetch: ChartSource;
  /** Absent: no fhirServer. A failure: a fhirServer that cannot be used (every fetch fails with it). */
  remote?: Result<RemoteChartSource, SectionFailure>;
}

type RestSource = Result<RemoteChartSource, SectionFailure> | undefined;

interface LoadContext {
  patientId: string;
  prefetch: ChartSource;
  extras: ExtraPrefetch;
  rest: RestSource;
}

const FROM_OTHER_KEYS = 'only resources from other prefetch keys';

function complete(section: SectionName, source: 'prefetch' | 'fhir', data: Omit<SectionData, 'next'>): SectionInput {
  const input: SectionInput = { section, state: 'complete', source, documents: data.documents };
  if (data.truncated) input.truncated = true;
  if (data.reason !== undefined) input.reason = data.reason;
  return input;
}

function unavailable(section: SectionName, state: 'missing' | 'failed', source: SectionInput['source'], reason: string): SectionInput {
  return { section, state, source, reason, documents: [] };
}

/**
 * A section whose own key gave nothing but other prefetch keys held resources of its type: used,
 * marked truncated (whatever query produced them is unknown, so no claim of absence may rest on it).
 */
function fromOtherKeys(section: SectionName, extra: unknown, why: string | undefined): SectionInput {
  return complete(section, 'prefetch', { documents: [extra], truncated: true, reason: why === undefined ? FROM_OTHER_KEYS : `${why}; ${FROM_OTHER_KEYS}` });
}

/** A prefetched section; a paged prefetch is continued on the FHIR server (its own origin and base only). */
async function continuePrefetch(ctx: LoadContext, section: SectionName, data: SectionData): Promise<SectionInput> {
  if (data.next === undefined) return complete(section, 'prefetch', data);
  if (!ctx.rest?.ok) {
    return complete(section, 'prefetch', { documents: data.documents, truncated: true, reason: 'prefetch is paged and no usable fhirServer to read the rest' });
  }
  const run = await ctx.rest.value.followPages(section, data.next, 1);
  return complete(section, 'prefetch', { documents: [...data.documents, ...run.documents], truncated: run.truncated, ...(run.reason !== undefined && { reason: run.reason }) });
}

/** A section prefetch did not give: read from the FHIR server, merged with other keys' resources of its type. */
async function fetchSection(ctx: LoadContext, section: SectionName, prefetchFailure: SectionFailure): Promise<SectionInput> {
  const extra = ctx.extras.bySection.get(section);
  if (section === 'patient' && extra !== undefined) return complete(section, 'prefetch', { documents: [extra], truncated: false });
  if (ctx.rest === undefined) {
    if (extra !== undefined) return fromOtherKeys(section, extra, undefined);
    return prefetchFailure.kind === 'not-provided'
      ? unavailable(section, 'missing', 'none', 'not prefetched and no fhirServer')
      : unavailable(section, 'failed', 'prefetch', prefetchFailure.reason);
  }
  if (!ctx.rest.ok) {
    return extra !== undefined ? fromOtherKeys(section, extra, ctx.rest.error.reason) : unavailable(section, 'failed', 'none', ctx.rest.error.reason);
  }
  const fetched = await ctx.rest.value.fetchSection(section, ctx.patientId);
  if (!fetched.ok) {
    return extra !== undefined ? fromOtherKeys(section, extra, fetched.error.reason) : unavailable(section, 'failed', 'fhir', fetched.error.reason);
  }
  const documents = extra === undefined ? fetched.value.documents : [...fetched.value.documents, extra];
  return complete(section, 'fhir', { ...fetched.value, documents });
}

async function loadSection(ctx: LoadContext, section: SectionName): Promise<SectionInput> {
  const prefetched = await ctx.prefetch.fetchSection(section, ctx.patientId);
  // The advertised key, when usable, is authoritative: other keys' resources of this section are not mixed in.
  return prefetched.ok ? continuePrefetch(ctx, section, prefetched.value) : fetchSection(ctx, section, prefetched.error);
}

/**
 * A Patient of another id under an unadvertised key that would stand in for `prefetch.patient`:
 * refused, naming the key, exactly as a wrong `prefetch.patient` is.
 */
async function otherKeyPatientMismatch(ctx: LoadContext): Promise<ChartLoadError | undefined> {
  if ((await ctx.prefetch.fetchSection('patient', ctx.patientId)).ok) return undefined;
  const other = ctx.extras.patients.find((p) => p.id !== ctx.patientId);
  if (other === undefined) return undefined;
  return { kind: 'patient-mismatch', reason: 'the Patient provided is not context.patientId', field: `prefetch.${other.key}`, source: 'prefetch' };
}

/** `medicationReference`s that no bundled or contained Medication resolved: worth reading from the FHIR server. */
function unresolvedMedicationRefs(chart: Chart): string[] {
  const refs = chart.medications.flatMap((m) => (m.resolved ? [] : [m.request.medicationReference?.reference ?? '']));
  return [...new Set(refs.filter((r) => r !== ''))];
}

/** The medications section with the Medications read; references left unread mark it truncated. */
function withMedications(section: SectionInput, read: MedicationReads): SectionInput {
  const updated: SectionInput = { ...section, documents: [...section.documents, ...read.resources] };
  if (read.unread > 0) {
    // A drug the chart cannot name is one no check may call absent.
    const why = `${read.unread} referenced Medication${read.unread === 1 ? '' : 's'} could not be read: ${read.reason ?? 'unknown reason'}`;
    updated.truncated = true;
    updated.reason = section.reason === undefined ? why : `${section.reason}; ${why}`;
  }
  return updated;
}

/**
 * The medications section, with the Medications its requests reference but no bundle held read
 * from the FHIR server (servers that ignore `_include`). Runs as soon as the Patient and the
 * medications are in, alongside the other sections' paging, so both fit in the hook's deadline;
 * which references are unresolved is what `buildChart` says of those two sections alone.
 */
async function withMissingMedications(ctx: LoadContext, rest: RemoteChartSource, loads: { patient: Promise<SectionInput>; medications: Promise<SectionInput> }, options: BuildChartOptions): Promise<SectionInput> {
  const [patient, section] = await Promise.all([loads.patient, loads.medications]);
  if (section.state !== 'complete') return section;
  const partial = buildChart(ctx.patientId, [patient, section], options);
  if (!partial.ok) return section; // the whole chart's build says why
  const refs = unresolvedMedicationRefs(partial.value.chart);
  if (refs.length === 0) return section;
  return withMedications(section, await rest.readMedications(refs));
}

/** The sections to load, in CHART_SECTIONS order, the Patient always among them. */
function sectionsToLoad(wanted: readonly SectionName[] | undefined): SectionName[] {
  if (wanted === undefined) return [...CHART_SECTIONS];
  return CHART_SECTIONS.filter((s) => s === 'patient' || wanted.includes(s));
}

async function load(request: ChartRequest, sources: ChartSources): Promise<Result<LoadedChart, ChartLoadError>> {
  const prefetch = isRecord(request.prefetch) ? request.prefetch : {};
  const ctx: LoadContext = { patientId: request.patientId, prefetch: sources.prefetch, extras: sortExtraPrefetch(prefetch), rest: sources.remote };
  const mismatch = await otherKeyPatientMismatch(ctx);
  if (mismatch) return err(mismatch);
  const chartOptions: BuildChartOptions = { skips: ctx.extras.skips, ...(request.fhirServer !== undefined && { fhirServer: request.fhirServer }) };
  const loads = new Map(sectionsToLoad(request.sections).map((section) => [section, loadSection(ctx, section)] as const));
  const patient = loads.get('patient');
  const medications = loads.get('medications');
  if (ctx.rest?.ok && patient !== undefined && medications !== undefined) {
    loads.set('medications', withMissingMedications(ctx, ctx.rest.value, { patient, medications }, chartOptions));
  }
  const inputs = await Promise.all(loads.values());
  const built = buildChart(request.patientId, inputs, chartOptions);
  if (!built.ok) return built;
  const counters = ctx.rest?.ok ? ctx.rest.value.counters : { requests: 0, errors: 0 };
  return ok({ chart: built.value.chart, stats: { ...built.value.stats, fhirRequests: counters.requests, fetchErrors: counters.errors } });
}

/**
 * The chart of `request.patientId` from `sources`, or why there is none: `patient-unavailable`
 * when the Patient could be read neither from prefetch nor from the FHIR server, `patient-mismatch`
 * when a Patient of another id was provided. Every other problem is marked on its section or
 * counted as skipped.
 */
export async function loadChartFrom(request: ChartRequest, sources: ChartSources): Promise<Result<LoadedChart, ChartLoadError>> {
  try {
    return await load(request, sources);
  } catch {
    // Defensive: every step returns typed failures; a hook must still get an answer (412), not a 500.
    return err({ kind: 'patient-unavailable', reason: 'the chart could not be loaded', sections: [] });
  }
}
