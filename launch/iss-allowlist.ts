import { isIP } from 'node:net';

/**
 * Which FHIR servers the app trusts as `iss`. The EHR names its FHIR base on the launch URL; the
 * app sends the user's browser to that server's authorization endpoint and then its access token
 * to that server, so an unlisted `iss` is refused before anything is fetched or redirected (no one
 * can point the app, or the tokens it gets, at a server of their own).
 */

/**
 * A FHIR base URL in the one form compared: lower-case scheme and host, default port dropped, no
 * trailing slash. Undefined for anything that is not a plain http(s) base URL (credentials, query
 * or fragment are refused: they have no place in an `iss`).
 */
export function normalizeIss(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** 127.0.0.0/8, ::1 and `localhost`: the development allowance when SMART_ALLOWED_ISS is unset. */
export function isLoopbackUrl(normalized: string): boolean {
  const host = new URL(normalized).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * The `iss` as the EHR sent it (trimmed) when its normalized form is allowed, else undefined. The
 * app keeps the EHR's own spelling: it is the `aud` of the authorization request, which the
 * authorization server compares with its FHIR base.
 */
export function allowedIss(raw: string | undefined, allowed: readonly string[] | 'loopback'): string | undefined {
  if (raw === undefined) return undefined;
  const iss = normalizeIss(raw);
  if (iss === undefined) return undefined;
  const ok = allowed === 'loopback' ? isLoopbackUrl(iss) : allowed.includes(iss);
  return ok ? raw.trim() : undefined;
}
