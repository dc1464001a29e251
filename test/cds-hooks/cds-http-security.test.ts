import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { outcomeIssues, postJson, send } from '../support/http';
import { patientViewRequest } from '../support/hook-requests';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// The JWT checks as an EHR meets them: over HTTP, with CDS_CLIENTS_FILE set. The full matrix of
// token faults is pinned against the verifier in test/cds-hooks/security/jwt-verifier.test.ts.

const ISS = 'https://ehr.example.org';
const FHIR = 'https://ehr.example.org/fhir';
let svc: RunningService;
let privateKey: CryptoKey;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('ES384', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384', use: 'sig' };
  const dir = mkdtempSync(join(tmpdir(), 'chartbrief-clients-'));
  const file = join(dir, 'cds-clients.json');
  writeFileSync(file, JSON.stringify([{ iss: ISS, jwks: { keys: [publicJwk] }, fhirServers: [FHIR] }]));
  svc = await startService({ env: { CDS_CLIENTS_FILE: file } });
});
afterAll(() => svc.close());

async function token(overrides: Record<string, unknown> = {}, audPath = '/cds-services/patient-view'): Promise<string> {
  const nowSec = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISS, aud: `${svc.baseUrl}${audPath}`, iat: nowSec, exp: nowSec + 300, jti: `j-${Math.random()}`, ...overrides })
    .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
    .sign(privateKey);
}

const url = (): string => `${svc.baseUrl}/cds-services/patient-view`;

it('answers a call signed by a trusted EHR for this URL', async () => {
  const reply = await postJson(url(), patientViewRequest(), { authorization: `Bearer ${await token()}` });
  expect(reply.status).toBe(200);
});

it('gives a bare 401 with no Authorization header', async () => {
  const reply = await postJson(url(), patientViewRequest());
  expect(reply.status).toBe(401);
  expect(reply.text).toBe('');
});

it('gives 401 for a token minted for another service URL (aud is the exact URL called)', async () => {
  const reply = await postJson(url(), patientViewRequest(), { authorization: `Bearer ${await token({}, '/cds-services/order-sign')}` });
  expect(reply.status).toBe(401);
});

it('gives 401 to a replayed token', async () => {
  const t = await token();
  expect((await postJson(url(), patientViewRequest(), { authorization: `Bearer ${t}` })).status).toBe(200);
  expect((await postJson(url(), patientViewRequest(), { authorization: `Bearer ${t}` })).status).toBe(401);
});

it('refuses a fhirServer the client is not registered for, before any request is made to it', async () => {
  const request = patientViewRequest('pat-1', { fhirServer: 'http://169.254.169.254/latest', fhirAuthorization: { access_token: 'abc', token_type: 'Bearer' } });
  const reply = await postJson(url(), request, { authorization: `Bearer ${await token()}` });
  expect(reply.status).toBe(400);
  expect(outcomeIssues(reply.body)[0]?.expression).toEqual(['fhirServer']);
});

it('checks feedback calls too', async () => {
  const feedback = { feedback: [{ card: 'c1', outcome: 'accepted', acceptedSuggestions: [{ id: 's1' }], outcomeTimestamp: '2026-11-26T10:00:00Z' }] };
  expect((await postJson(`${url()}/feedback`, feedback)).status).toBe(401);
  const ok = await postJson(`${url()}/feedback`, feedback, { authorization: `Bearer ${await token({}, '/cds-services/patient-view/feedback')}` });
  expect(ok.status).toBe(200);
});

it('counts refusals by a bounded reason and never logs a token', async () => {
  const t = await token({ exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 3700 });
  expect((await postJson(url(), patientViewRequest(), { authorization: `Bearer ${t}` })).status).toBe(401);
  const metrics = (await send(`${svc.baseUrl}/metrics`)).text;
  expect(metrics).toMatch(/chartbrief_jwt_rejections_total\{reason="missing_authorization"\} \d/);
  expect(metrics).toMatch(/chartbrief_jwt_rejections_total\{reason="(expired|too_old)"\} 1/);
  const logs = svc.logs.join('');
  expect(logs).toMatch(/EHR JWT not valid/);
  expect(logs).not.toContain(t);
  expect(logs).not.toContain(t.split('.')[1] as string);
});
