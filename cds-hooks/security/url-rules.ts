// URL comparisons for the CDS Hooks trust decisions: which `jku` we may fetch keys from, and
// which `fhirServer` we may send a bearer token to. Every comparison is on parsed URLs (WHATWG
// `URL`: lower-cased host, default port dropped, `.`/`..` segments resolved), never on strings:
// a string prefix lets `https://ehr.example.com.evil.com` or `https://ehr.example.com@evil.com`
// through.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Percent-encoded `.`, `/` and `\`: a server may decode them into a path we did not check. */
const ENCODED_PATH_TRICKS = /%2e|%2f|%5c/i;
const MAX_URL_LENGTH = 2048;

/** What a configured URL may carry beyond scheme, host, port and path. */
export interface UrlRuleOptions {
  /** Whether a query string is allowed (a JWKS URL may have one; prefixes and FHIR bases not). */
  allowQuery: boolean;
}

/**
 * Checks a URL from the trusted-clients file: `https:`, or `http:` on a loopback host only (the
 * local sandbox and tests); no user info, no fragment, no encoded dots or slashes in the path.
 * Returns a one-phrase problem, or `undefined` when the URL is acceptable.
 */
export function describeUrlProblem(raw: string, options: UrlRuleOptions): string | undefined {
  if (raw.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  const url = parseUrl(raw);
  if (url === null) return 'must be an absolute URL';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return 'must be an https URL (http is allowed only on 127.0.0.1, localhost or [::1])';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain user info (user@host)';
  if (url.hash !== '' || raw.includes('#')) return 'must not contain a fragment (#)';
  if (!options.allowQuery && (url.search !== '' || raw.includes('?'))) return 'must not contain a query (?)';
  if (ENCODED_PATH_TRICKS.test(url.pathname)) return 'must not contain percent-encoded ".", "/" or "\\" in its path';
  return undefined;
}

/** `new URL` without the throw (Node 20's `URL.parse` is recent; this reads the same everywhere). */
function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port;
}

function trimTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Whether `path` is `base` or lies under it, on a path-segment boundary. */
function isPathWithin(path: string, base: string): boolean {
  const root = trimTrailingSlash(base);
  return path === root || path.startsWith(`${root}/`);
}

/**
 * Matches a token's `jku` header against a client's allowed prefixes. Scheme, host and port must
 * be equal; the path must be the prefix's path or lie under it on a segment boundary
 * (`/keys` allows `/keys/ehr.json`, not `/keys-evil`). A `jku` with user info, a query, a
 * fragment or encoded dots/slashes is refused outright.
 *
 * Returns the parsed URL to fetch (the one that was checked, never the raw string), or
 * `undefined` when the `jku` is not allowed.
 */
export function matchAllowedJku(jku: string, allowedPrefixes: readonly string[]): URL | undefined {
  if (jku.length > MAX_URL_LENGTH) return undefined;
  const url = parseUrl(jku);
  if (url === null) return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.hash !== '' || url.search !== '' || jku.includes('#') || jku.includes('?')) return undefined;
  if (ENCODED_PATH_TRICKS.test(url.pathname)) return undefined;
  for (const raw of allowedPrefixes) {
    const prefix = parseUrl(raw);
    if (prefix !== null && sameOrigin(url, prefix) && isPathWithin(url.pathname, prefix.pathname)) return url;
  }
  return undefined;
}

/** Whether two URLs name the same resource: same scheme, host, port, and path modulo a trailing slash. */
export function isSameBaseUrl(candidate: string, configured: string): boolean {
  const a = parseUrl(candidate);
  const b = parseUrl(configured);
  if (a === null || b === null) return false;
  if (a.username !== '' || a.password !== '' || a.hash !== '' || a.search !== '') return false;
  if (candidate.includes('#') || candidate.includes('?')) return false;
  if (ENCODED_PATH_TRICKS.test(a.pathname)) return false;
  return sameOrigin(a, b) && trimTrailingSlash(a.pathname) === trimTrailingSlash(b.pathname);
}
