import type { JWK } from 'jose';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import { normalizeIss } from './iss-allowlist';

/**
 * The SMART app's registration and trust settings (SMART_* variables), parsed once at start-up
 * from the environment and passed in. Pure: the same env gives the same settings or the same one
 * line naming the variable. https://hl7.org/fhir/smart-app-launch/app-launch.html
 */

/**
 * What the app reads, and nothing more (least privilege): the chart (src/chart/section-queries.ts),
 * and the signed-in user's Practitioner (its name in the footer, context-names.ts).
 */
export const READ_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'Medication', 'AllergyIntolerance', 'Observation', 'Immunization', 'Procedure', 'Encounter', 'Practitioner'] as const;

/** SMART App Launch 2.x scopes (the default): patient-level read+search of what is read. */
export const SCOPES_V2 = ['launch', 'openid', 'fhirUser', ...READ_TYPES.map((t) => `patient/${t}.rs`)].join(' ');

/**
 * SMART v1 scopes for Oracle Health (Cerner), which still expects v1 (apps registered with v2
 * scopes may lose them) and `online_access` for a refresh token within the user's session.
 */
export const SCOPES_V1 = ['launch', 'openid', 'fhirUser', 'online_access', ...READ_TYPES.map((t) => `user/${t}.read`)].join(' ');

/** How the app authenticates at the token endpoint. */
export type ClientAuth =
  /** Public client: PKCE only (https://hl7.org/fhir/smart-app-launch/client-authentication.html). */
  | { kind: 'public' }
  /** Confidential, symmetric (`client_secret_basic`): SMART_CLIENT_SECRET. */
  | { kind: 'secret'; secret: string }
  /** Confidential, asymmetric (`private_key_jwt`, what Epic recommends): SMART_PRIVATE_JWK. */
  | { kind: 'private-key-jwt'; privateJwk: JWK & { alg: 'RS384' | 'ES384'; kid: string }; publicJwk: JWK };

export interface LaunchSettings {
  /** SMART_CLIENT_ID: the client id the EHR registered (default `chartbrief`, the sandbox's). */
  clientId: string;
  /** SMART_SCOPES: the scopes asked for (`v2` default, `v1` for Oracle Health, or a literal list). */
  scopes: string;
  clientAuth: ClientAuth;
  /**
   * SMART_ALLOWED_ISS: FHIR base URLs accepted as `iss` (normalized, see iss-allowlist.ts), or
   * `loopback` (development with SMART_ALLOWED_ISS unset: only 127.0.0.0/8, ::1, localhost).
   */
  allowedIss: readonly string[] | 'loopback';
  /** SMART_FRAME_ANCESTORS: who may frame the app (CSP `frame-ancestors`), besides the app's own origin. */
  frameAncestors: readonly string[];
  /**
   * SMART_ASSERTION_JKU: whether a `private_key_jwt` client assertion names our JWKS URL in `jku`
   * (default false). An EHR that registered the key itself refuses a `jku` (the SMART launcher
   * does); one that registered the JWKS URL finds the key by `kid` either way.
   */
  assertionJku: boolean;
}

export type LaunchEnv = Readonly<Record<string, string | undefined>>;

const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/; // RFC 6749 §3.3 scope-token
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
// CSP host-source: scheme://host[:port], host may start with `*.` (https://www.w3.org/TR/CSP3/#grammardef-host-source).
const FRAME_ORIGIN = /^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/;

function present(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function list(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseScopes(raw: string | undefined): Result<string, string> {
  const v = present(raw);
  if (v === undefined || v === 'v2') return ok(SCOPES_V2);
  if (v === 'v1') return ok(SCOPES_V1);
  const tokens = v.split(/\s+/);
  const bad = tokens.find((t) => !SCOPE_TOKEN.test(t));
  if (bad !== undefined) return err(`SMART_SCOPES: "${bad}" is not a valid scope`);
  if (!tokens.some((t) => /^(patient|user)\/[A-Za-z*]+\.[a-z*]+/.test(t))) {
    return err('SMART_SCOPES must include resource scopes (e.g. patient/Observation.rs or user/Observation.read), or be "v2" or "v1"');
  }
  return ok(tokens.join(' '));
}

function parsePrivateJwk(raw: string): Result<ClientAuth, string> {
  let jwk: unknown;
  try {
    jwk = JSON.parse(raw);
  } catch {
    return err('SMART_PRIVATE_JWK must be a JSON Web Key (JSON), e.g. the output of a key generator');
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return err('SMART_PRIVATE_JWK must be one JWK object');
  const key = jwk as Record<string, unknown>;
  if (key['alg'] !== 'RS384' && key['alg'] !== 'ES384') return err('SMART_PRIVATE_JWK: "alg" must be RS384 or ES384 (SMART private_key_jwt)');
  if (typeof key['kid'] !== 'string' || key['kid'] === '') return err('SMART_PRIVATE_JWK: "kid" is required (the EHR picks the key from the JWKS by kid)');
  const kty = key['alg'] === 'RS384' ? 'RSA' : 'EC';
  if (key['kty'] !== kty) return err(`SMART_PRIVATE_JWK: "kty" must be ${kty} for ${String(key['alg'])}`);
  if (typeof key['d'] !== 'string') return err('SMART_PRIVATE_JWK must be a private key (it has no "d")');
  const publicJwk: Record<string, unknown> = { ...key, use: 'sig' };
  for (const m of PRIVATE_MEMBERS) delete publicJwk[m];
  delete publicJwk['key_ops'];
  return ok({ kind: 'private-key-jwt', privateJwk: key as JWK & { alg: 'RS384' | 'ES384'; kid: string }, publicJwk });
}

function parseClientAuth(env: LaunchEnv): Result<ClientAuth, string> {
  const secret = present(env['SMART_CLIENT_SECRET']);
  const jwk = present(env['SMART_PRIVATE_JWK']);
  if (secret !== undefined && jwk !== undefined) return err('SMART_CLIENT_SECRET and SMART_PRIVATE_JWK are both set: give one (client_secret_basic or private_key_jwt)');
  if (jwk !== undefined) return parsePrivateJwk(jwk);
  return ok(secret !== undefined ? { kind: 'secret', secret } : { kind: 'public' });
}

function parseAllowedIss(raw: string | undefined, production: boolean): Result<LaunchSettings['allowedIss'], string> {
  const entries = list(raw);
  if (entries.length === 0) return ok(production ? [] : 'loopback');
  const out: string[] = [];
  for (const entry of entries) {
    const iss = normalizeIss(entry);
    if (iss === undefined) return err(`SMART_ALLOWED_ISS: "${entry}" is not a FHIR base URL (http(s), no query, fragment or credentials)`);
    if (production && !iss.startsWith('https://')) return err(`SMART_ALLOWED_ISS: "${entry}" must use https when NODE_ENV=production`);
    out.push(iss);
  }
  return ok(out);
}

function parseFrameAncestors(raw: string | undefined): Result<string[], string> {
  const out: string[] = [];
  for (const entry of list(raw)) {
    const origin = entry.replace(/\/+$/, '');
    if (!FRAME_ORIGIN.test(origin)) return err(`SMART_FRAME_ANCESTORS: "${entry}" is not an origin (https://ehr.example.org or https://*.example.org)`);
    out.push(origin);
  }
  return ok(out);
}

function parseBoolean(name: string, raw: string | undefined): Result<boolean, string> {
  const v = present(raw);
  if (v === undefined || v === 'false') return ok(false);
  if (v === 'true') return ok(true);
  return err(`${name} must be true or false`);
}

/** Reads the SMART_* variables; a bad value is one clear line naming the variable. */
export function launchSettingsFrom(env: LaunchEnv, options: { production: boolean }): Result<LaunchSettings, string> {
  const clientId = present(env['SMART_CLIENT_ID']) ?? 'chartbrief';
  if (!SCOPE_TOKEN.test(clientId)) return err('SMART_CLIENT_ID must not contain spaces or quotes');
  const scopes = parseScopes(env['SMART_SCOPES']);
  if (!scopes.ok) return scopes;
  const clientAuth = parseClientAuth(env);
  if (!clientAuth.ok) return clientAuth;
  const allowedIss = parseAllowedIss(env['SMART_ALLOWED_ISS'], options.production);
  if (!allowedIss.ok) return allowedIss;
  const frameAncestors = parseFrameAncestors(env['SMART_FRAME_ANCESTORS']);
  if (!frameAncestors.ok) return frameAncestors;
  const assertionJku = parseBoolean('SMART_ASSERTION_JKU', env['SMART_ASSERTION_JKU']);
  if (!assertionJku.ok) return assertionJku;
  return ok({ clientId, scopes: scopes.value, clientAuth: clientAuth.value, allowedIss: allowedIss.value, frameAncestors: frameAncestors.value, assertionJku: assertionJku.value });
}

/**
 * The scope of one authorization request: EHR launch asks `launch` (the EHR's context); a
 * standalone launch asks `launch/patient` instead, so the authorization server shows a patient
 * picker. https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
 */
export function scopeFor(scopes: string, kind: 'ehr' | 'standalone'): string {
  const tokens = scopes.split(/\s+/).filter((t) => t !== '' && t !== 'launch' && t !== 'launch/patient');
  return [kind === 'ehr' ? 'launch' : 'launch/patient', ...tokens].join(' ');
}
