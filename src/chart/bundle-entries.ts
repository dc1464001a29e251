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

export interface FlattenedDocuments {
  entries: RawEntry[];
  /** `OperationOutcome` entries (search.mode `outcome`, or an outcome where a resource should be). */
  outcomes: number;
  /** Entries that are not JSON objects, entries without a resource, Bundles of an unusable type. */
  malformed: number;
}

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

function flattenBundle(bundle: Record<string, unknown>, depth: number, out: FlattenedDocuments): void {
  const type = bundle['type'];
  const entries = bundle['entry'] ?? [];
  if (typeof type !== 'string' || !ACCEPTED_BUNDLE_TYPES.has(type) || !Array.isArray(entries)) {
    out.malformed++;
    return;
  }
  for (const entry of entries) {
    if (!isRecord(entry)) {
      out.malformed++;
      continue;
    }
    const search = entry['search'];
    if (isRecord(search) && search['mode'] === 'outcome') {
      out.outcomes++;
      continue;
    }
    const resource = entry['resource'];
    if (resource === undefined) {
      out.malformed++;
      continue;
    }
    flattenValue(resource, depth + 1, out, stringField(entry, 'fullUrl'));
  }
}

function flattenValue(value: unknown, depth: number, out: FlattenedDocuments, fullUrl?: string): void {
  if (!isRecord(value)) {
    out.malformed++;
  } else if (value['resourceType'] === 'OperationOutcome') {
    out.outcomes++;
  } else if (value['resourceType'] === 'Bundle') {
    if (depth > MAX_DEPTH) out.malformed++;
    else flattenBundle(value, depth, out);
  } else {
    out.entries.push(fullUrl === undefined ? { value } : { value, fullUrl });
  }
}

/**
 * Every candidate resource in `documents` (pages of one section, or single resources), in order.
 * `null` documents hold nothing: the CDS Hooks way of saying "no data".
 */
export function flattenDocuments(documents: readonly unknown[]): FlattenedDocuments {
  const out: FlattenedDocuments = { entries: [], outcomes: 0, malformed: 0 };
  for (const document of documents) {
    if (document !== null) flattenValue(document, 0, out);
  }
  return out;
}
