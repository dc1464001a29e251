import { createHash, randomBytes } from 'node:crypto';

// The SMART app's side of an EHR launch, for tests: discovery, authorize with PKCE S256, code exchange.
// https://hl7.org/fhir/smart-app-launch/app-launch.html

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface SmartEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

export async function smartConfiguration(iss: string): Promise<SmartEndpoints> {
  const response = await fetch(`${iss}/.well-known/smart-configuration`);
  if (!response.ok) throw new Error(`smart-configuration: HTTP ${response.status}`);
  return (await response.json()) as SmartEndpoints;
}

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  iss: string;
  launch?: string;
  scope?: string;
  state?: string;
  pkce?: Pkce;
  /** Override or drop (`null`) individual query parameters. */
  override?: Record<string, string | null>;
}

/** The authorization request URL an app sends the browser to. */
export function authorizeUrl(endpoint: string, p: AuthorizeParams): string {
  const query: Record<string, string | null> = {
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    scope: p.scope ?? 'launch openid fhirUser offline_access patient/*.rs',
    state: p.state ?? 'state-1',
    aud: p.iss,
    ...(p.launch !== undefined && { launch: p.launch }),
    code_challenge: p.pkce?.challenge ?? null,
    code_challenge_method: p.pkce ? 'S256' : null,
    ...p.override,
  };
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(query)) if (value !== null) url.searchParams.set(name, value);
  return url.href;
}

/** GET without following redirects: the status and, for a redirect, its Location parsed. */
export async function authorize(url: string): Promise<{ status: number; location?: URL; body: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, ...(location !== null && { location: new URL(location) }), body: await response.text() };
}

export async function tokenRequest(endpoint: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The claims of a JWT, unverified (the test checks what the server put in it). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
