import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { ClientAuth } from '../../launch/launch-config';
import { clientAuthentication } from '../../launch/token-refresh';

// How the app authenticates at the token endpoint (the refresh grant; the code exchange is fhirclient's).

const TOKEN = 'https://ehr.example.org/oauth2/token';
const now = new Date();

it('a public client sends its client_id; a confidential one Basic credentials, form-encoded first', async () => {
  expect(await clientAuthentication({ clientId: 'chartbrief', auth: { kind: 'public' } }, TOKEN, now)).toEqual({ form: { client_id: 'chartbrief' }, headers: {} });
  const secret = await clientAuthentication({ clientId: 'chart brief', auth: { kind: 'secret', secret: 'p:ss' } }, TOKEN, now);
  expect(secret.form).toEqual({});
  expect(Buffer.from(secret.headers['authorization']!.slice('Basic '.length), 'base64').toString()).toBe('chart%20brief:p%3Ass');
});

it('a private_key_jwt client signs a short-lived assertion: iss = sub = client id, aud = token endpoint, jti, kid and jku', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
  const auth: ClientAuth = { kind: 'private-key-jwt', privateJwk: { ...(await exportJWK(privateKey)), alg: 'ES384', kid: 'k1' }, publicJwk: await exportJWK(publicKey) };
  const { form } = await clientAuthentication({ clientId: 'chartbrief', auth, jwksUrl: 'https://app.example.org/.well-known/jwks.json' }, TOKEN, now);
  expect(form['client_assertion_type']).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  const assertion = form['client_assertion']!;
  expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'ES384', kid: 'k1', typ: 'JWT', jku: 'https://app.example.org/.well-known/jwks.json' });
  const { payload } = await jwtVerify(assertion, createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES384' }] }), { issuer: 'chartbrief', audience: TOKEN, subject: 'chartbrief' });
  expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
  expect(typeof payload.jti).toBe('string');
});

it('a private_key_jwt assertion names no jku unless given our JWKS URL (SMART_ASSERTION_JKU=true)', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
  const auth: ClientAuth = { kind: 'private-key-jwt', privateJwk: { ...(await exportJWK(privateKey)), alg: 'ES384', kid: 'k1' }, publicJwk: await exportJWK(publicKey) };
  const { form } = await clientAuthentication({ clientId: 'chartbrief', auth }, TOKEN, now);
  expect(decodeProtectedHeader(form['client_assertion']!)).toEqual({ alg: 'ES384', kid: 'k1', typ: 'JWT' });
});
