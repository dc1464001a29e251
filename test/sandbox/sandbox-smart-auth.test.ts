import type { SandboxEhr } from '../../sandbox/start-sandbox-ehr';
import { startSandboxEhr } from '../../sandbox/start-sandbox-ehr';
import type { Pkce, SmartEndpoints } from '../support/smart-launch';
import { authorize, authorizeUrl, jwtClaims, newPkce, smartConfiguration, tokenRequest } from '../support/smart-launch';
import { fixturePatient } from '../support/synthea';

// The sandbox's SMART authorization server: an EHR launch from launch code to tokens, and every
// check oauth2-mock-server leaves to its user (client, redirect_uri, PKCE S256, aud, launch code).

const SERVICE = 'http://127.0.0.1:3999';
const CLIENT = 'chartbrief';
const REDIRECT = `${SERVICE}/app`;
const patient = fixturePatient('Clarine').patientId;
let ehr: SandboxEhr;
let smart: SmartEndpoints;

beforeAll(async () => {
  ehr = await startSandboxEhr({ port: 0, quirks: 'none', serviceUrl: () => SERVICE, smartClientId: CLIENT });
  smart = await smartConfiguration(ehr.fhirBaseUrl);
});
afterAll(() => ehr.close());
afterEach(() => ehr.setEpicQuirks(false));

function launch(extra: { appContext?: string; fhirContext?: { reference: string }[] } = {}): string {
  return ehr.auth.createLaunch({ patient, encounter: 'enc-1', user: 'Practitioner/sandbox-clinician', ...extra });
}

async function codeFor(pkce: Pkce, launchCode = launch(), scope?: string): Promise<string> {
  const { status, location } = await authorize(authorizeUrl(smart.authorization_endpoint, { clientId: CLIENT, redirectUri: REDIRECT, iss: ehr.fhirBaseUrl, launch: launchCode, pkce, ...(scope !== undefined && { scope }) }));
  expect(status).toBe(302);
  expect(`${location!.origin}${location!.pathname}`).toBe(REDIRECT);
  expect(location!.searchParams.get('state')).toBe('state-1');
  return location!.searchParams.get('code') ?? '';
}

const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  tokenRequest(smart.token_endpoint, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT, client_id: CLIENT, ...extra });

it('runs an EHR launch: the token response carries the launch context, an id_token with fhirUser, and a refresh token', async () => {
  const pkce = newPkce();
  const code = await codeFor(pkce, launch({ appContext: '{"card":"x"}', fhirContext: [{ reference: 'Observation/obs-1' }] }));
  const { status, body } = await exchange(code, pkce.verifier);
  expect(status).toBe(200);
  expect(body).toMatchObject({
    token_type: 'Bearer',
    patient,
    encounter: 'enc-1',
    need_patient_banner: true,
    fhirContext: [{ reference: 'Observation/obs-1' }],
    appContext: '{"card":"x"}',
    scope: 'launch openid fhirUser offline_access patient/*.rs',
  });
  expect(jwtClaims(String(body['id_token']))).toMatchObject({ fhirUser: `${ehr.fhirBaseUrl}/Practitioner/sandbox-clinician`, aud: CLIENT, iss: ehr.authUrl });
  expect(jwtClaims(String(body['access_token']))).toMatchObject({ patient, aud: ehr.fhirBaseUrl, scope: 'launch openid fhirUser offline_access patient/*.rs' });
  const read = await fetch(`${ehr.fhirBaseUrl}/Patient/${patient}`, { headers: { authorization: `Bearer ${String(body['access_token'])}` } });
  expect(read.status).toBe(200);

  const refreshed = await tokenRequest(smart.token_endpoint, { grant_type: 'refresh_token', refresh_token: String(body['refresh_token']), client_id: CLIENT });
  expect(refreshed).toMatchObject({ status: 200, body: { patient, encounter: 'enc-1' } });
  expect(refreshed.body['refresh_token']).not.toBe(body['refresh_token']);
  const reused = await tokenRequest(smart.token_endpoint, { grant_type: 'refresh_token', refresh_token: String(body['refresh_token']), client_id: CLIENT });
  expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
});

it('gives no refresh token without offline_access or online_access, and no id_token without openid', async () => {
  const pkce = newPkce();
  const { body } = await exchange(await codeFor(pkce, launch(), 'launch patient/*.read'), pkce.verifier);
  expect(body['access_token']).toEqual(expect.any(String));
  expect(body).not.toHaveProperty('refresh_token');
  expect(body).not.toHaveProperty('id_token');
});

it('sends need_patient_banner as the string "false" with Epic quirks on', async () => {
  ehr.setEpicQuirks(true);
  const pkce = newPkce();
  const { body } = await exchange(await codeFor(pkce), pkce.verifier);
  expect(body['need_patient_banner']).toBe('false');
});

describe('authorize refuses', () => {
  const base = (pkce: Pkce | undefined, override: Record<string, string | null> = {}): string =>
    authorizeUrl(smart.authorization_endpoint, { clientId: CLIENT, redirectUri: REDIRECT, iss: ehr.fhirBaseUrl, launch: launch(), ...(pkce && { pkce }), override });

  it('an unregistered redirect_uri or client with a 400 and no redirect', async () => {
    const overrides: Record<string, string>[] = [{ redirect_uri: 'https://evil.example/app' }, { redirect_uri: `${SERVICE}/app/../elsewhere` }, { client_id: 'someone-else' }];
    for (const override of overrides) {
      const answer = await authorize(base(newPkce(), override));
      expect(answer.status).toBe(400);
      expect(answer.location).toBeUndefined();
    }
  });

  it.each([
    ['no PKCE', undefined, {}, 'invalid_request'],
    ['plain PKCE', newPkce(), { code_challenge_method: 'plain' }, 'invalid_request'],
    ['another aud', newPkce(), { aud: 'https://other.example/fhir' }, 'invalid_request'],
    ['an unknown launch', newPkce(), { launch: 'made-up' }, 'invalid_request'],
    ['no launch scope (standalone)', newPkce(), { scope: 'openid patient/*.read' }, 'invalid_scope'],
  ])('%s, redirecting the error back with the state', async (_what, pkce, override, error) => {
    const { status, location } = await authorize(base(pkce, override));
    expect(status).toBe(302);
    expect(location?.searchParams.get('error')).toBe(error);
    expect(location?.searchParams.get('state')).toBe('state-1');
    expect(location?.searchParams.has('code')).toBe(false);
  });
});

describe('the token endpoint refuses', () => {
  it('a wrong code_verifier, a missing one, a reused code, another redirect_uri, another client', async () => {
    const pkce = newPkce();
    expect((await exchange(await codeFor(pkce), newPkce().verifier)).status).toBe(400);
    const missing = await codeFor(pkce);
    expect(await tokenRequest(smart.token_endpoint, { grant_type: 'authorization_code', code: missing, redirect_uri: REDIRECT, client_id: CLIENT })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const code = await codeFor(pkce);
    expect((await exchange(code, pkce.verifier)).status).toBe(200);
    expect(await exchange(code, pkce.verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await exchange(await codeFor(pkce), pkce.verifier, { redirect_uri: `${SERVICE}/other` })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await exchange(await codeFor(pkce), pkce.verifier, { client_id: 'someone-else' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await tokenRequest(smart.token_endpoint, { grant_type: 'client_credentials', client_id: CLIENT })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });
});
