import type { LaunchContext } from './launch-registry';

// The checks oauth2-mock-server leaves to its user (../shared/docs/dependencies.md): client and
// `redirect_uri`, PKCE S256, `aud`, and the launch code. Pure functions over the request's fields.

/** A registered SMART app. */
export interface SmartClient {
  clientId: string;
  /** Exact redirect URIs (no prefix matching: an open redirect otherwise). */
  redirectUris: string[];
  /** Confidential clients: the `client_secret_basic`/`client_secret_post` secret. Absent: a public client. */
  secret?: string;
}

/** An OAuth error (RFC 6749 section 4.1.2.1 / 5.2). */
export interface OAuthError {
  error: 'invalid_request' | 'unauthorized_client' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'unsupported_response_type' | 'invalid_scope';
  error_description: string;
}

/** What an authorization code (and later its refresh tokens) stands for. */
export interface Grant {
  clientId: string;
  redirectUri: string;
  scope: string;
  context: LaunchContext;
}

const oauthError = (error: OAuthError['error'], description: string): OAuthError => ({ error, error_description: description });

function sameBase(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Step 1 of `/authorize`: who is asking and where the answer goes. Failing this, nothing is redirected. */
export function checkClientAndRedirect(query: Record<string, unknown>, clients: readonly SmartClient[]): { client: SmartClient; redirectUri: string } | OAuthError {
  const clientId = str(query['client_id']);
  const client = clients.find((c) => c.clientId === clientId);
  if (client === undefined) return oauthError('unauthorized_client', 'unknown client_id');
  const redirectUri = str(query['redirect_uri']);
  if (redirectUri === undefined || !client.redirectUris.includes(redirectUri)) return oauthError('invalid_request', 'redirect_uri is not registered for this client');
  return { client, redirectUri };
}

/**
 * Step 2 of `/authorize` (errors go back to the app's redirect URI): `response_type=code`, PKCE S256
 * (https://hl7.org/fhir/smart-app-launch/app-launch.html#considerations-for-pkce-support), `aud` =
 * the FHIR base, and a known launch code when `launch` is in scope (EHR launch; standalone launch is
 * not offered by the sandbox).
 */
export function checkAuthorizeRequest(
  query: Record<string, unknown>,
  fhirBaseUrl: string,
  resolveLaunch: (code: string) => LaunchContext | undefined,
): { scope: string; context: LaunchContext } | OAuthError {
  if (str(query['response_type']) !== 'code') return oauthError('unsupported_response_type', 'response_type must be code');
  const challenge = str(query['code_challenge']);
  if (str(query['code_challenge_method']) !== 'S256' || challenge === undefined || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return oauthError('invalid_request', 'PKCE is required: code_challenge_method=S256 with a base64url SHA-256 code_challenge');
  }
  const aud = str(query['aud']);
  if (aud === undefined || !sameBase(aud, fhirBaseUrl)) return oauthError('invalid_request', `aud must be the FHIR base URL ${fhirBaseUrl}`);
  const scope = (str(query['scope']) ?? '').trim().split(/\s+/).filter(Boolean);
  if (!scope.includes('launch')) return oauthError('invalid_scope', 'the sandbox supports EHR launch only: scope must include launch');
  const launch = str(query['launch']);
  const context = launch === undefined ? undefined : resolveLaunch(launch);
  if (context === undefined) return oauthError('invalid_request', 'launch is missing, unknown or expired');
  return { scope: scope.join(' '), context };
}

/** The client a token request authenticates as: Basic auth, or `client_id` (+ `client_secret`) in the body. */
export function tokenClient(body: Record<string, unknown>, basic: { name: string; pass: string } | undefined, clients: readonly SmartClient[]): SmartClient | OAuthError {
  const clientId = basic?.name ?? str(body['client_id']);
  const client = clients.find((c) => c.clientId === clientId);
  if (client === undefined) return oauthError('invalid_client', 'unknown client');
  const secret = basic?.pass ?? str(body['client_secret']);
  if (client.secret !== undefined && secret !== client.secret) return oauthError('invalid_client', 'client authentication failed');
  return client;
}

/** `grant_type=authorization_code`: the code's client and redirect URI must match, and a PKCE verifier must come. */
export function checkCodeExchange(body: Record<string, unknown>, client: SmartClient, grant: Grant | undefined): Grant | OAuthError {
  if (grant === undefined) return oauthError('invalid_grant', 'unknown, used or expired authorization code');
  if (grant.clientId !== client.clientId) return oauthError('invalid_grant', 'the code was issued to another client');
  if (str(body['redirect_uri']) !== grant.redirectUri) return oauthError('invalid_grant', 'redirect_uri does not match the authorization request');
  if (str(body['code_verifier']) === undefined) return oauthError('invalid_grant', 'code_verifier is required (PKCE)');
  return grant;
}

export function isOAuthError(value: object): value is OAuthError {
  return 'error' in value && 'error_description' in value;
}
