import { isRecord, stringField } from './json-shape';

/**
 * Flattens what an EHR sends for a chart section into a list of candidate resources, whatever its
 * packaging: a single resource, or a `searchset`, `collection`, `transaction`, `batch` or
 * `*-response` Bundle (a `batch-response` may nest a searchset per entry). Nothing here is fatal:
 * what cannot be a resource is counted, so the chart can say how much it skipped.
 * https://hl7.org/fhir/R4/bundle.html
 */

/** Bundle types whose entries are resources about the chart; `history` or `document` Bundles are not. */
const ACCEPTED_BUNDLE_TYPES: ReadonlySet<string> = new Set([
  'searchset',
  'collection',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
]);

/** Nested Bundles (a batch-response of searchsets) are followed this deep, no deeper. */
const MAX_DEPTH = 2;

/** One candidate resource, still unvalidated, with the `fullUrl` its Bundle gave it. */
export interface RawEntry {
  value: unknown;
  fullUrl?: string;
}

/** What flattening left out, counted as it goes. */
export interface EntryCounts {
  /** `OperationOutcome` entries (search.mode `outcome`, or an outcome where a resource should be). */
  outcomes: number;
  /** Entries that are not JSON objects, entries without a resource, Bundles of an unusable type. */
  malformed: number;
}

export interface FlattenedDocuments extends EntryCounts {
  entries: RawEntry[];
}

/** Receives each candidate resource, in order, as flattening finds it. */
export type EntryVisitor = (value: unknown, fullUrl: string | undefined) => void;

/** True for a top-level `OperationOutcome`: the CDS Hooks way of saying a prefetch failed. */
export function isOperationOutcome(value: unknown): boolean {
  return isRecord(value) && value['resourceType'] === 'OperationOutcome';
}

/** The `next` page URL of a searchset Bundle, if it names one. */
export function nextLink(document: unknown): string | undefined {
  if (!isRecord(document) || document['resourceType'] !== 'Bundle' || !Array.isArray(document['link'])) return undefined;
  for (const link of document['link']) {
    if (isRecord(link) && link['relation'] === 'next') return stringField(link, 'url');
  }
  return undefined;
}

interface Walk {
  visit: EntryVisitor;
  counts: EntryCounts;
}

function flattenBundle(bundle: Record<string, unknown>, depth: number, walk: Walk): void {
  const type = bundle['type'];
  const entries = bundle['entry'] ?? [];
  if (typeof type !== 'string' || !ACCEPTED_BUNDLE_TYPES.has(type) || !Array.isArray(entries)) {
    walk.counts.malformed++;
    return;
  }
  for (const entry of entries) {
    if (!isRecord(entry)) {
      walk.counts.malformed++;
      continue;
    }
    const search = entry['search'];
    if (isRecord(search) && search['mode'] === 'outcome') {
      walk.counts.outcomes++;
      continue;
    }
    const resource = entry['resource'];
    if (resource === undefined) {
      walk.counts.malformed++;
      continue;
    }
    flattenValue(resource, depth + 1, walk, stringField(entry, 'fullUrl'));
  }
}

function flattenValue(value: unknown, depth: number, walk: Walk, fullUrl: string | undefined): void {
  if (!isRecord(value)) {
    walk.counts.malformed++;
  } else if (value['resourceType'] === 'OperationOutcome') {
    walk.counts.outcomes++;
  } else if (value['resourceType'] === 'Bundle') {
    if (depth > MAX_DEPTH) walk.counts.malformed++;
    else flattenBundle(value, depth, walk);
  } else {
    walk.visit(value, fullUrl);
  }
}

/**
 * Hands every candidate resource in `documents` (pages of one section, or single resources) to
 * `visit`, in order, and counts in `counts` what cannot be one. No list of entries is built: a
 * chart's sections hold thousands. `null` documents hold nothing: the CDS Hooks way of saying "no data".
 */
export function visitEntries(documents: readonly unknown[], visit: EntryVisitor, counts: EntryCounts): void {
  const walk: Walk = { visit, counts };
  for (const document of documents) {
    if (document !== null) flattenValue(document, 0, walk, undefined);
  }
}

/** Every candidate resource in `documents`, in order, as a list (see {@link visitEntries}). */
export function flattenDocuments(documents: readonly unknown[]): FlattenedDocuments {
  const out: FlattenedDocuments = { entries: [], outcomes: 0, malformed: 0 };
  visitEntries(documents, (value, fullUrl) => out.entries.push(fullUrl === undefined ? { value } : { value, fullUrl }), out);
  return out;
}
