import { generateKeyPair, exportJWK } from 'jose';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';
import { fixturePatient } from '../support/synthea';
import type { Hop } from './support/cookie-browser';
import { CookieBrowser } from './support/cookie-browser';
import type { AppSandbox } from './support/start-app-sandbox';
import { startAppSandbox } from './support/start-app-sandbox';

// The SMART launch over HTTP against the sandbox EHR (its real authorization and FHIR servers):
// PKCE S256, state, aud = iss, the iss allowlist, per-launch sessions bound to the browser,
// tokens kept off the browser, cookies and CSP, expiry, and refresh where granted.

const ali = fixturePatient('Ali_Herman');
const clarine = fixturePatient('Clarine');
const HOURS = 60 * 60 * 1000;

let sb: AppSandbox;

beforeAll(async () => {
  sb = await startAppSandbox({ TRUST_PROXY: '1', SMART_FRAME_ANCESTORS: 'https://ehr.example.org, https://*.epic.example' });
}, 60_000);
afterAll(async () => {
  await sb?.close();
});
afterEach(() => sb.clock.reset());

const sandboxLaunch = (patient: string): string => `${sb.baseUrl}/sandbox/launch?patient=${encodeURIComponent(patient)}`;

/** Follows the launch until the browser would go to the redirect URI (`/app?code&state`), not further. */
async function untilRedirectUri(browser: CookieBrowser, start: string): Promise<{ hops: Hop[]; redirect: URL }> {
  const hops: Hop[] = [];
  let next = new URL(start);
  for (let i = 0; i < 5; i++) {
    const { hop } = await browser.get(next);
    hops.push(hop);
    if (hop.location === undefined) throw new Error(`no redirect from ${hop.url.pathname} (${hop.status})`);
    next = new URL(hop.location, hop.url);
    if (next.pathname === '/app' && next.searchParams.has('state')) return { hops, redirect: next };
  }
  throw new Error('never reached the redirect URI');
}

async function launched(browser: CookieBrowser, patient: string): Promise<{ session: string; hops: Hop[]; bodies: string[] }> {
  const { hops, final, body } = await browser.follow(sandboxLaunch(patient));
  expect(final.status).toBe(200);
  const session = final.url.searchParams.get('session') ?? '';
  return { session, hops, bodies: [body] };
}

async function api(browser: CookieBrowser, session: string, path: string): Promise<{ status: number; json: Record<string, unknown>; body: string }> {
  const { hop, body } = await browser.get(`${sb.baseUrl}/app/api/${session}${path}`);
  return { status: hop.status, json: JSON.parse(body) as Record<string, unknown>, body };
}

it('an EHR launch asks for authorization with PKCE S256, aud = iss, a fresh state, the launch and the v2 scopes', async () => {
  // Parameters fhirclient would otherwise read from the launch URL are not passed on to it.
  const browser = new CookieBrowser();
  const { hops, redirect } = await untilRedirectUri(browser, sandboxLaunch(ali.patientId));
  const launch = hops.find((h) => h.url.pathname === '/launch')!;
  const authorize = new URL(launch.location!);
  const q = authorize.searchParams;
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sb.sandbox.authUrl}/authorize`);
  expect(q.get('response_type')).toBe('code');
  expect(q.get('client_id')).toBe('chartbrief');
  expect(q.get('redirect_uri')).toBe(`${sb.baseUrl}/app`);
  expect(q.get('aud')).toBe(sb.sandbox.fhirBaseUrl);
  expect(q.get('launch')).toBe(launch.url.searchParams.get('launch'));
  expect(q.get('code_challenge_method')).toBe('S256');
  expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(redirect.searchParams.get('state')).toBe(q.get('state'));
  expect(q.get('scope')?.split(' ').sort()).toEqual(
    ['launch', 'openid', 'fhirUser', ...['Patient', 'Condition', 'MedicationRequest', 'Medication', 'AllergyIntolerance', 'Observation', 'Immunization', 'Procedure', 'Encounter', 'Practitioner'].map((t) => `patient/${t}.rs`)].sort(),
  );

  const smuggled = await new CookieBrowser().get(
    `${sb.baseUrl}/launch?iss=${encodeURIComponent(sb.sandbox.fhirBaseUrl)}&launch=x&clientId=evil&fhirServiceUrl=${encodeURIComponent('http://127.0.0.1:9/fhir')}&patientId=p1`,
  );
  const smuggledTo = new URL(smuggled.hop.location!);
  expect(smuggledTo.pathname).toBe('/auth/authorize');
  expect(smuggledTo.searchParams.get('client_id')).toBe('chartbrief');
  expect(smuggledTo.searchParams.get('aud')).toBe(sb.sandbox.fhirBaseUrl);
});

it('refuses an iss that is not allowed with a page, and redirects nowhere', async () => {
  for (const iss of ['https://evil.example/fhir', 'http://10.0.0.8/fhir', 'javascript:alert(1)', 'http://user:pw@127.0.0.1/fhir']) {
    const { hop, body } = await new CookieBrowser().get(`${sb.baseUrl}/launch?iss=${encodeURIComponent(iss)}&launch=abc`);
    expect(hop.status).toBe(403);
    expect(hop.location).toBeUndefined();
    expect(hop.setCookie).toEqual([]);
    expect(body).toContain('This EHR is not trusted by ChartBrief');
    expect(body).toContain('SMART_ALLOWED_ISS');
  }
  const none = await new CookieBrowser().get(`${sb.baseUrl}/launch?launch=abc`);
  expect(none.hop.status).toBe(400);
  expect(none.body).toContain('Open ChartBrief from your EHR');
});

it('completes the launch: the chart of the launched patient, the verified fhirUser and the encounter, and no token in anything the browser receives', async () => {
  const browser = new CookieBrowser();
  const { session, hops } = await launched(browser, ali.patientId);
  const view = await api(browser, session, '/view');
  expect(view.status).toBe(200);
  const encounterId = sb.sandbox.patients.find((p) => p.id === ali.patientId)?.encounterId;
  expect(view.json).toMatchObject({ patient: { name: 'Ali Herman' }, showBanner: true, context: { user: 'Practitioner/sandbox-clinician', encounter: encounterId } });
  // The footer's names: the user's Practitioner and the encounter, read from the EHR with the session's token.
  const context = view.json['context'] as Record<string, string>;
  expect(context['userName']).toBe('Sam Sandbox');
  expect(context['encounterName']).toMatch(/ · \d{4}-\d{2}-\d{2}$/);
  expect(sb.sandbox.fhir.requests.some((r) => r.url.endsWith('/Practitioner/sandbox-clinician'))).toBe(true);
  expect(sb.sandbox.fhir.requests.some((r) => r.url.endsWith(`/Encounter/${encounterId}`))).toBe(true);
  const cited = ((view.json['brief'] as { headline: { citations: { ref: string }[] } }).headline.citations[0] ?? { ref: '' }).ref;
  const resource = await api(browser, session, `/resource/${cited}`);
  expect(resource.json).toMatchObject({ ref: `Patient/${ali.patientId}`, title: 'Ali Herman' });
  const elsewhere = await api(browser, session, '/resource/Patient/someone-else');
  expect(elsewhere.status).toBe(404);
  expect(elsewhere.json).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found', diagnostics: 'Patient/someone-else is not part of this chart.' }] });
  const brief = await api(browser, session, '/brief');
  expect(brief.json).toEqual({ status: 'off' });

  const tokens = sb.sandbox.fhir.requests.flatMap((r) => (r.authorization?.startsWith('Bearer ') === true ? [r.authorization.slice(7)] : []));
  expect(tokens.length).toBeGreaterThan(0);
  const seen = [JSON.stringify(hops), view.body, resource.body, brief.body].join('\n');
  for (const token of new Set(tokens)) expect(seen).not.toContain(token);
  // Logs name routes, not sessions or tokens.
  const logs = sb.logs.join('\n');
  expect(logs).not.toContain(session);
  for (const token of new Set(tokens)) expect(logs).not.toContain(token);
});

it('keys sessions per launch: two patients in one browser get two sessions, each showing its own patient', async () => {
  const browser = new CookieBrowser();
  const first = await launched(browser, ali.patientId);
  const second = await launched(browser, clarine.patientId);
  expect(second.session).not.toBe(first.session);
  expect((await api(browser, second.session, '/view')).json['patient']).toMatchObject({ name: clarine.name.replace(/\d+/g, '') });
  expect((await api(browser, first.session, '/view')).json['patient']).toMatchObject({ name: 'Ali Herman' });
});

it('uses a state once, and only in the browser that started the launch', async () => {
  const starter = new CookieBrowser();
  const other = new CookieBrowser();
  const { redirect } = await untilRedirectUri(starter, sandboxLaunch(ali.patientId));
  const stolen = await other.get(redirect);
  expect(stolen.hop.status).toBe(400);
  expect(stolen.body).toContain('This launch belongs to another browser');
  // The state was spent by that attempt: the starter must relaunch too.
  expect((await starter.get(redirect)).body).toContain('This launch has expired');

  const again = await untilRedirectUri(starter, sandboxLaunch(ali.patientId));
  expect((await starter.get(again.redirect)).hop.status).toBe(303);
  const replay = await starter.get(again.redirect);
  expect(replay.hop.status).toBe(400);
  expect(replay.body).toContain('This launch has expired');

  const forged = await starter.get(`${sb.baseUrl}/app?code=abc&state=${'A'.repeat(43)}`);
  expect(forged.hop.status).toBe(400);
});

it('opens a session only in the browser it was launched in', async () => {
  const browser = new CookieBrowser();
  const { session } = await launched(browser, ali.patientId);
  const other = new CookieBrowser();
  expect((await other.get(`${sb.baseUrl}/app?session=${session}`)).hop.status).toBe(403);
  const refused = await api(other, session, '/view');
  expect(refused.status).toBe(403);
  // Errors from the app's API are OperationOutcomes, as the hooks' are (one mapping, src/problems.ts).
  expect(refused.json).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', details: { text: 'This ChartBrief session belongs to another browser' } }] });
});

it('sets an httpOnly cookie: SameSite=Lax over plain http, SameSite=None; Secure; Partitioned behind a TLS proxy', async () => {
  const plain = await new CookieBrowser().get(`${sb.baseUrl}/launch?iss=${encodeURIComponent(sb.sandbox.fhirBaseUrl)}&launch=x`);
  expect(plain.hop.setCookie).toHaveLength(1);
  expect(plain.hop.setCookie[0]).toMatch(/^chartbrief_browser=[A-Za-z0-9_-]{43};/);
  expect(plain.hop.setCookie[0]).toMatch(/HttpOnly/);
  expect(plain.hop.setCookie[0]).toMatch(/SameSite=Lax/);
  expect(plain.hop.setCookie[0]).not.toMatch(/Secure/);
  const tls = await new CookieBrowser({ 'x-forwarded-proto': 'https' }).get(`${sb.baseUrl}/launch?iss=${encodeURIComponent(sb.sandbox.fhirBaseUrl)}&launch=x`);
  for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']) expect(tls.hop.setCookie[0]).toContain(attribute);
});

it('lets only the configured EHR origins frame the app (CSP frame-ancestors), with scripts and styles from its own origin', async () => {
  const browser = new CookieBrowser();
  const { session } = await launched(browser, ali.patientId);
  const { response } = await browser.get(`${sb.baseUrl}/app?session=${session}`);
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'self' https://ehr.example.org https://*.epic.example");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers.get('x-frame-options')).toBeNull();
  expect(response.headers.get('cache-control')).toBe('no-store');
});

it('ends the session when the token expires and no refresh token was granted: relaunch page, 401 from the API', async () => {
  const browser = new CookieBrowser();
  const { session } = await launched(browser, ali.patientId);
  sb.clock.advance(2 * HOURS);
  const view = await api(browser, session, '/view');
  expect(view.status).toBe(401);
  expect(view.json).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'expired', details: { text: 'Session expired: relaunch from the EHR' } }] });
  const page = await browser.get(`${sb.baseUrl}/app?session=${session}`);
  expect(page.hop.status).toBe(401);
  expect(page.body).toContain('Session expired: relaunch from the EHR');
  expect(page.body).not.toContain('Ali');
});

describe('with offline_access granted', () => {
  let refreshing: AppSandbox;
  beforeAll(async () => {
    refreshing = await startAppSandbox({ SMART_SCOPES: 'launch openid fhirUser offline_access patient/*.rs' });
  }, 60_000);
  afterAll(async () => {
    await refreshing?.close();
  });

  it('refreshes an expired access token (public client: client_id in the refresh request) and keeps the session', async () => {
    const browser = new CookieBrowser();
    const { final } = await browser.follow(`${refreshing.baseUrl}/sandbox/launch?patient=${ali.patientId}`);
    const session = final.url.searchParams.get('session') ?? '';
    for (let i = 0; i < 2; i++) {
      refreshing.clock.advance(2 * HOURS);
      const { hop } = await browser.get(`${refreshing.baseUrl}/app/api/${session}/view`);
      expect(hop.status).toBe(200);
    }
  });
});

describe('as a private_key_jwt client', () => {
  let svc: RunningService;
  let publicJwk: Record<string, unknown>;
  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), alg: 'ES384', kid: 'chartbrief-1' };
    publicJwk = { ...(await exportJWK(publicKey)) };
    svc = await startService({ env: { SMART_PRIVATE_JWK: JSON.stringify(jwk) } });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('publishes its public key, and only that, at /.well-known/jwks.json', async () => {
    const response = await fetch(`${svc.baseUrl}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toEqual([{ ...publicJwk, alg: 'ES384', kid: 'chartbrief-1', use: 'sig' }]);
    expect(keys[0]).not.toHaveProperty('d');
  });
});
