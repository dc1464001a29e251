import { SignJWT, generateKeyPair } from 'jose';
import type { Bundle, MedicationRequest, Observation } from 'fhir/r4';
import type { SandboxEhr } from '../../sandbox/start-sandbox-ehr';
import { startSandboxEhr } from '../../sandbox/start-sandbox-ehr';
import { fixturePatient } from '../support/synthea';

// The sandbox EHR's FHIR server: the searches the prefetch templates and the SMART app make,
// SMART discovery, bearer tokens checked against its authorization server's JWKS, Epic quirks.

const CLARINE = fixturePatient('Clarine').patientId;
const TRUEY = fixturePatient('Trey').patientId;
let ehr: SandboxEhr;
let token: string;

beforeAll(async () => {
  ehr = await startSandboxEhr({ port: 0, quirks: 'none', serviceUrl: () => 'http://127.0.0.1:9', smartClientId: 'chartbrief' });
  token = await ehr.auth.issueAccessToken({ patient: CLARINE, scope: 'patient/*.read', clientId: 'test' });
});
afterAll(() => ehr.close());
afterEach(() => ehr.setEpicQuirks(false));

async function get<T = Record<string, unknown>>(path: string, bearer: string | null = token): Promise<{ status: number; body: T }> {
  const response = await fetch(`${ehr.fhirBaseUrl}/${path}`, { headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

const resources = <T>(bundle: Bundle): T[] => (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource as T);
const codes = (o: Observation): string[] => (o.code.coding ?? []).map((c) => c.code ?? '');

describe('discovery (public, no token)', () => {
  it('publishes the SMART configuration: S256 only, EHR launch, endpoints on its authorization server', async () => {
    const { status, body } = await get('.well-known/smart-configuration', null);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: ehr.authUrl,
      authorization_endpoint: `${ehr.authUrl}/authorize`,
      token_endpoint: `${ehr.authUrl}/token`,
      jwks_uri: `${ehr.authUrl}/jwks`,
      code_challenge_methods_supported: ['S256'],
      capabilities: expect.arrayContaining(['launch-ehr', 'context-ehr-patient', 'sso-openid-connect', 'permission-v2']) as unknown,
    });
  });

  it('serves a CapabilityStatement naming the OAuth endpoints (SMART 1 oauth-uris)', async () => {
    const { status, body } = await get<{ rest: { security: { extension: { extension: { url: string; valueUri: string }[] }[] } }[] }>('metadata', null);
    expect(status).toBe(200);
    expect(body.rest[0]?.security.extension[0]?.extension).toEqual([
      { url: 'authorize', valueUri: `${ehr.authUrl}/authorize` },
      { url: 'token', valueUri: `${ehr.authUrl}/token` },
    ]);
  });
});

describe('bearer tokens', () => {
  it('refuses a missing, a forged and a malformed token (401)', async () => {
    expect((await get(`Patient/${CLARINE}`, null)).status).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ scope: 'patient/*.read', patient: CLARINE }).setProtectedHeader({ alg: 'RS256' }).setIssuer(ehr.authUrl).setAudience(ehr.fhirBaseUrl).setExpirationTime('5m').sign(privateKey);
    expect((await get(`Patient/${CLARINE}`, forged)).status).toBe(401);
    expect((await get(`Patient/${CLARINE}`, 'not-a-jwt')).status).toBe(401);
  });

  it('binds a patient-level token to its patient (403 for another patient, by read or search)', async () => {
    expect((await get(`Patient/${CLARINE}`)).status).toBe(200);
    expect((await get(`Patient/${TRUEY}`)).status).toBe(403);
    expect((await get(`Condition?patient=${TRUEY}`)).status).toBe(403);
    expect((await get('Condition')).status).toBe(403);
    expect(resources<{ id: string }>((await get<Bundle>('Patient')).body).map((p) => p.id)).toEqual([CLARINE]);
  });

  it('enforces scopes: patient/Condition.rs allows Conditions only', async () => {
    const narrow = await ehr.auth.issueAccessToken({ patient: CLARINE, scope: 'patient/Condition.rs', clientId: 'test' });
    expect((await get(`Condition?patient=${CLARINE}`, narrow)).status).toBe(200);
    expect((await get(`Observation?patient=${CLARINE}&category=laboratory`, narrow)).status).toBe(403);
  });
});

describe('searches', () => {
  it('reads patient= with or without Patient/, and category= picks the category', async () => {
    const bare = await get<Bundle>(`Observation?patient=${CLARINE}&category=laboratory`);
    const prefixed = await get<Bundle>(`Observation?patient=Patient/${CLARINE}&category=laboratory`);
    expect(bare.body.total).toBeGreaterThan(50);
    expect(prefixed.body.total).toBe(bare.body.total);
    const vitals = resources<Observation>((await get<Bundle>(`Observation?patient=${CLARINE}&category=vital-signs`)).body);
    expect(vitals.length).toBeGreaterThan(0);
    expect(vitals.every((o) => o.category?.some((c) => c.coding?.some((x) => x.code === 'vital-signs')))).toBe(true);
  });

  it('filters by code (system|code), status and date, and sorts with _sort=-date', async () => {
    const creatinine = resources<Observation>((await get<Bundle>(`Observation?patient=${CLARINE}&code=http://loinc.org|38483-4&_sort=-date&_count=100`)).body);
    expect(creatinine).toHaveLength(11);
    expect(creatinine.every((o) => codes(o).includes('38483-4'))).toBe(true);
    const dates = creatinine.map((o) => o.effectiveDateTime ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const recent = resources<Observation>((await get<Bundle>(`Observation?patient=${CLARINE}&code=http://loinc.org|38483-4&date=ge${dates[2]!.slice(0, 10)}`)).body);
    expect(recent.length).toBeGreaterThanOrEqual(3);
    expect(recent.every((o) => (o.effectiveDateTime ?? '') >= dates[2]!.slice(0, 10))).toBe(true);
    const active = resources<MedicationRequest>((await get<Bundle>(`MedicationRequest?patient=${CLARINE}&status=active`)).body);
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((m) => m.status === 'active')).toBe(true);
  });

  it('pages with _count and a next link that leads to the rest', async () => {
    const first = await get<Bundle>(`Condition?patient=${CLARINE}&_count=5`);
    expect(resources(first.body)).toHaveLength(5);
    const next = first.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next.startsWith(ehr.fhirBaseUrl)).toBe(true);
    const second = await get<Bundle>(next.slice(ehr.fhirBaseUrl.length + 1));
    expect(resources(second.body).length).toBe(Math.min(5, (first.body.total ?? 0) - 5));
  });
});

describe('Epic quirks on demand', () => {
  it('refuses Observation searches without category or code, and answers them with one', async () => {
    ehr.setEpicQuirks(true);
    const refused = await get<{ resourceType: string }>(`Observation?patient=${CLARINE}`);
    expect(refused).toMatchObject({ status: 400, body: { resourceType: 'OperationOutcome' } });
    expect((await get(`Observation?patient=${CLARINE}&category=laboratory`)).status).toBe(200);
    ehr.setEpicQuirks(false);
    expect((await get(`Observation?patient=${CLARINE}`)).status).toBe(200);
  });

  it('names medications by medicationReference, with the Medications for _include', async () => {
    ehr.setEpicQuirks(true);
    const { body } = await get<Bundle>(`MedicationRequest?patient=${CLARINE}&status=active&_include=MedicationRequest:medication`);
    const requests = resources<MedicationRequest>(body);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((m) => m.medicationReference?.reference?.startsWith('Medication/') && m.medicationCodeableConcept === undefined)).toBe(true);
    const included = (body.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => `Medication/${e.resource?.id ?? ''}`);
    expect(new Set(included)).toEqual(new Set(requests.map((m) => m.medicationReference?.reference)));
    const read = await get<MedicationRequest>(`MedicationRequest/${requests[0]!.id!}`);
    expect(read.body.medicationReference).toBeDefined();
    ehr.setEpicQuirks(false);
    expect(resources<MedicationRequest>((await get<Bundle>(`MedicationRequest?patient=${CLARINE}&status=active`)).body).every((m) => m.medicationCodeableConcept !== undefined)).toBe(true);
  });
});

it('holds the bulk-export patients with drug allergies', async () => {
  const elisa = ehr.patients.find((p) => p.name === 'Elisa Johnson');
  expect(elisa).toMatchObject({ source: 'synthea-bulk', allergies: expect.arrayContaining(['Sulfamethoxazole / Trimethoprim']) as unknown });
  const t = await ehr.auth.issueAccessToken({ patient: elisa!.id, scope: 'patient/*.read', clientId: 'test' });
  const { body } = await get<Bundle>(`AllergyIntolerance?patient=${elisa!.id}`, t);
  expect(resources<{ category?: string[] }>(body).some((a) => a.category?.includes('medication'))).toBe(true);
});
