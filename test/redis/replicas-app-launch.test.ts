import Redis from 'ioredis';
import { createJsonSealer } from '../../redis/sealed-json';
import { CookieBrowser } from '../launch/support/cookie-browser';
import { freePort } from '../support/free-port';
import type { TestRedis } from '../support/redis';
import { startRedis } from '../support/redis';
import type { RunningSandbox } from '../support/start-sandbox';
import { startSandbox } from '../support/start-sandbox';
import { fixturePatient } from '../support/synthea';
import type { Replica } from './support/replicas';
import { newSessionKey, SHARED_PUBLIC_URL, startReplica } from './support/replicas';

// The SMART app across replicas sharing one Redis: a launch begun on one (GET /launch) completes on
// the other (GET /app?code&state); the page's API answers on either, the replica that has not got
// the chart loading it again with the session's token; what Redis holds is sealed with SESSION_KEY.

const ali = fixturePatient('Ali_Herman');
const SESSION_KEY = newSessionKey();

let redis: TestRedis;
let a: RunningSandbox;
let aUrl: string;
let b: Replica;

beforeAll(async () => {
  redis = await startRedis();
  // Refresh tokens granted too, so that the test sees both kinds of token kept.
  const env = { REDIS_URL: redis.url, SESSION_KEY, PUBLIC_URL: SHARED_PUBLIC_URL, SMART_SCOPES: 'launch openid fhirUser offline_access patient/*.rs' };
  const port = await freePort();
  // Replica A also runs the sandbox EHR (its FHIR and authorization servers) the launch comes from.
  a = await startSandbox({ ...env, PORT: String(port) });
  aUrl = `http://127.0.0.1:${port}`;
  b = await startReplica(env);
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.running.close();
  await redis?.stop();
});

/** The load balancer: `/launch` (and anything else) to A, the redirect URI `/app` to B. */
function balance(url: URL): URL {
  if (url.origin !== SHARED_PUBLIC_URL) return url;
  return new URL(`${url.pathname}${url.search}`, url.pathname === '/app' ? b.url : aUrl);
}

async function launchAcross(browser: CookieBrowser): Promise<{ session: string; hops: URL[] }> {
  const { hops, final } = await browser.follow(`${aUrl}/sandbox/launch?patient=${encodeURIComponent(ali.patientId)}`, balance);
  expect(final.status).toBe(200);
  expect(final.url.origin).toBe(b.url);
  return { session: final.url.searchParams.get('session') ?? '', hops: hops.map((h) => h.url) };
}

it('a launch started on one replica completes on the other, and the page’s API answers on both', async () => {
  const browser = new CookieBrowser();
  const { session, hops } = await launchAcross(browser);
  expect(hops.some((u) => u.origin === aUrl && u.pathname === '/launch')).toBe(true);
  expect(hops.some((u) => u.origin === b.url && u.pathname === '/app' && u.searchParams.has('code'))).toBe(true);
  expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const patientReads = (): number => a.sandbox.fhir.requests.filter((r) => r.url.includes(`Patient/${ali.patientId}`)).length;
  const onB = await browser.get(`${b.url}/app/api/${session}/view`);
  expect(onB.hop.status).toBe(200);
  expect(JSON.parse(onB.body)).toMatchObject({ patient: { name: 'Ali Herman' } });
  // A has never seen this session: it loads the chart again with the session's token.
  const before = patientReads();
  const onA = await browser.get(`${aUrl}/app/api/${session}/view`);
  expect(onA.hop.status).toBe(200);
  expect(JSON.parse(onA.body)).toMatchObject({ patient: { name: 'Ali Herman' } });
  expect(patientReads()).toBeGreaterThan(before);
  const page = await browser.get(`${aUrl}/app?session=${session}`);
  expect(page.hop.status).toBe(200);

  // Still bound to the browser that launched it, on either replica.
  expect((await new CookieBrowser().get(`${aUrl}/app/api/${session}/view`)).hop.status).toBe(403);
});

it('uses a launch’s state once across replicas', async () => {
  const browser = new CookieBrowser();
  // Follow until the EHR sends the browser to the redirect URI, then present it to both replicas.
  let next = new URL(`${aUrl}/sandbox/launch?patient=${encodeURIComponent(ali.patientId)}`);
  for (let i = 0; i < 6 && !(next.pathname === '/app' && next.searchParams.has('state')); i++) {
    const { hop } = await browser.get(next, balance);
    if (hop.location === undefined) throw new Error(`stopped at ${hop.url.pathname} (${hop.status})`);
    next = new URL(hop.location, hop.url);
  }
  const redirect = `${next.pathname}${next.search}`;
  const [first, second] = await Promise.all([browser.get(`${b.url}${redirect}`), browser.get(`${aUrl}${redirect}`)]);
  const statuses = [first.hop.status, second.hop.status].sort();
  expect(statuses).toEqual([303, 400]);
  expect([first.body, second.body].join('\n')).toContain('This launch has expired');
});

it('keeps sessions in Redis sealed with SESSION_KEY: no token, patient or user readable, each record with a TTL', async () => {
  const client = new Redis(redis.url);
  try {
    const keys = await client.keys('chartbrief:*');
    const sessions = keys.filter((k) => k.startsWith('chartbrief:session:'));
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    // Launches are consumed when completed: none is left.
    expect(keys.filter((k) => k.startsWith('chartbrief:launch:'))).toEqual([]);
    const sealer = createJsonSealer(Buffer.from(SESSION_KEY, 'base64'));
    for (const key of sessions) {
      const stored = (await client.get(key)) ?? '';
      const record = sealer.open(stored, key) as { accessToken: string; refreshToken?: string; context: { patient: string }; user?: { fhirUser: string } };
      expect(record.accessToken.length).toBeGreaterThan(10);
      expect(record.refreshToken?.length).toBeGreaterThan(10);
      for (const clear of [record.accessToken, record.refreshToken ?? '', record.context.patient, 'accessToken', 'sandbox-clinician']) expect(stored).not.toContain(clear);
      expect(await client.pttl(key)).toBeGreaterThan(0);
    }
    // What the FHIR server was sent is nowhere in Redis either.
    const values = (await Promise.all(keys.map((k) => client.get(k)))).join('\n');
    for (const r of a.sandbox.fhir.requests) if (r.authorization?.startsWith('Bearer ') === true) expect(values).not.toContain(r.authorization.slice(7));
  } finally {
    client.disconnect();
  }
});
