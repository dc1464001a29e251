import type { JWK, KeyObject } from 'jose';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { fhirUserRef, verifyIdToken } from '../../launch/id-token';
import type { IdTokenTrust } from '../../launch/id-token';

// The id_token is believed only with the server's signature, its issuer, our audience and a live exp.

const ISSUER = 'https://ehr.example.org/oauth2';
const CLIENT = 'chartbrief';
const now = new Date('2024-05-01T12:00:00Z');
const at = Math.floor(now.getTime() / 1000);
let key: KeyObject | CryptoKey;
let otherKey: KeyObject | CryptoKey;
let trust: IdTokenTrust;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  trust = { issuer: ISSUER, keys: createLocalJWKSet({ keys: [jwk] }) };
});

function idToken(claims: Record<string, unknown> = {}, signer: KeyObject | CryptoKey = key): Promise<string> {
  return new SignJWT({ fhirUser: 'https://ehr.example.org/fhir/Practitioner/123', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(typeof claims['iss'] === 'string' ? claims['iss'] : ISSUER)
    .setAudience(typeof claims['aud'] === 'string' ? claims['aud'] : CLIENT)
    .setSubject('user-1')
    .setIssuedAt(typeof claims['iat'] === 'number' ? claims['iat'] : at - 5)
    .setExpirationTime(typeof claims['exp'] === 'number' ? claims['exp'] : at + 300)
    .sign(signer);
}

it('accepts a token signed by the server for our client, and gives its fhirUser', async () => {
  expect(await verifyIdToken(await idToken(), trust, CLIENT, now)).toEqual({ ok: true, value: { subject: 'user-1', fhirUser: 'https://ehr.example.org/fhir/Practitioner/123' } });
  expect(fhirUserRef('https://ehr.example.org/fhir/Practitioner/123')).toBe('Practitioner/123');
  expect(fhirUserRef('Practitioner/abc-1')).toBe('Practitioner/abc-1');
  expect(fhirUserRef('https://ehr.example.org/fhir/Observation/1')).toBeUndefined();
});

it('refuses another issuer, another audience, an expired token, a future iat, another key, HMAC and alg none', async () => {
  const cases: [string, Promise<string>][] = [
    ['its "iss" claim is wrong', idToken({ iss: 'https://evil.example' })],
    ['its "aud" claim is wrong', idToken({ aud: 'someone-else' })],
    ['it has expired', idToken({ exp: at - 120, iat: at - 600 })],
    ['its "iat" claim is wrong', idToken({ iat: at + 600, exp: at + 900 })],
    ['its signature does not verify', idToken({}, otherKey)],
    ['it is not signed with an asymmetric algorithm', new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(CLIENT).setSubject('u').setIssuedAt(at).setExpirationTime(at + 60).sign(new TextEncoder().encode('x'.repeat(32)))],
    ['it is not signed with an asymmetric algorithm', Promise.resolve(new UnsecuredJWT({ fhirUser: 'Practitioner/1' }).setIssuer(ISSUER).setAudience(CLIENT).setSubject('u').setIssuedAt(at).setExpirationTime(at + 60).encode())],
  ];
  const answers = await Promise.all(cases.map(async ([, token]) => verifyIdToken(await token, trust, CLIENT, now)));
  expect(answers).toEqual(cases.map(([reason]) => ({ ok: false, error: `the EHR's identity token (id_token) was refused: ${reason}` })));
});
