import { generateKeyPair, exportJWK } from 'jose';
import { allowedIss, normalizeIss } from '../../launch/iss-allowlist';
import type { LaunchSettings } from '../../launch/launch-config';
import { launchSettingsFrom, SCOPES_V1, SCOPES_V2, scopeFor } from '../../launch/launch-config';
import { loadConfig } from '../../server/config';

// SMART_* settings: defaults, the Oracle v1 preset, client authentication, the iss allowlist.

function settings(env: Record<string, string>, production = false): LaunchSettings {
  const parsed = launchSettingsFrom(env, { production });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function refused(env: Record<string, string>, production = false): string {
  const parsed = launchSettingsFrom(env, { production });
  if (parsed.ok) throw new Error('accepted');
  return parsed.error;
}

it('defaults: client chartbrief, public client, v2 scopes narrowed to what is read, loopback iss in development, none in production', () => {
  expect(settings({})).toEqual({ clientId: 'chartbrief', scopes: SCOPES_V2, clientAuth: { kind: 'public' }, allowedIss: 'loopback', frameAncestors: [], assertionJku: false });
  expect(SCOPES_V2).toBe(
    'launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/Medication.rs patient/AllergyIntolerance.rs patient/Observation.rs patient/Immunization.rs patient/Procedure.rs patient/Encounter.rs patient/Practitioner.rs',
  );
  expect(settings({}, true).allowedIss).toEqual([]);
});

it('SMART_SCOPES=v1 is the Oracle Health fallback: v1 user scopes plus online_access; a literal list is kept', () => {
  expect(settings({ SMART_SCOPES: 'v1' }).scopes).toBe(SCOPES_V1);
  expect(SCOPES_V1.split(' ')).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser', 'online_access', 'user/Observation.read', 'user/Patient.read']));
  expect(settings({ SMART_SCOPES: ' launch  openid patient/*.read ' }).scopes).toBe('launch openid patient/*.read');
  expect(refused({ SMART_SCOPES: 'launch openid' })).toMatch(/^SMART_SCOPES must include resource scopes/);
  expect(refused({ SMART_SCOPES: 'launch "x"' })).toMatch(/^SMART_SCOPES: /);
});

it('asks launch for an EHR launch and launch/patient for a standalone launch', () => {
  expect(scopeFor(SCOPES_V2, 'ehr').split(' ')[0]).toBe('launch');
  const standalone = scopeFor(SCOPES_V2, 'standalone').split(' ');
  expect(standalone[0]).toBe('launch/patient');
  expect(standalone).not.toContain('launch');
  expect(scopeFor('openid patient/*.rs', 'ehr')).toBe('launch openid patient/*.rs');
});

it('client authentication: a secret (client_secret_basic) or a private JWK (private_key_jwt, RS384/ES384 with kid), never both', async () => {
  expect(settings({ SMART_CLIENT_SECRET: 's3cret' }).clientAuth).toEqual({ kind: 'secret', secret: 's3cret' });
  const { privateKey } = await generateKeyPair('RS384', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS384', kid: 'k1' };
  const auth = settings({ SMART_PRIVATE_JWK: JSON.stringify(jwk) }).clientAuth;
  expect(auth.kind).toBe('private-key-jwt');
  if (auth.kind !== 'private-key-jwt') return;
  expect(Object.keys(auth.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  expect(refused({ SMART_CLIENT_SECRET: 'x', SMART_PRIVATE_JWK: JSON.stringify(jwk) })).toMatch(/both set/);
  expect(refused({ SMART_PRIVATE_JWK: 'not json' })).toMatch(/^SMART_PRIVATE_JWK must be a JSON Web Key/);
  expect(refused({ SMART_PRIVATE_JWK: JSON.stringify({ ...jwk, alg: 'RS256' }) })).toMatch(/RS384 or ES384/);
  expect(refused({ SMART_PRIVATE_JWK: JSON.stringify({ ...jwk, kid: undefined }) })).toMatch(/"kid" is required/);
  const { d: _d, ...publicOnly } = jwk;
  expect(refused({ SMART_PRIVATE_JWK: JSON.stringify(publicOnly) })).toMatch(/must be a private key/);
});

it('SMART_ALLOWED_ISS: FHIR base URLs, https only in production; SMART_FRAME_ANCESTORS: origins', () => {
  expect(settings({ SMART_ALLOWED_ISS: 'https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4/, https://FHIR-EHR-CODE.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d' }).allowedIss).toEqual([
    'https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4',
    'https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d',
  ]);
  expect(refused({ SMART_ALLOWED_ISS: 'http://fhir.example.org/r4' }, true)).toMatch(/must use https when NODE_ENV=production/);
  expect(refused({ SMART_ALLOWED_ISS: 'https://fhir.example.org/r4?x=1' })).toMatch(/^SMART_ALLOWED_ISS: /);
  expect(settings({ SMART_FRAME_ANCESTORS: 'https://*.epic.com, https://ehr.example.org:8443/' }).frameAncestors).toEqual(['https://*.epic.com', 'https://ehr.example.org:8443']);
  expect(refused({ SMART_FRAME_ANCESTORS: "https://ok.example, 'unsafe-inline'" })).toMatch(/^SMART_FRAME_ANCESTORS: /);
});

it('a bad SMART_* value stops start-up with one line naming the variable', () => {
  const config = loadConfig({ SMART_SCOPES: 'openid' });
  expect(config.ok).toBe(false);
  if (!config.ok) expect(config.error).toMatch(/^SMART_SCOPES /);
});

it('SMART_ASSERTION_JKU: true or false, false by default; anything else stops start-up with one line naming it', () => {
  expect(settings({}).assertionJku).toBe(false);
  expect(settings({ SMART_ASSERTION_JKU: '' }).assertionJku).toBe(false);
  expect(settings({ SMART_ASSERTION_JKU: 'false' }).assertionJku).toBe(false);
  expect(settings({ SMART_ASSERTION_JKU: ' true ' }).assertionJku).toBe(true);
  for (const bad of ['TRUE', 'yes', '1', 'on']) expect(refused({ SMART_ASSERTION_JKU: bad })).toBe('SMART_ASSERTION_JKU must be true or false');
  const config = loadConfig({ SMART_ASSERTION_JKU: 'yes' });
  expect(config.ok).toBe(false);
  if (!config.ok) expect(config.error).toBe('SMART_ASSERTION_JKU must be true or false');
});

it('trusts an iss only when its normalized form is listed (or, unset in development, loopback), and keeps the EHR’s spelling for aud', () => {
  const list = ['https://fhir.example.org/r4'];
  expect(allowedIss('https://FHIR.example.org:443/r4/', list)).toBe('https://FHIR.example.org:443/r4/');
  expect(allowedIss('https://fhir.example.org/r4/Patient', list)).toBeUndefined();
  expect(allowedIss('https://fhir.example.org.evil.example/r4', list)).toBeUndefined();
  expect(allowedIss('http://fhir.example.org/r4', list)).toBeUndefined();
  expect(allowedIss('https://fhir.example.org/r4#x', list)).toBeUndefined();
  expect(allowedIss(undefined, list)).toBeUndefined();
  for (const iss of ['http://127.0.0.1:3001/fhir', 'http://localhost/fhir', 'http://[::1]:8080/fhir', 'http://127.9.0.1/r4']) expect(allowedIss(iss, 'loopback')).toBe(iss);
  for (const iss of ['http://10.0.0.1/fhir', 'https://fhir.epic.com/api/FHIR/R4', 'http://127.0.0.1.nip.io/fhir', 'file:///etc/passwd']) expect(allowedIss(iss, 'loopback')).toBeUndefined();
  expect(normalizeIss('https://user:pw@fhir.example.org/r4')).toBeUndefined();
});
