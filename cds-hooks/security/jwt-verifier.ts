// Verifies the JWT a CDS Client (EHR) sends with every CDS Hooks call.
// https://cds-hooks.hl7.org/2.0/#trusting-cds-clients
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey, ProtectedHeaderParameters } from 'jose';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { FetchImplementation } from 'jose';
import type { Result } from '../../src/result';
import type { AsymmetricJwsAlgorithm, CdsClient } from './cds-clients';
import type { JtiReplayCache } from './jti-replay-cache';
import { createInMemoryJtiReplayCache } from './jti-replay-cache';
import type { JwtRejection } from './jwt-rejection';
import { KeyLookupError, quoteUntrusted, reject, toRejection } from './jwt-rejection';
import { createRemoteKeySets } from './remote-key-sets';
import { matchAllowedJku } from './url-rules';

/**
 * https://cds-hooks.hl7.org/2.0/#jwt-signing-algorithm: JWTs "SHALL NOT" use `none` or any
 * symmetric (HMAC) algorithm; "both ES384 and RS384 are RECOMMENDED"; "CDS Services SHOULD consider
 * the algorithms they understand and trust". We accept exactly the two recommended ones unless the
 * operator widens the list; HMAC and `none` cannot be listed at all (see `AsymmetricJwsAlgorithm`).
 * The header's `kid` and `typ` (REQUIRED by the spec) are not enforced: the key still has to come
 * from the client's trusted key set, so their absence weakens nothing.
 */
export const DEFAULT_JWS_ALGORITHMS: readonly AsymmetricJwsAlgorithm[] = ['ES384', 'RS384'];

export interface JwtVerifierOptions {
  /** The trusted EHRs, from `loadCdsClientsFile`. Each `iss` once. */
  clients: readonly CdsClient[];
  /** Allowed clock skew for `exp`, `nbf` and `iat` (default 5 s; the public sandbox rounds `iat` up). */
  clockToleranceSec?: number;
  /** Oldest `iat` accepted (default 300 s). Setting it also makes jose refuse a future `iat`. */
  maxTokenAgeSec?: number;
  /** Accepted header `alg` values (default ES384, RS384). */
  algorithms?: readonly AsymmetricJwsAlgorithm[];
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** Timeout for one JWKS fetch (default 3000 ms). A failed fetch rejects the call; it never throws. */
  fetchTimeoutMs?: number;
  /** Where seen `jti`s live (default in-memory; Redis when there are several replicas). */
  replayCache?: JtiReplayCache;
  /** The fetch used for JWKS (default global fetch); e.g. to go through an egress proxy. */
  fetch?: FetchImplementation;
  /** Most remote JWKS resolvers kept (one per distinct URL, least recently used dropped; default 100). */
  maxRemoteKeySets?: number;
  /** New `jku` URLs one issuer may make us fetch per 10 minutes (default 10); see `remote-key-sets.ts`. */
  newJkuUrlsPer10Min?: number;
}

/** The claims of a verified CDS Hooks JWT. */
export interface CdsJwtClaims {
  iss: string;
  aud: string | string[];
  exp: number;
  iat: number;
  jti: string;
  nbf?: number;
  sub?: string;
  tenant?: string;
}

export interface VerifiedCdsCall {
  client: CdsClient;
  claims: CdsJwtClaims;
}

export interface JwtVerifier {
  /**
   * Checks `Authorization: Bearer <jwt>` for a call to `audience`, the exact URL called
   * (`PUBLIC_URL` + path; a trailing slash on either side is ignored). Never throws.
   */
  verify(authorizationHeader: string | undefined, audience: string): Promise<Result<VerifiedCdsCall, JwtRejection>>;
}

type KeySource = Result<JWTVerifyGetKey, JwtRejection>;

const MAX_TOKEN_CHARS = 16_384;
const MAX_JTI_CHARS = 512;
const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)[ ]*$/i;

function extractBearerToken(header: string | undefined): Result<string, JwtRejection> {
  if (header === undefined || header.trim() === '') return reject('missing_authorization', 'no Authorization header');
  if (!/^Bearer(?: |$)/i.test(header.trimStart())) return reject('not_bearer', 'Authorization scheme is not Bearer');
  if (header.length > MAX_TOKEN_CHARS) return reject('malformed_token', 'token is too large');
  const match = BEARER.exec(header.trim());
  if (match?.[1] === undefined) return reject('malformed_token', 'bearer token is not a compact JWS');
  return { ok: true, value: match[1] };
}

function audienceVariants(audience: string): string[] {
  return audience.endsWith('/') ? [audience, audience.slice(0, -1)] : [audience, `${audience}/`];
}

function readClaims(payload: JWTPayload): Result<CdsJwtClaims, JwtRejection> {
  const { iss, aud, exp, iat, jti, nbf, sub } = payload;
  const tenant: unknown = payload['tenant'];
  if (typeof jti !== 'string' || jti === '' || jti.length > MAX_JTI_CHARS) return reject('claim_invalid', 'jti must be a non-empty string');
  if (typeof iss !== 'string' || aud === undefined || exp === undefined || iat === undefined) {
    return reject('claim_missing', 'iss, aud, exp and iat are required');
  }
  if (tenant !== undefined && typeof tenant !== 'string') return reject('claim_invalid', 'tenant must be a string');
  const claims: CdsJwtClaims = { iss, aud, exp, iat, jti };
  if (nbf !== undefined) claims.nbf = nbf;
  if (typeof sub === 'string') claims.sub = sub;
  if (tenant !== undefined) claims.tenant = tenant;
  return { ok: true, value: claims };
}

function decodeUnverified(token: string): Result<{ header: ProtectedHeaderParameters; payload: JWTPayload }, JwtRejection> {
  try {
    return { ok: true, value: { header: decodeProtectedHeader(token), payload: decodeJwt(token) } };
  } catch {
    return reject('malformed_token', 'token header or payload cannot be decoded');
  }
}

function sameUrl(raw: string, configured: string): boolean {
  try {
    const url = new URL(raw);
    return url.username === '' && url.password === '' && url.hash === '' && url.href === new URL(configured).href;
  } catch {
    return false;
  }
}

/**
 * Creates the verifier. Order of checks: Bearer shape → header `alg` in the allowed list (before
 * any key fetch) → `iss` is a configured client → key source (a `jku` header must sit under one of
 * that client's prefixes or equal its `jwks_url`; else its `jwks_url`/`jwks`) → signature, `iss`,
 * `aud`, `exp`, `nbf`, `iat` (not older than `maxTokenAgeSec`, not ahead beyond the tolerance) →
 * `jti` present → `tenant` → replay cache (only verified tokens are remembered).
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const tolerance = options.clockToleranceSec ?? 5;
  const maxTokenAge = options.maxTokenAgeSec ?? 300;
  const algorithms = [...(options.algorithms ?? DEFAULT_JWS_ALGORITHMS)];
  const allowedAlgs = new Set<string>(algorithms);
  const now = options.now ?? ((): Date => new Date());
  const replayCache = options.replayCache ?? createInMemoryJtiReplayCache({ now });
  const remoteKeySets = createRemoteKeySets({
    now,
    ...(options.maxRemoteKeySets === undefined ? {} : { maxSets: options.maxRemoteKeySets }),
    ...(options.fetchTimeoutMs === undefined ? {} : { fetchTimeoutMs: options.fetchTimeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.newJkuUrlsPer10Min === undefined ? {} : { newJkuUrlsPerWindow: options.newJkuUrlsPer10Min }),
  });
  const clients = new Map<string, CdsClient>();
  const localKeySets = new Map<string, JWTVerifyGetKey>();
  for (const client of options.clients) {
    if (clients.has(client.iss)) throw new Error(`CDS client iss listed twice: ${quoteUntrusted(client.iss)}`);
    clients.set(client.iss, client);
    if (client.jwks !== undefined) localKeySets.set(client.iss, createLocalJWKSet(client.jwks satisfies JSONWebKeySet));
  }

  const guarded = (resolve: JWTVerifyGetKey): JWTVerifyGetKey => async (header, token) => {
    try {
      return await resolve(header, token);
    } catch (cause) {
      throw new KeyLookupError(cause);
    }
  };

  const selectKeySource = (client: CdsClient, jku: unknown): KeySource => {
    if (jku !== undefined) {
      if (typeof jku !== 'string') return reject('malformed_token', 'jku header is not a string');
      const allowed = client.jku === undefined ? undefined : matchAllowedJku(jku, client.jku);
      if (client.jwks_url !== undefined && sameUrl(jku, client.jwks_url)) {
        return { ok: true, value: guarded(remoteKeySets.forConfiguredUrl(new URL(client.jwks_url))) };
      }
      if (allowed !== undefined) {
        const resolver = remoteKeySets.forJku(allowed, client.iss);
        if (resolver === undefined) return reject('key_unavailable', `too many new jku URLs from iss ${quoteUntrusted(client.iss)}; try later`);
        return { ok: true, value: guarded(resolver) };
      }
      return reject('jku_not_allowed', `jku ${quoteUntrusted(jku)} is not allowed for iss ${quoteUntrusted(client.iss)}`);
    }
    const local = localKeySets.get(client.iss);
    if (local !== undefined) return { ok: true, value: guarded(local) };
    if (client.jwks_url !== undefined) return { ok: true, value: guarded(remoteKeySets.forConfiguredUrl(new URL(client.jwks_url))) };
    return reject('no_key_source', `token has no jku and iss ${quoteUntrusted(client.iss)} has no jwks_url or jwks`);
  };

  const verifySigned = async (token: string, client: CdsClient, getKey: JWTVerifyGetKey, audience: string): Promise<Result<CdsJwtClaims, JwtRejection>> => {
    try {
      const { payload } = await jwtVerify(token, getKey, {
        algorithms,
        issuer: client.iss,
        audience: audienceVariants(audience),
        clockTolerance: tolerance,
        maxTokenAge,
        currentDate: now(),
        requiredClaims: ['exp', 'iat', 'jti'],
      });
      return readClaims(payload);
    } catch (error) {
      return { ok: false, error: toRejection(error) };
    }
  };

  const verifyToken = async (token: string, audience: string): Promise<Result<VerifiedCdsCall, JwtRejection>> => {
    const decoded = decodeUnverified(token);
    if (!decoded.ok) return decoded;
    const { header, payload } = decoded.value;
    if (typeof header.alg !== 'string' || !allowedAlgs.has(header.alg)) {
      const shown = typeof header.alg === 'string' ? quoteUntrusted(header.alg) : 'absent';
      return reject('algorithm_not_allowed', `alg ${shown} is not accepted (allowed: ${algorithms.join(', ')})`);
    }
    if (typeof payload.iss !== 'string') return reject('claim_missing', 'required claim "iss" is missing');
    const client = clients.get(payload.iss);
    if (client === undefined) return reject('unknown_issuer', `iss ${quoteUntrusted(payload.iss)} is not a trusted CDS client`);
    const keys = selectKeySource(client, header.jku);
    if (!keys.ok) return keys;
    const verified = await verifySigned(token, client, keys.value, audience);
    if (!verified.ok) return verified;
    const claims = verified.value;
    if (client.tenant !== undefined && claims.tenant !== client.tenant) {
      return reject('tenant_mismatch', `tenant does not match the one configured for iss ${quoteUntrusted(client.iss)}`);
    }
    // Accepted until min(exp, iat + maxTokenAge) + tolerance; remember the jti one second longer
    // than that (jose compares whole seconds).
    const lastAcceptedSec = Math.min(claims.exp, claims.iat + maxTokenAge) + tolerance;
    const seen = await replayCache.checkAndStore(JSON.stringify([claims.iss, claims.jti]), (lastAcceptedSec + 1) * 1000);
    if (seen === 'replayed') return reject('replayed', `jti was already used (iss ${quoteUntrusted(client.iss)})`);
    if (seen === 'full') return reject('replay_cache_full', 'jti replay cache is full; refusing rather than forgetting');
    if (seen === 'unavailable') return reject('replay_cache_unavailable', 'jti replay cache (Redis) is unreachable; refusing rather than risking a replay');
    return { ok: true, value: { client, claims } };
  };

  return {
    async verify(authorizationHeader, audience) {
      try {
        const token = extractBearerToken(authorizationHeader);
        if (!token.ok) return token;
        return await verifyToken(token.value, audience);
      } catch {
        return reject('verification_failed', 'token verification failed');
      }
    },
  };
}
