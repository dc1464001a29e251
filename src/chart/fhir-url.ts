/**
 * Where the FHIR REST adapter may send the bearer token: only to the `fhirServer` the EHR named,
 * under its base path. A `next` link or an absolute reference elsewhere would carry the token
 * (and PHI queries) away, so URLs from responses are checked here before any request.
 */

/** The FHIR base as a URL without a trailing slash, or undefined when it is not a usable http(s) base. */
export function parseFhirBase(fhirServer: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(fhirServer);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) return undefined;
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** `{base}/{relative}` for a query such as `Observation?patient=1&category=laboratory`. */
export function onServer(base: URL, relative: string): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/${relative.replace(/^\/+/, '')}`;
}

/**
 * The absolute URL of `candidate` (absolute, or relative to the base) when it has the base's
 * scheme, host and port (`URL.host` drops default ports, so `https://h` and `https://h:443` agree),
 * a path at or under the base path, and no credentials; otherwise undefined. `..` segments are
 * resolved by the URL parser before the comparison, so they cannot climb out of the base.
 */
export function resolveWithinBase(candidate: string, base: URL): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate, onServer(base, ''));
  } catch {
    return undefined;
  }
  if (url.protocol !== base.protocol || url.host !== base.host || url.username || url.password) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  return url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) ? url.href : undefined;
}

/** True when the token may be sent to `candidate`: see {@link resolveWithinBase}. */
export function isWithinBase(candidate: string, base: URL): boolean {
  return resolveWithinBase(candidate, base) !== undefined;
}
