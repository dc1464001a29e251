import type { Result } from '../result';
import type { SectionName } from './chart-sections';

/**
 * Where chart sections come from. The loader depends on this interface only; the CDS request's
 * prefetch and the FHIR REST API are adapters (prefetch-source.ts, fhir-rest-source.ts), and a
 * file or sandbox source can be another, the way smart-on-fhir/client-js plugs in its adapters.
 */

/** A section as a source delivered it: raw JSON, validated later by `buildChart`. */
export interface SectionData {
  /** The JSON documents in order (search pages, or one resource). Empty: the section holds no data. */
  documents: unknown[];
  /** More data exists than was read (page bound, off-server next link, a later page failed). */
  truncated: boolean;
  /** Why it is truncated; a fixed phrase without PHI. */
  reason?: string;
  /**
   * A next-page link left unread, for a FHIR source to continue from (paged prefetch). Untrusted:
   * whoever follows it must check that it stays on the FHIR server.
   */
  next?: string;
}

/**
 * Why a source has nothing for a section. `not-provided` (the EHR did not prefetch it) and
 * `prefetch-error` (it prefetched an OperationOutcome) both mean "ask the FHIR server"; the others
 * are FHIR REST failures. https://cds-hooks.hl7.org/2.0/#prefetch-template
 */
export type SectionFailureKind =
  | 'not-provided'
  | 'prefetch-error'
  | 'http-status'
  | 'timeout'
  | 'network'
  | 'invalid-response'
  | 'off-server'
  | 'invalid-fhir-server';

export interface SectionFailure {
  kind: SectionFailureKind;
  /** Short, PHI-free and token-free, e.g. "FHIR server answered 500". */
  reason: string;
  /** The HTTP status, for `http-status`. */
  status?: number;
}

export type SectionResult = Result<SectionData, SectionFailure>;

/** Gives the resources of one chart section for one patient, or a typed failure. Never throws. */
export interface ChartSource {
  readonly source: 'prefetch' | 'fhir';
  fetchSection(section: SectionName, patientId: string): Promise<SectionResult>;
}

/** What following `next` links gave: the pages read and whether more were left unread. */
export interface PageRun {
  documents: unknown[];
  truncated: boolean;
  reason?: string;
}

/** What reading referenced Medications gave: those read, and how many references stay unread, and why. */
export interface MedicationReads {
  /** The Medication resources read. */
  resources: unknown[];
  /** References not read: failed, refused, past the deadline or the read bound, or not on the FHIR server. */
  unread: number;
  /** Why (a fixed phrase without PHI), when `unread` > 0. */
  reason?: string;
}

/**
 * A source that can also continue a paged prefetch and read what bundles left unresolved: the
 * EHR's FHIR server (fhir-rest-source.ts). One instance per chart load; it counts its requests.
 */
export interface RemoteChartSource extends ChartSource {
  readonly source: 'fhir';
  /** Reads `next` pages from an untrusted link, `pagesRead` pages having been read already. */
  followPages(section: SectionName, next: string | undefined, pagesRead: number): Promise<PageRun>;
  /** The Medications that `medicationReference`s point at; failed reads are left out and counted. */
  readMedications(references: readonly string[]): Promise<MedicationReads>;
  /** Requests sent and requests failed (or refused) so far. */
  readonly counters: { requests: number; errors: number };
}
