// Which `fhirServer` a verified CDS Client may send us to. The hook request names a FHIR base URL
// and hands us a bearer token for it (https://cds-hooks.hl7.org/2.0/#fhir-resource-access); the
// service then makes server-side requests there. Without an allowlist any caller could point us
// at an internal URL (SSRF) or have us carry a token to a server of its choosing.
import type { CdsClient } from './cds-clients';
import { isSameBaseUrl } from './url-rules';

/**
 * Whether `fhirServer` is one of `client.fhirServers`, compared as parsed URLs: scheme, host and
 * port exact, path equal modulo a trailing slash; user info, a query or a fragment never match.
 * A client with no `fhirServers` (absent or empty) may name none: the hook then works from
 * prefetch only, and no server-side request is made.
 */
export function isFhirServerAllowed(client: Pick<CdsClient, 'fhirServers'>, fhirServer: string): boolean {
  const allowed = client.fhirServers ?? [];
  return allowed.some((configured) => isSameBaseUrl(fhirServer, configured));
}
