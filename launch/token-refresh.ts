import { randomBytes } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { ClientAuth } from './launch-config';
import type { TokenRefusal } from './token-errors';
import { oauthErrorCode } from './token-errors';

/**
 * The refresh-token grant, done here rather than by fhirclient: fhirclient 2.6.3's `refresh()`
 * authenticates only with a client secret (Basic) and sends no `client_id` for public clients,
 * so a public or `private_key_jwt` client could never refresh.
 * https://hl7.org/fhir/smart-app-launch/app-launch.html#step-7-app-uses-a-refresh-token-to-obtain-a-new-access-token
 */

export interface TokenClient {
  clientId: string;
  auth: ClientAuth;
  /** Our JWKS URL, sent as `jku` in a client assertion: only with SMART_ASSERTION_JKU=true (see launch-config.ts). */
  jwksUrl?: string;
}

const TIMEOUT_MS = 8000;

/**
 * A `private_key_jwt` client assertion: `iss` = `sub` = client id, `aud` = the token endpoint,
 * a fresh `jti`, valid five minutes at most.
 * https://hl7.org/fhir/smart-app-launch/client-confidential-asymmetric.html#authenticating-to-the-token-endpoint
 */
export async function clientAssertion(client: TokenClient, tokenEndpoint: string, now: Date): Promise<string> {
  if (client.auth.kind !== 'private-key-jwt') throw new Error('clientAssertion needs a private_key_jwt client');
  const { privateJwk } = client.auth;
  const key = await importJWK(privateJwk, privateJwk.alg);
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ jti: randomBytes(24).toString('base64url') })
    .setProtectedHeader({ alg: privateJwk.alg, kid: privateJwk.kid, typ: 'JWT', ...(client.jwksUrl !== undefined && { jku: client.jwksUrl }) })
    .setIssuer(client.clientId)
    .setSubject(client.clientId)
    .setAudience(tokenEndpoint)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 240)
    .sign(key);
}

/** The form fields and headers that authenticate `client` at `tokenEndpoint`. */
export async function clientAuthentication(client: TokenClient, tokenEndpoint: string, now: Date): Promise<{ form: Record<string, string>; headers: Record<string, string> }> {
  switch (client.auth.kind) {
    case 'public':
      return { form: { client_id: client.clientId }, headers: {} };
    case 'secret': {
      // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding.
      const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.auth.secret)}`).toString('base64');
      return { form: {}, headers: { authorization: `Basic ${basic}` } };
    }
    case 'private-key-jwt':
      return {
        form: { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: await clientAssertion(client, tokenEndpoint, now) },
        headers: {},
      };
  }
}

/** Why a refresh failed: a refusal (its status and OAuth error code), or no answer at all. */
export type RefreshFailure = (TokenRefusal & { kind: 'refused' }) | { kind: 'unreachable' };

/** Exchanges a refresh token; the answer is the token endpoint's JSON, for grantedTokenFrom. */
export async function refreshAccessToken(tokenEndpoint: string, refreshToken: string, client: TokenClient, now: Date): Promise<Result<Record<string, unknown>, RefreshFailure>> {
  const auth = await clientAuthentication(client, tokenEndpoint, now);
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, ...auth.form });
  try {
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...auth.headers },
      body: body.toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    const json = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok || typeof json !== 'object' || json === null) {
      const code = oauthErrorCode(json);
      return err({ kind: 'refused', status: response.status, ...(code !== undefined && { oauthError: code }) });
    }
    return ok(json as Record<string, unknown>);
  } catch {
    return err({ kind: 'unreachable' });
  }
}
