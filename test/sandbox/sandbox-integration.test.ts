import { SignJWT, generateKeyPair } from 'jose';
import type { MedicationRequest } from 'fhir/r4';
import type { RunningSandbox } from '../support/start-sandbox';
import { startSandbox } from '../support/start-sandbox';
import { fixturePatient } from '../support/synthea';

// The service and the sandbox EHR together, as `npm start` runs them in development: hooks fired
// through the sandbox's API (signed, with fhirServer + fhirAuthorization), the FHIR fallback, feedback.

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
afterEach(() => sb.sandbox.setEpicQuirks(false));

interface HookAnswer {
  request: Record<string, unknown>;
  answer: { status: number; body: { cards?: Record<string, unknown>[] } | null };
}

async function sandboxApi<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sb.baseUrl}/sandbox/api/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const fire = async (hook: string, body: Record<string, unknown>): Promise<HookAnswer> => (await sandboxApi<HookAnswer>(`hooks/${hook}`, body)).body;

/** Cards without their per-response uuids: what must not depend on how the chart was read. */
function comparable(answer: HookAnswer['answer']): unknown {
  expect(answer.status).toBe(200);
  return JSON.parse(JSON.stringify(answer.body?.cards ?? []).replace(/"uuid":"[^"]*"/g, '"uuid":"-"')) as unknown;
}

async function draftsFor(patientId: string, keys: string[]): Promise<MedicationRequest[]> {
  const { body } = await sandboxApi<{ draftOrders: MedicationRequest[] }>(`draft-orders?patient=${encodeURIComponent(patientId)}`);
  return body.draftOrders.filter((d) => keys.some((k) => d.id === `draft-${k}`));
}

describe('no prefetch gives the same cards as full prefetch (the service reads the sandbox FHIR server)', () => {
  it('patient-view, for every sandbox patient', async () => {
    for (const p of sb.sandbox.patients) {
      const full = await fire('patient-view', { patientId: p.id, prefetch: 'full' });
      const before = sb.sandbox.fhir.requests.length;
      const none = await fire('patient-view', { patientId: p.id, prefetch: 'none' });
      const token = (none.request['fhirAuthorization'] as { access_token: string }).access_token;
      expect(sb.sandbox.fhir.requests.slice(before).filter((r) => r.authorization === `Bearer ${token}`).length).toBeGreaterThanOrEqual(9);
      const partial = await fire('patient-view', { patientId: p.id, prefetch: 'partial' });
      expect(none.request).not.toHaveProperty('prefetch');
      expect(Object.keys(partial.request['prefetch'] as object).length).toBeLessThan(Object.keys(full.request['prefetch'] as object).length);
      expect({ patient: p.name, cards: comparable(none.answer) }).toEqual({ patient: p.name, cards: comparable(full.answer) });
      expect({ patient: p.name, cards: comparable(partial.answer) }).toEqual({ patient: p.name, cards: comparable(full.answer) });
    }
  });

  it('order-sign with warfarin + ibuprofen, also with Epic quirks (medicationReference, Observation needs a category)', async () => {
    const clarine = fixturePatient('Clarine').patientId;
    const draftOrders = await draftsFor(clarine, ['ibuprofen-400']);
    const full = await fire('order-sign', { patientId: clarine, prefetch: 'full', draftOrders });
    expect(comparable((await fire('order-sign', { patientId: clarine, prefetch: 'none', draftOrders })).answer)).toEqual(comparable(full.answer));
    sb.sandbox.setEpicQuirks(true);
    const epicNone = await fire('order-sign', { patientId: clarine, prefetch: 'none', draftOrders });
    expect(comparable(epicNone.answer)).toEqual(comparable(full.answer));
  });
});

describe('EHR authentication in development', () => {
  const call = (authorization?: string, fhirServer?: string) =>
    fetch(`${sb.baseUrl}/cds-services/patient-view`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization !== undefined && { authorization }) },
      body: JSON.stringify({
        hook: 'patient-view',
        hookInstance: 'x',
        ...(fhirServer !== undefined && { fhirServer }),
        context: { patientId: 'p1', userId: 'Practitioner/1' },
        prefetch: { patient: { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1950-01-01' } },
      }),
    });
  const aud = (): string => `${sb.baseUrl}/cds-services/patient-view`;

  it('accepts an unsigned call (the README curl example) and the sandbox EHR signed call', async () => {
    expect((await call()).status).toBe(200);
    expect((await call(await sb.sandbox.signer.authorization(aud()))).status).toBe(200);
  });

  it('verifies a call that carries a JWT: a foreign key or a wrong aud is a bare 401', async () => {
    const { privateKey } = await generateKeyPair('ES384');
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'ES384', kid: sb.sandbox.signer.jwks.keys[0]!.kid! }).setIssuer(sb.sandbox.origin).setAudience(aud()).setIssuedAt().setExpirationTime('5m').setJti('j1').sign(privateKey);
    const forgedAnswer = await call(`Bearer ${forged}`);
    expect(forgedAnswer.status).toBe(401);
    expect(await forgedAnswer.text()).toBe('');
    expect((await call(await sb.sandbox.signer.authorization(`${sb.baseUrl}/cds-services/order-sign`))).status).toBe(401);
  });

  it('accepts, in development, a call signed by an EHR it was not told about (e.g. the public CDS Hooks sandbox)', async () => {
    const { privateKey } = await generateKeyPair('ES384');
    const outside = await new SignJWT({}).setProtectedHeader({ alg: 'ES384', kid: 'k' }).setIssuer('https://sandbox.cds-hooks.org').setAudience(aud()).setIssuedAt().setExpirationTime('5m').setJti('j2').sign(privateKey);
    expect((await call(`Bearer ${outside}`)).status).toBe(200);
  });

  it('lets the signed sandbox name only its own FHIR server', async () => {
    const answer = await call(await sb.sandbox.signer.authorization(aud()), 'http://127.0.0.1:9/fhir');
    expect(answer.status).toBe(400);
  });
});

it('sends feedback signed to the service, and reads it back from the store (development only)', async () => {
  const entry = { card: 'card-1', outcome: 'overridden', overrideReason: { reason: { code: 'will-monitor', display: 'Will monitor' }, userComment: 'checked INR' }, outcomeTimestamp: new Date().toISOString() };
  const sent = await sandboxApi<{ answer: { status: number } }>('feedback/order-sign', { feedback: [entry] });
  expect(sent.body.answer.status).toBe(200);
  const { body } = await sandboxApi<{ feedback: unknown[] }>('feedback');
  // Kept with the EHR that signed it (its JWT iss).
  expect(body.feedback).toContainEqual({ serviceId: 'order-sign', ...entry, clientIss: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as string });
});

describe('the /sandbox page and its launch', () => {
  it('serves the page and its scripts under helmet CSP (no inline script needed)', async () => {
    const page = await fetch(`${sb.baseUrl}/sandbox/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).not.toMatch(/<script>(?!<\/script>)|on(click|load)=/);
    expect((await fetch(`${sb.baseUrl}/sandbox/sandbox.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('opens an EHR launch: a redirect to the app with iss and a launch code; never to another origin', async () => {
    const patientId = sb.sandbox.patients[0]!.id;
    const launch = await fetch(`${sb.baseUrl}/sandbox/launch?patient=${encodeURIComponent(patientId)}`, { redirect: 'manual' });
    expect(launch.status).toBe(302);
    const location = new URL(launch.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${sb.baseUrl}/launch`);
    expect(location.searchParams.get('iss')).toBe(sb.sandbox.fhirBaseUrl);
    expect(location.searchParams.get('launch')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const elsewhere = await fetch(`${sb.baseUrl}/sandbox/launch?patient=${encodeURIComponent(patientId)}&app=${encodeURIComponent('https://evil.example/launch')}`, { redirect: 'manual' });
    expect(elsewhere.status).toBe(400);
  });
});
