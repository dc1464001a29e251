import { patientViewRequest } from '../support/hook-requests';
import { postJson, send } from '../support/http';
import type { TestRedis } from '../support/redis';
import { startRedis } from '../support/redis';
import type { Replica, TestEhr } from './support/replicas';
import { newSessionKey, startReplica, testEhr } from './support/replicas';
import { TcpProxy } from './support/tcp-proxy';

// Redis taken away from a running service (through a proxy that cuts it and gives it back on the
// same address): /readyz says 503, a signed call is refused (the jti cannot be checked: fail
// closed), the rate limit lets calls through (fail open); once Redis is back, all is as before.
// No timing is asserted: the test waits for each state, bounded by jest's timeout.

let redis: TestRedis;
let proxy: TcpProxy;
let ehr: TestEhr;
let signed: Replica;
let unsigned: Replica;

beforeAll(async () => {
  redis = await startRedis();
  proxy = await TcpProxy.start(redis.port);
  ehr = await testEhr();
  const env = { REDIS_URL: proxy.url, SESSION_KEY: newSessionKey(), RATE_LIMIT_PER_MINUTE: '2' };
  signed = await startReplica({ ...env, CDS_CLIENTS_FILE: ehr.clientsFile });
  // Without CDS_CLIENTS_FILE (development) calls reach the rate limit with no jti to check.
  unsigned = await startReplica(env);
  for (const r of [signed, unsigned]) r.running.service.setReady(true);
});
afterAll(async () => {
  await signed?.running.close();
  await unsigned?.running.close();
  await proxy?.cut();
  await redis?.stop();
});

async function readyz(r: Replica): Promise<{ status: number; body: unknown }> {
  const reply = await send(`${r.url}/readyz`);
  return { status: reply.status, body: reply.body };
}

/** Waits for a state (Redis reconnects within a second or two); gives up after 20 s, saying which. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const giveUpAt = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`never ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const signedCall = async (): Promise<number> =>
  (await postJson(`${signed.url}/cds-services/patient-view`, patientViewRequest(), { authorization: `Bearer ${await ehr.token()}` })).status;
const unsignedCall = async (): Promise<number> => (await postJson(`${unsigned.url}/cds-services/patient-view`, patientViewRequest())).status;

it('is ready while Redis answers', async () => {
  await until('ready', async () => (await readyz(signed)).status === 200);
  expect(await readyz(signed)).toEqual({ status: 200, body: { status: 'ready' } });
  expect(await signedCall()).toBe(200);
});

it('while Redis is unreachable: /readyz 503, signed calls 401 (fail closed), the rate limit lets calls through (fail open)', async () => {
  await proxy.cut();
  await until('not ready', async () => (await readyz(signed)).status === 503);
  expect(await readyz(signed)).toEqual({ status: 503, body: { status: 'not-ready', reason: 'redis unreachable' } });

  expect(await signedCall()).toBe(401);
  expect((await send(`${signed.url}/metrics`)).text).toMatch(/chartbrief_jwt_rejections_total\{reason="replay_cache_unavailable"\} [1-9]/);
  const logs = signed.running.logs.join('\n');
  expect(logs).toContain('"event":"redis-unreachable"');
  expect(logs).toContain('jti replay cache (Redis) unreachable: CDS call refused');

  // RATE_LIMIT_PER_MINUTE=2, yet four calls in a row go through: nothing can count them.
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push(await unsignedCall());
  expect(statuses).toEqual([200, 200, 200, 200]);
  expect(unsigned.running.logs.join('\n')).toContain('"event":"rate-limit-store-failed"');

  // The app cannot read its sessions: 503 (not a relaunch page that would be wrong once Redis is back).
  const app = await send(`${unsigned.url}/app/api/${'s'.repeat(43)}/view`);
  expect(app.status).toBe(503);
});

it('once Redis is back: ready again, signed calls accepted, the shared rate limit counts again', async () => {
  await proxy.restore();
  await until('ready again', async () => (await readyz(signed)).status === 200);
  expect(await signedCall()).toBe(200);
  expect(signed.running.logs.join('\n')).toContain('"event":"redis-reachable"');
  // The rate-limit store recovers too (its script is loaded again): the limit of 2 applies.
  await until('counting again', async () => (await unsignedCall()) === 429);
});

it('a replica started while Redis is unreachable works once it is back (the rate-limit store loads its script again)', async () => {
  await proxy.cut();
  const late = await startReplica({ REDIS_URL: proxy.url, SESSION_KEY: newSessionKey(), RATE_LIMIT_PER_MINUTE: '2' });
  try {
    late.running.service.setReady(true);
    expect((await readyz(late)).status).toBe(503);
    // The store's start-up (loading its Lua script) has failed and been logged before Redis comes back.
    await until('store start-up failed', () => Promise.resolve(late.running.logs.join('\n').includes('"event":"rate-limit-store-failed"')));
    await proxy.restore();
    await until('ready', async () => (await readyz(late)).status === 200);
    await until('counting', async () => (await postJson(`${late.url}/cds-services/patient-view`, patientViewRequest())).status === 429);
  } finally {
    await late.running.close();
  }
});
