import type { Deadline } from '../deadline';
import { within } from '../deadline';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { SectionName } from './chart-sections';
import type { MedicationReads, PageRun, RemoteChartSource, SectionData, SectionFailure, SectionFailureKind, SectionResult } from './chart-source';
import { nextLink } from './bundle-entries';
import type { FhirGetFailure } from './fhir-http';
import { getFhirJson } from './fhir-http';
import { onServer, parseFhirBase, resolveWithinBase } from './fhir-url';
import { isRecord } from './json-shape';
import { parseReference } from './reference';
import { fillSectionQuery } from './section-queries';

/**
 * The FHIR REST API as a chart source: `GET {fhirServer}/{section query}` with the EHR's bearer
 * token, following `next` pages within bounds and only on the FHIR server (see fhir-url.ts), and
 * within the hook's deadline: each request waits at most the time left, and none is sent after it.
 * One instance per chart load: it counts its requests and failures for the load's stats.
 */

/** Bounds on what one chart load may ask of the FHIR server. */
export interface FhirRestLimits {
  /**
   * Per request, body included. 4000 ms by default: the CDS Hooks spec expects prefetch-like work
   * in about 500 ms and EHRs drop slow services, so a stuck server must not hold the hook long.
   */
  timeoutMs: number;
  /**
   * Pages read per section, the first included (5 by default). The section queries ask for large
   * pages (`_count=1000`), so this bounds a server that pages small or links `next` forever.
   */
  maxPages: number;
  /** Medications read per chart for `medicationReference`s not in the bundles (20 by default), in one search when the server allows. */
  maxMedicationReads: number;
  /** Largest response body read (20 MiB by default). */
  maxResponseBytes: number;
}

export const DEFAULT_FHIR_LIMITS: Readonly<FhirRestLimits> = {
  timeoutMs: 4000,
  maxPages: 5,
  maxMedicationReads: 20,
  maxResponseBytes: 20 * 1024 * 1024,
};

/** One failed or refused FHIR request, for metrics (no URL, no token, no PHI). */
export interface FetchErrorEvent {
  section: SectionName;
  kind: SectionFailureKind;
  status?: number;
}

export interface FhirRestOptions {
  fhirServer: string;
  accessToken?: string;
  limits?: Partial<FhirRestLimits>;
  /** Called for each failed or refused request, e.g. to count FHIR fetch errors in prom-client. */
  onFetchError?: (event: FetchErrorEvent) => void;
  /** The hook's deadline: each request's timeout is min(timeoutMs, time left); none is sent once it has passed. */
  deadline?: Deadline;
}

/** Why a request was not sent or not awaited: the hook's deadline (fixed phrases, shown on the brief card). */
const DEADLINE_BEFORE_REQUEST = 'hook deadline reached before the FHIR request';
const DEADLINE_BEFORE_ANSWER = 'hook deadline reached before the FHIR server answered';

/** A FHIR logical id (R4 `id` datatype): only these go into a comma-separated `_id` search. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** One Medication to read: its URL on the server, and its id when `Medication?_id=` can fetch it. */
interface MedicationTarget {
  url: string;
  id?: string;
}

/** The Medications of a search Bundle, by id. */
function medicationsById(bundle: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const entries = bundle['entry'];
  if (!Array.isArray(entries)) return found;
  for (const entry of entries as unknown[]) {
    const resource = isRecord(entry) ? entry['resource'] : undefined;
    if (isRecord(resource) && resource['resourceType'] === 'Medication' && typeof resource['id'] === 'string') found.set(resource['id'], resource);
  }
  return found;
}

/** A search the server would not do (a 4xx, or not a FHIR answer): worth asking another way. */
function isRefusal(failure: SectionFailure): boolean {
  return failure.kind === 'invalid-response' || (failure.kind === 'http-status' && failure.status !== undefined && failure.status >= 400 && failure.status < 500);
}

export class FhirRestSource implements RemoteChartSource {
  readonly source = 'fhir' as const;
  private readonly limits: FhirRestLimits;
  private sent = 0;
  private failed = 0;

  private constructor(
    private readonly base: URL,
    private readonly options: FhirRestOptions,
  ) {
    this.limits = { ...DEFAULT_FHIR_LIMITS, ...options.limits };
  }

  /** A source for `options.fhirServer`, or a failure when it is not an http(s) base URL. */
  static create(options: FhirRestOptions): Result<FhirRestSource, SectionFailure> {
    const base = parseFhirBase(options.fhirServer);
    if (!base) return err({ kind: 'invalid-fhir-server', reason: 'fhirServer is not a usable http(s) URL' });
    return ok(new FhirRestSource(base, options));
  }

  /** Requests sent and requests failed (or refused) so far. */
  get counters(): { requests: number; errors: number } {
    return { requests: this.sent, errors: this.failed };
  }

  async fetchSection(section: SectionName, patientId: string): Promise<SectionResult> {
    const first = await this.get(section, onServer(this.base, fillSectionQuery(section, patientId)));
    if (!first.ok) return first;
    const expected = section === 'patient' ? 'Patient' : 'Bundle';
    if (first.value['resourceType'] !== expected) {
      return this.fail(section, { kind: 'invalid-response', reason: `FHIR server answered with another resource type than ${expected}` });
    }
    const rest = await this.followPages(section, nextLink(first.value), 1);
    const data: SectionData = { documents: [first.value, ...rest.documents], truncated: rest.truncated };
    if (rest.reason !== undefined) data.reason = rest.reason;
    return ok(data);
  }

  /**
   * Reads `next` pages, starting from an untrusted link (a response's or a paged prefetch's),
   * while fewer than `maxPages` have been read and each link stays on the FHIR server. A link
   * elsewhere is refused before any request: the token never leaves the server.
   */
  async followPages(section: SectionName, next: string | undefined, pagesRead: number): Promise<PageRun> {
    const documents: unknown[] = [];
    const seen = new Set<string>();
    let link = next;
    for (let page = pagesRead + 1; link !== undefined; page++) {
      if (page > this.limits.maxPages) return { documents, truncated: true, reason: `stopped after ${this.limits.maxPages} pages` };
      if (this.deadlinePassed()) return { documents, truncated: true, reason: `hook deadline reached after page ${page - 1}` };
      const url = resolveWithinBase(link, this.base);
      if (url === undefined) {
        this.report(section, { kind: 'off-server', reason: 'next page link leaves the FHIR server' });
        return { documents, truncated: true, reason: 'next page link leaves the FHIR server; not followed' };
      }
      if (seen.has(url)) return { documents, truncated: true, reason: 'next page link repeats' };
      seen.add(url);
      const result = await this.get(section, url);
      if (!result.ok) {
        const byDeadline = result.error.reason === DEADLINE_BEFORE_ANSWER || result.error.reason === DEADLINE_BEFORE_REQUEST;
        return { documents, truncated: true, reason: byDeadline ? `hook deadline reached after page ${page - 1}` : `page ${page} failed: ${result.error.reason}` };
      }
      if (result.value['resourceType'] !== 'Bundle') return { documents, truncated: true, reason: `page ${page} is not a Bundle` };
      documents.push(result.value);
      link = nextLink(result.value);
    }
    return { documents, truncated: false };
  }

  /**
   * Reads the Medications that `medicationReference`s point at (`Medication/id`, or an absolute
   * URL on this server), for servers that ignore `_include`: at most `maxMedicationReads`, in one
   * search `Medication?_id=a,b,c` (FHIR R4 search: comma-separated values are ORed); a search the
   * server refuses (4xx), and ids it did not return, are read one by one, in parallel. Failed reads
   * are counted and left out: those medications stay unresolved, and `unread` says how many.
   */
  async readMedications(references: readonly string[]): Promise<MedicationReads> {
    const refsByUrl = new Map<string, { target: MedicationTarget; refs: number }>();
    for (const ref of references) {
      const target = this.medicationTarget(ref);
      if (target === undefined) continue;
      const known = refsByUrl.get(target.url);
      refsByUrl.set(target.url, { target, refs: (known?.refs ?? 0) + 1 });
    }
    const targets = [...refsByUrl.values()].map((t) => t.target);
    const wanted = targets.slice(0, this.limits.maxMedicationReads);
    const read = await this.fetchMedications(wanted);
    let readRefs = 0;
    for (const url of read.byUrl.keys()) readRefs += refsByUrl.get(url)?.refs ?? 0;
    const unread = references.length - readRefs;
    const reads: MedicationReads = { resources: [...read.byUrl.values()], unread };
    if (unread === 0) return reads;
    let reason = read.reason;
    if (reason === undefined && targets.length > wanted.length) reason = `more than ${this.limits.maxMedicationReads} Medications referenced`;
    reads.reason = reason ?? 'not readable on the FHIR server';
    return reads;
  }

  /** Where a `medicationReference` can be read on this server, or undefined (not a Medication, or elsewhere). */
  private medicationTarget(ref: string): MedicationTarget | undefined {
    const parsed = parseReference(ref);
    if ((parsed?.kind !== 'relative' && parsed?.kind !== 'absolute') || parsed.type !== 'Medication') return undefined;
    const plain = onServer(this.base, `Medication/${encodeURIComponent(parsed.id)}`);
    const url = parsed.kind === 'relative' ? plain : resolveWithinBase(ref, this.base);
    if (url === undefined) return undefined;
    return url === plain && FHIR_ID.test(parsed.id) ? { url, id: parsed.id } : { url };
  }

  /** The Medications of `targets` by URL: one `_id` search for two or more, single reads for the rest. */
  private async fetchMedications(targets: readonly MedicationTarget[]): Promise<{ byUrl: Map<string, Record<string, unknown>>; reason?: string }> {
    const byUrl = new Map<string, Record<string, unknown>>();
    const batchable = targets.filter((t) => t.id !== undefined);
    const singles = targets.filter((t) => t.id === undefined);
    let reason: string | undefined;
    if (batchable.length < 2) {
      singles.push(...batchable);
    } else {
      const ids = batchable.map((t) => t.id ?? '').join(',');
      const batch = await this.get('medications', onServer(this.base, `Medication?_id=${ids}`));
      if (batch.ok && batch.value['resourceType'] === 'Bundle') {
        const found = medicationsById(batch.value);
        for (const t of batchable) {
          const medication = found.get(t.id ?? '');
          if (medication) byUrl.set(t.url, medication);
          else singles.push(t); // a server that pages the answer or honours only some of the ids
        }
      } else if (batch.ok || isRefusal(batch.error)) {
        singles.push(...batchable);
      } else {
        reason = batch.error.reason; // timed out, 5xx, unreachable: one read each would fare no better
      }
    }
    const results = await Promise.all(singles.map(async (t) => ({ t, result: await this.get('medications', t.url) })));
    for (const { t, result } of results) {
      if (result.ok && result.value['resourceType'] === 'Medication') byUrl.set(t.url, result.value);
      else reason ??= result.ok ? 'FHIR server answered with another resource type than Medication' : result.error.reason;
    }
    return reason === undefined ? { byUrl } : { byUrl, reason };
  }

  /** True once the hook's deadline has passed (never without one). */
  private deadlinePassed(): boolean {
    return within(this.options.deadline, 1) <= 0;
  }

  private async get(section: SectionName, url: string): Promise<Result<Record<string, unknown>, SectionFailure>> {
    const timeoutMs = within(this.options.deadline, this.limits.timeoutMs);
    if (timeoutMs <= 0) return this.fail(section, { kind: 'timeout', reason: DEADLINE_BEFORE_REQUEST });
    this.sent++;
    const result = await getFhirJson(url, {
      timeoutMs,
      maxBytes: this.limits.maxResponseBytes,
      accessToken: this.options.accessToken,
    });
    if (!result.ok) {
      // A wait cut short by the deadline (not the server's own timeout) says so: the brief card shows it.
      const byDeadline = result.error.kind === 'timeout' && timeoutMs < this.limits.timeoutMs;
      return this.fail(section, byDeadline ? { kind: 'timeout', reason: DEADLINE_BEFORE_ANSWER } : result.error);
    }
    if (!isRecord(result.value)) return this.fail(section, { kind: 'invalid-response', reason: 'FHIR server answered with something other than FHIR JSON' });
    if (result.value['resourceType'] === 'OperationOutcome') {
      return this.fail(section, { kind: 'invalid-response', reason: 'FHIR server answered with an OperationOutcome' });
    }
    return ok(result.value);
  }

  private fail(section: SectionName, failure: FhirGetFailure | SectionFailure): { ok: false; error: SectionFailure } {
    this.report(section, failure);
    return err(failure);
  }

  private report(section: SectionName, failure: SectionFailure): void {
    this.failed++;
    const event: FetchErrorEvent = { section, kind: failure.kind };
    if (failure.status !== undefined) event.status = failure.status;
    try {
      this.options.onFetchError?.(event);
    } catch {
      // A metrics callback must never break chart loading.
    }
  }
}
