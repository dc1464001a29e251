import type { Result } from '../src/result';

/** An EHR whose JWT checked out. */
export interface AuthenticatedClient {
  /** The JWT `iss`; keys the rate limit and the logs. */
  clientId: string;
  /** Whether this client may name `url` as its fhirServer (no server-side requests elsewhere). */
  allowsFhirServer(url: string): boolean;
}

/** Why a call was refused: `code` is a bounded set (a metrics label), `reason` a log-safe phrase. */
export interface AuthRejection {
  code: string;
  reason: string;
}

/**
 * Verifies the EHR's `Authorization: Bearer <JWT>` for the URL called. In development with no
 * CDS_CLIENTS_FILE, an authenticator that accepts unsigned calls is used (with a warning).
 */
export interface CdsAuthenticator {
  readonly enforced: boolean;
  authenticate(authorization: string | undefined, audience: string): Promise<Result<AuthenticatedClient, AuthRejection>>;
}

/** Development only: every call is accepted as the anonymous client, and any fhirServer is allowed. */
export function unsignedDevelopmentAuthenticator(): CdsAuthenticator {
  const anonymous: AuthenticatedClient = { clientId: 'unsigned-development', allowsFhirServer: () => true };
  return {
    enforced: false,
    authenticate: () => Promise.resolve({ ok: true, value: anonymous }),
  };
}

/**
 * Development only, when a local EHR (the sandbox) is trusted but no CDS_CLIENTS_FILE is set: a
 * call whose token `claimsTrusted` (it names a trusted client's `iss`) is verified by `verifying`
 * and refused when that fails; any other call, unsigned or signed by an EHR we were not told
 * about (e.g. the public CDS Hooks sandbox), is accepted as {@link unsignedDevelopmentAuthenticator} does.
 */
export function verifyWhenSignedDevelopmentAuthenticator(verifying: CdsAuthenticator, claimsTrusted: (authorization: string) => boolean): CdsAuthenticator {
  const unsigned = unsignedDevelopmentAuthenticator();
  return {
    enforced: false,
    authenticate: (authorization, audience) =>
      authorization !== undefined && claimsTrusted(authorization) ? verifying.authenticate(authorization, audience) : unsigned.authenticate(authorization, audience),
  };
}
