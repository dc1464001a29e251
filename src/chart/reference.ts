/**
 * FHIR references in the forms EHRs send them, turned into the chart's `Type/id` keys.
 * https://hl7.org/fhir/R4/references.html#literal
 *
 * - relative `Patient/123` (and `Patient/123/_history/2`),
 * - absolute `https://host/base/Patient/123` (and `/_history/n`),
 * - `urn:uuid:...` / `urn:oid:...`, resolved through the `fullUrl`s of the Bundles that carried them,
 * - `#id`, a resource `contained` in the referring one (resolved by the caller, who holds it).
 */

export type ParsedReference =
  | { kind: 'relative'; type: string; id: string }
  | { kind: 'absolute'; type: string; id: string; base: string }
  | { kind: 'contained'; id: string }
  | { kind: 'urn'; urn: string };

const TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const ID = /^[^\s/?#]{1,256}$/;
const HISTORY = /\/_history\/[^/\s?#]+$/;

function typeAndId(segments: readonly string[]): { type: string; id: string } | undefined {
  const type = segments[segments.length - 2];
  const id = segments[segments.length - 1];
  if (type === undefined || id === undefined || !TYPE.test(type) || !ID.test(id)) return undefined;
  return { type, id };
}

function parseAbsolute(ref: string): ParsedReference | undefined {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) return undefined;
  const path = url.pathname.replace(HISTORY, '');
  let segments: string[];
  try {
    segments = path.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const found = typeAndId(segments);
  if (!found) return undefined;
  const base = `${url.origin}${segments.slice(0, -2).join('/')}`;
  return { kind: 'absolute', ...found, base };
}

/** Parses a reference string; undefined for anything we cannot resolve (conditional, logical, garbage). */
export function parseReference(ref: string): ParsedReference | undefined {
  if (ref.startsWith('#')) {
    const id = ref.slice(1);
    return ID.test(id) ? { kind: 'contained', id } : undefined;
  }
  if (ref.startsWith('urn:uuid:') || ref.startsWith('urn:oid:')) return { kind: 'urn', urn: ref };
  if (/^https?:\/\//i.test(ref)) return parseAbsolute(ref);
  const segments = ref.replace(HISTORY, '').split('/');
  const found = segments.length === 2 ? typeAndId(segments) : undefined;
  return found ? { kind: 'relative', ...found } : undefined;
}

/**
 * `fullUrl` → `Type/id` for every entry of the Bundles a chart was built from. A `fullUrl` seen
 * for two different resources is ambiguous and resolves to nothing: guessing could attach a
 * resource to the wrong patient.
 *
 * The index is filled while a chart's entries are read, and may be asked before it is whole;
 * `answeredEarly` says whether an entry added later changed an answer already given, so the
 * caller can read its entries again against the whole index (see buildChart).
 */
export class FullUrlIndex {
  private readonly map = new Map<string, string | null>();
  private readonly asked = new Set<string>();
  private changedAfterAsked = false;

  add(fullUrl: string, key: string): void {
    const existing = this.map.get(fullUrl);
    const next = existing === undefined || existing === key ? key : null;
    if (next !== existing && this.asked.has(fullUrl)) this.changedAfterAsked = true;
    this.map.set(fullUrl, next);
  }

  get(fullUrl: string): string | undefined {
    this.asked.add(fullUrl);
    return this.map.get(fullUrl) ?? undefined;
  }

  /** True when `add` changed what `get` had already answered for some `fullUrl`. */
  get answeredEarly(): boolean {
    return this.changedAfterAsked;
  }
}

/** The chart key (`Type/id`) a non-contained reference points to, or undefined when it cannot be resolved. */
export function resolveReference(ref: string, fullUrls: FullUrlIndex): string | undefined {
  const parsed = parseReference(ref);
  if (!parsed) return undefined;
  switch (parsed.kind) {
    case 'relative':
    case 'absolute':
      return `${parsed.type}/${parsed.id}`;
    case 'urn':
      return fullUrls.get(parsed.urn);
    case 'contained':
      return undefined;
  }
}

/** `https://host/base` of a FHIR server URL, as `parseReference` reports an absolute reference's base. */
function serverBase(fhirServer: string): string | undefined {
  try {
    const url = new URL(fhirServer);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * The key of a parsed reference that is not a `urn:`: relative ones always, absolute ones only on
 * `base` (the request's FHIR server, see resolveLocalReference), `#contained` ones never.
 */
function localKey(parsed: ParsedReference | undefined, base: string | undefined): string | undefined {
  switch (parsed?.kind) {
    case 'relative':
      return `${parsed.type}/${parsed.id}`;
    case 'absolute':
      return base !== undefined && parsed.base === base ? `${parsed.type}/${parsed.id}` : undefined;
    case 'urn':
    case 'contained':
    case undefined:
      return undefined;
  }
}

/**
 * Like `resolveReference`, but an absolute reference resolves only when its base is `fhirServer`
 * (the request's FHIR server): `https://other-ehr/fhir/Patient/1` is another system's patient 1,
 * not ours. With no `fhirServer`, only relative and `urn:` references (within the request) resolve.
 */
export function resolveLocalReference(ref: string, fullUrls: FullUrlIndex, fhirServer: string | undefined): string | undefined {
  return new LocalReferences(fullUrls, fhirServer).resolve(ref);
}

/**
 * `resolveLocalReference` for the many references of one chart. A chart's thousands of resources
 * mostly name the same few subjects (`Patient/123` nine thousand times), so each distinct string is
 * parsed once and its key remembered; `urn:` references are looked up every time, because the
 * `fullUrl` index may still be growing.
 */
export class LocalReferences {
  private readonly base: string | undefined;
  /** Reference → its key, or null when it resolves to nothing. */
  private readonly keys = new Map<string, string | null>();
  /** The last reference resolved (never a `urn:`) and its key. */
  private lastRef: string | undefined;
  private lastKey: string | undefined;

  constructor(
    private readonly fullUrls: FullUrlIndex,
    fhirServer: string | undefined,
  ) {
    this.base = fhirServer === undefined ? undefined : serverBase(fhirServer);
  }

  /** The chart key `ref` points to, or undefined (see resolveLocalReference). */
  resolve(ref: string): string | undefined {
    // Resource after resource names the same subject: a string comparison, no hashing of it.
    if (ref === this.lastRef) return this.lastKey;
    const known = this.keys.get(ref);
    let key: string | undefined;
    if (known !== undefined) {
      key = known ?? undefined;
    } else {
      const parsed = parseReference(ref);
      if (parsed?.kind === 'urn') return this.fullUrls.get(parsed.urn);
      key = localKey(parsed, this.base);
      this.keys.set(ref, key ?? null);
    }
    this.lastRef = ref;
    this.lastKey = key;
    return key;
  }
}
