import type { Deadline } from '../deadline';
import { within } from '../deadline';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { SectionName } from './chart-sections';
import type { PageRun, RemoteChartSource, SectionData, SectionFailure, SectionFailureKind, SectionResult } from './chart-source';
import { nextLink } from './bundle-entries';
import type { FhirGetFailure } from './fhir-http';
import { getFhirJson } from './fhir-http';
import { onServer, parseFhirBase, resolveWithinBase } from './fhir-url';
import { isRecord } from './json-shape';
import { parseReference } from './reference';
import { fillSectionQuery } from './section-queries';

/**
 * The FHIR REST API as a chart source: `GET {fhirServer}/{section query}` with the EHR's bearer
 * token, following `next` pages within bounds and only on the FHIR server (see fhir-url.ts).
 * One instance per chart load: it counts its requests and failures for the load's stats.
 */

/** Bounds on what one chart load may ask of the FHIR server. */
export interface FhirRestLimits {
  /**
   * Per request, body included. 4000 ms by default: the CDS Hooks spec expects prefetch-like work
   * in about 500 ms and EHRs drop slow services, so a stuck server must not hold the hook long.
   */
  timeoutMs: number;
  /** Pages read per section, the first included (5 by default: 1,000 labs at `_count=200`). */
  maxPages: number;
  /** Medication reads per chart for `medicationReference`s not in the bundles (20 by default). */
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
      const url = resolveWithinBase(link, this.base);
      if (url === undefined) {
        this.report(section, { kind: 'off-server', reason: 'next page link leaves the FHIR server' });
        return { documents, truncated: true, reason: 'next page link leaves the FHIR server; not followed' };
      }
      if (seen.has(url)) return { documents, truncated: true, reason: 'next page link repeats' };
      seen.add(url);
      const result = await this.get(section, url);
      if (!result.ok) return { documents, truncated: true, reason: `page ${page} failed: ${result.error.reason}` };
      if (result.value['resourceType'] !== 'Bundle') return { documents, truncated: true, reason: `page ${page} is not a Bundle` };
      documents.push(result.value);
      link = nextLink(result.value);
    }
    return { documents, truncated: false };
  }

  /**
   * Reads the Medications that `medicationReference`s point at (`Medication/id`, or an absolute
   * URL on this server), for servers that ignore `_include`. Bounded by `maxMedicationReads`,
   * in parallel. Failed reads are counted and left out: those medications stay unresolved.
   */
  async readMedications(references: readonly string[]): Promise<unknown[]> {
    const urls = new Set<string>();
    for (const ref of references) {
      const parsed = parseReference(ref);
      if (parsed?.kind === 'relative' && parsed.type === 'Medication') urls.add(onServer(this.base, `Medication/${encodeURIComponent(parsed.id)}`));
      if (parsed?.kind === 'absolute' && parsed.type === 'Medication') {
        const url = resolveWithinBase(ref, this.base);
        if (url !== undefined) urls.add(url);
      }
    }
    const reads = [...urls].slice(0, this.limits.maxMedicationReads).map((url) => this.get('medications', url));
    const results = await Promise.all(reads);
    return results.flatMap((r) => (r.ok && r.value['resourceType'] === 'Medication' ? [r.value] : []));
  }

  private async get(section: SectionName, url: string): Promise<Result<Record<string, unknown>, SectionFailure>> {
    const timeoutMs = within(this.options.deadline, this.limits.timeoutMs);
    if (timeoutMs <= 0) return this.fail(section, { kind: 'timeout', reason: 'hook deadline reached before the FHIR request' });
    this.sent++;
    const result = await getFhirJson(url, {
      timeoutMs,
      maxBytes: this.limits.maxResponseBytes,
      accessToken: this.options.accessToken,
    });
    if (!result.ok) return this.fail(section, result.error);
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
