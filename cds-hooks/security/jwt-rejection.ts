// Why a CDS Hooks JWT was refused, in words safe to log: no token, no claim values (the `iss`
// and a `jku` header are the only values quoted, escaped and truncated, because they are what an
// operator must put in CDS_CLIENTS_FILE). The HTTP layer answers every rejection with a bare 401.

/** A stable code per rejection kind (for metrics labels and tests). */
export type JwtRejectionCode =
  | 'missing_authorization'
  | 'not_bearer'
  | 'malformed_token'
  | 'algorithm_not_allowed'
  | 'unknown_issuer'
  | 'jku_not_allowed'
  | 'no_key_source'
  | 'key_unavailable'
  | 'no_matching_key'
  | 'bad_signature'
  | 'expired'
  | 'too_old'
  | 'issued_in_future'
  | 'not_yet_valid'
  | 'wrong_audience'
  | 'claim_missing'
  | 'claim_invalid'
  | 'tenant_mismatch'
  | 'replayed'
  | 'replay_cache_full'
  | 'replay_cache_unavailable'
  | 'verification_failed';

/** A refused JWT: `reason` is one line, safe to log. */
export interface JwtRejection {
  code: JwtRejectionCode;
  reason: string;
}

export function reject(code: JwtRejectionCode, reason: string): { ok: false; error: JwtRejection } {
  return { ok: false, error: { code, reason } };
}

/** Quotes an untrusted value for a log line: JSON-escaped (no control characters), at most 200 characters. */
export function quoteUntrusted(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}

/** Raised by our key resolver so that key-lookup failures are told apart from signature failures. */
export class KeyLookupError extends Error {
  constructor(cause: unknown) {
    super('JWKS key lookup failed', { cause });
    this.name = 'KeyLookupError';
  }
}

function joseCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function stringField(error: unknown, field: 'claim' | 'reason'): string | undefined {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined;
  const value: unknown = (error as Record<typeof field, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function fromKeyLookup(error: KeyLookupError): JwtRejection {
  const code = joseCode(error.cause);
  if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
    return { code: 'no_matching_key', reason: 'no single key in the JWKS matches the token kid/alg' };
  }
  if (code === 'ERR_JWKS_TIMEOUT') return { code: 'key_unavailable', reason: 'JWKS fetch timed out' };
  return { code: 'key_unavailable', reason: 'JWKS could not be fetched or is not a valid key set' };
}

function fromClaimFailure(claim: string | undefined, why: string | undefined): JwtRejection {
  const name = claim ?? 'unknown';
  if (why === 'missing') return { code: 'claim_missing', reason: `required claim "${name}" is missing` };
  if (why === 'invalid') return { code: 'claim_invalid', reason: `claim "${name}" has the wrong type` };
  switch (name) {
    case 'aud': return { code: 'wrong_audience', reason: 'aud does not name the URL called' };
    case 'nbf': return { code: 'not_yet_valid', reason: 'nbf is in the future beyond the clock tolerance' };
    case 'iat': return { code: 'issued_in_future', reason: 'iat is in the future beyond the clock tolerance' };
    default: return { code: 'claim_invalid', reason: `claim "${name}" failed validation` };
  }
}

/** Maps whatever `jwtVerify` threw to a rejection. Unknown errors become `verification_failed`. */
export function toRejection(error: unknown): JwtRejection {
  if (error instanceof KeyLookupError) return fromKeyLookup(error);
  switch (joseCode(error) ?? '') {
    case 'ERR_JWT_EXPIRED':
      return stringField(error, 'claim') === 'iat'
        ? { code: 'too_old', reason: 'iat is older than the maximum token age' }
        : { code: 'expired', reason: 'exp has passed' };
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return fromClaimFailure(stringField(error, 'claim'), stringField(error, 'reason'));
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return { code: 'bad_signature', reason: 'signature does not verify' };
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return { code: 'algorithm_not_allowed', reason: 'alg is not accepted' };
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return { code: 'malformed_token', reason: 'token is not a valid JWS/JWT' };
    case 'ERR_JOSE_NOT_SUPPORTED':
      return { code: 'algorithm_not_allowed', reason: 'token uses an unsupported feature' };
    default:
      return { code: 'verification_failed', reason: 'token verification failed' };
  }
}
