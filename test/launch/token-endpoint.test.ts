import type { JWK } from 'jose';
import { exportJWK, generateKeyPair } from 'jose';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';
import { CookieBrowser } from './support/cookie-browser';
import type { FakeEhr, FakeEhrOptions } from './support/fake-ehr';
import { startFakeEhr } from './support/fake-ehr';
import { TestClock } from './support/start-app-sandbox';

// The token endpoint as the app meets it: the private_key_jwt client assertion (kid always, jku
// only with SMART_ASSERTION_JKU=true, on the code exchange and on refresh alike) as the EHR
// receives it, and a refusal's OAuth error code on the error page and in the log, nothing more.

const MINUTES = 60 * 1000;
const SECRET = 's3cret-that-must-not-leak';

let privateJwk: JWK;
let publicJwk: JWK;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('ES384', { extractable: true });
  privateJwk = { ...(await exportJWK(pair.privateKey)), alg: 'ES384', kid: 'chartbrief-1' };
  publicJwk = { ...(await exportJWK(pair.publicKey)), alg: 'ES384', kid: 'chartbrief-1' };
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function setUp(env: Record<string, string>, ehrOptions: FakeEhrOptions): Promise<{ svc: RunningService; ehr: FakeEhr; clock: TestClock }> {
  const clock = new TestClock();
  const ehr = await startFakeEhr(ehrOptions);
  running.push(ehr);
  const svc = await startService({ env, now: clock.now });
  running.push(svc);
  return { svc, ehr, clock };
}

async function launch(svc: RunningService, ehr: FakeEhr, browser = new CookieBrowser()): Promise<{ status: number; body: string; session: string }> {
  const { final, body } = await browser.follow(`${svc.baseUrl}/launch?iss=${encodeURIComponent(ehr.fhirBase)}&launch=launch-1`);
  return { status: final.status, body, session: final.url.searchParams.get('session') ?? '' };
}

describe('private_key_jwt client assertions', () => {
  it('leave out jku by default, on the code exchange and on refresh: an EHR that registered our key inline accepts them', async () => {
    const { svc, ehr, clock } = await setUp({ SMART_PRIVATE_JWK: JSON.stringify(privateJwk) }, { clientPublicJwk: publicJwk, refuseJku: true });
    const browser = new CookieBrowser();
    const launched = await launch(svc, ehr, browser);
    expect(launched.status).toBe(200);
    clock.advance(10 * MINUTES);
    const { hop } = await browser.get(`${svc.baseUrl}/app/api/${launched.session}/view`);
    expect(hop.status).toBe(200);

    expect(ehr.tokenRequests.map((r) => r.form['grant_type'])).toEqual(['authorization_code', 'refresh_token']);
    for (const request of ehr.tokenRequests) {
      expect(request.form['client_assertion_type']).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(request.assertionHeader).toMatchObject({ alg: 'ES384', kid: 'chartbrief-1', typ: 'JWT' });
      expect(request.assertionHeader).not.toHaveProperty('jku');
    }
  });

  it('name our JWKS URL in jku with SMART_ASSERTION_JKU=true, on the code exchange and on refresh', async () => {
    const { svc, ehr, clock } = await setUp({ SMART_PRIVATE_JWK: JSON.stringify(privateJwk), SMART_ASSERTION_JKU: 'true' }, { clientPublicJwk: publicJwk });
    const browser = new CookieBrowser();
    const launched = await launch(svc, ehr, browser);
    expect(launched.status).toBe(200);
    clock.advance(10 * MINUTES);
    expect((await browser.get(`${svc.baseUrl}/app/api/${launched.session}/view`)).hop.status).toBe(200);

    expect(ehr.tokenRequests.map((r) => r.form['grant_type'])).toEqual(['authorization_code', 'refresh_token']);
    for (const request of ehr.tokenRequests) {
      expect(request.assertionHeader).toMatchObject({ alg: 'ES384', kid: 'chartbrief-1', jku: `${svc.baseUrl}/.well-known/jwks.json` });
    }
  });
});

describe('a token endpoint that refuses', () => {
  it('refusing a jku: the error page and the log name invalid_client, and neither holds the code or the EHR’s description', async () => {
    const { svc, ehr } = await setUp({ SMART_PRIVATE_JWK: JSON.stringify(privateJwk), SMART_ASSERTION_JKU: 'true' }, { clientPublicJwk: publicJwk, refuseJku: true });
    const launched = await launch(svc, ehr);
    expect(launched.status).toBe(502);
    expect(launched.body).toContain('The EHR refused the authorization code');
    expect(launched.body).toContain('invalid_client (HTTP 401)');
    expect(ehr.tokenRequests[0]?.assertionHeader?.jku).toBe(`${svc.baseUrl}/.well-known/jwks.json`);

    const logs = svc.logs.join('\n');
    const line = svc.logs.find((l) => l.includes('SMART launch not completed')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ status: 502, oauthError: 'invalid_client' });
    expect(ehr.codes).toHaveLength(1);
    for (const hidden of [...ehr.codes, 'jku is not accepted']) {
      expect(logs).not.toContain(hidden);
      expect(launched.body).not.toContain(hidden);
    }
  });

  it('refusing a client secret: the code is named, the secret and the code never are', async () => {
    const { svc, ehr } = await setUp({ SMART_CLIENT_SECRET: SECRET }, { clientSecret: 'another secret' });
    const launched = await launch(svc, ehr);
    expect(launched.status).toBe(502);
    expect(launched.body).toContain('invalid_client');
    expect(ehr.tokenRequests[0]?.authorization).toMatch(/^Basic /);
    const logs = svc.logs.join('\n');
    expect(logs).toContain('"oauthError":"invalid_client"');
    for (const hidden of [SECRET, Buffer.from(`chartbrief:${SECRET}`).toString('base64'), ...ehr.codes]) {
      expect(logs).not.toContain(hidden);
      expect(launched.body).not.toContain(hidden);
    }
  });

  it('an error code that is not one (free text) is left out of the page and the log', async () => {
    const { svc, ehr } = await setUp({}, { refuse: { status: 400, error: 'bad <b>thing</b> happened', error_description: 'details' } });
    const launched = await launch(svc, ehr);
    expect(launched.status).toBe(502);
    expect(launched.body).toContain('no OAuth error code (HTTP 400)');
    expect(launched.body).not.toContain('thing');
    expect(svc.logs.join('\n')).not.toContain('oauthError');
  });

  it('refusing a refresh: the session ends and the log names the error code', async () => {
    const { svc, ehr, clock } = await setUp({}, {});
    const browser = new CookieBrowser();
    const launched = await launch(svc, ehr, browser);
    expect(launched.status).toBe(200);
    ehr.refuse({ status: 400, error: 'invalid_grant', error_description: 'refresh token revoked' });
    clock.advance(10 * MINUTES);
    const { hop } = await browser.get(`${svc.baseUrl}/app/api/${launched.session}/view`);
    expect(hop.status).toBe(401);
    const line = svc.logs.find((l) => l.includes('SMART token refresh failed')) ?? '{}';
    expect(JSON.parse(line)).toMatchObject({ event: 'token-refresh-failed', kind: 'refused', status: 400, oauthError: 'invalid_grant' });
    expect(line).not.toContain('revoked');
  });
});
