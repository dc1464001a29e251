import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { CdsAuthenticator } from './cds-auth';
import { unsignedDevelopmentAuthenticator } from './cds-auth';
import { loadCdsClientsFile } from './security/cds-clients';
import { createJwtAuthenticator } from './security/jwt-authenticator';
import { createJwtVerifier } from './security/jwt-verifier';

/**
 * The authenticator for a `CDS_CLIENTS_FILE` setting: JWT verification against its clients, or,
 * with no file (development only; production refuses to start without one), unsigned calls.
 */
export function cdsAuthenticatorFor(cdsClientsFile: string | undefined): Result<CdsAuthenticator, string> {
  if (cdsClientsFile === undefined) return ok(unsignedDevelopmentAuthenticator());
  const clients = loadCdsClientsFile(cdsClientsFile);
  if (!clients.ok) return err(`CDS_CLIENTS_FILE: ${clients.error}`);
  return ok(createJwtAuthenticator(createJwtVerifier({ clients: clients.value })));
}
