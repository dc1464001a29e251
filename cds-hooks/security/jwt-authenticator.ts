// Adapts the JWT verifier to the HTTP layer's `CdsAuthenticator` (cds-hooks/cds-auth.ts).
import type { Result } from '../../src/result';
import type { AuthenticatedClient, CdsAuthenticator } from '../cds-auth';
import { isFhirServerAllowed } from './fhir-server-allowlist';
import type { JwtRejection } from './jwt-rejection';
import type { JwtVerifier } from './jwt-verifier';

/**
 * The enforcing authenticator used whenever `CDS_CLIENTS_FILE` is set: a verified JWT names the
 * client (its `iss`, for rate limits and logs) and that client's `fhirServers` allowlist.
 */
export function createJwtAuthenticator(verifier: JwtVerifier): CdsAuthenticator {
  return {
    enforced: true,
    async authenticate(authorization, audience): Promise<Result<AuthenticatedClient, JwtRejection>> {
      const result = await verifier.verify(authorization, audience);
      if (!result.ok) return result;
      const { client } = result.value;
      return { ok: true, value: { clientId: client.iss, allowsFhirServer: (url) => isFhirServerAllowed(client, url) } };
    },
  };
}
