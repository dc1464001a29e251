import { decodeJwt } from 'jose';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { CdsAuthenticator } from './cds-auth';
import { unsignedDevelopmentAuthenticator, verifyWhenSignedDevelopmentAuthenticator } from './cds-auth';
import type { CdsClient } from './security/cds-clients';
import { loadCdsClientsFile } from './security/cds-clients';
import type { JtiReplayCache } from './security/jti-replay-cache';
import { createJwtAuthenticator } from './security/jwt-authenticator';
import { createJwtVerifier } from './security/jwt-verifier';

/** The `iss` a bearer JWT claims, read without verifying it (only to choose how to verify). */
function unverifiedIssuer(authorization: string): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  if (token === undefined) return undefined;
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

/**
 * The authenticator for a `CDS_CLIENTS_FILE` setting: JWT verification against its clients, or,
 * with no file (development only; production refuses to start without one), unsigned calls.
 *
 * `extraClients` are trusted in addition to the file (the local sandbox EHR registers itself so,
 * in development only). With no file but extra clients, a call whose JWT names one of them as
 * `iss` is verified against it (a bad signature is a 401, as in production); any other call is
 * accepted as an unsigned development call: the README's curl example and outside EHR tools keep
 * working in development while the sandbox's signed calls are really checked.
 *
 * `replayCache`: where seen `jti`s are kept (default in this process; Redis when replicas share it).
 */
export function cdsAuthenticatorFor(cdsClientsFile: string | undefined, extraClients: readonly CdsClient[] = [], replayCache?: JtiReplayCache): Result<CdsAuthenticator, string> {
  const shared = replayCache === undefined ? {} : { replayCache };
  if (cdsClientsFile === undefined) {
    if (extraClients.length === 0) return ok(unsignedDevelopmentAuthenticator());
    const trusted = new Set(extraClients.map((c) => c.iss));
    return ok(verifyWhenSignedDevelopmentAuthenticator(createJwtAuthenticator(createJwtVerifier({ clients: extraClients, ...shared })), (header) => trusted.has(unverifiedIssuer(header) ?? '')));
  }
  const clients = loadCdsClientsFile(cdsClientsFile);
  if (!clients.ok) return err(`CDS_CLIENTS_FILE: ${clients.error}`);
  const clash = extraClients.find((extra) => clients.value.some((c) => c.iss === extra.iss));
  if (clash !== undefined) return err(`CDS_CLIENTS_FILE: iss "${clash.iss}" is also the sandbox EHR's; remove it from the file or set SANDBOX=off`);
  return ok(createJwtAuthenticator(createJwtVerifier({ clients: [...clients.value, ...extraClients], ...shared })));
}
