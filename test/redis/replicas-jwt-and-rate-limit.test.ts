import { patientViewRequest } from '../support/hook-requests';
import { postJson, send } from '../support/http';
import type { TestRedis } from '../support/redis';
import { startRedis } from '../support/redis';
import type { Replica, TestEhr } from './support/replicas';
import { newSessionKey, startReplica, testEhr } from './support/replicas';

// Two replicas behind one URL sharing one Redis: a JWT is used once across both (its jti is
// remembered where both look), and an EHR's calls are counted once across both.

const LIMIT = 6;
let redis: TestRedis;
let ehr: TestEhr;
let a: Replica;
let b: Replica;

beforeAll(async () => {
  redis = await startRedis();
  ehr = await testEhr();
  const env = { REDIS_URL: redis.url, SESSION_KEY: newSessionKey(), CDS_CLIENTS_FILE: ehr.clientsFile, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  a = await startReplica(env);
  b = await startReplica(env);
});
afterAll(async () => {
  await a?.running.close();
  await b?.running.close();
  await redis?.stop();
});

const call = (replica: Replica, token: string): ReturnType<typeof postJson> => postJson(`${replica.url}/cds-services/patient-view`, patientViewRequest(), { authorization: `Bearer ${token}` });

it('a JWT accepted by one replica is refused as a replay by the other', async () => {
  const token = await ehr.token();
  expect((await call(a, token)).status).toBe(200);
  const replayed = await call(b, token);
  expect(replayed.status).toBe(401);
  expect((await send(`${b.url}/metrics`)).text).toMatch(/chartbrief_jwt_rejections_total\{reason="replayed"\} 1/);
  // And the other way round: each token once, wherever it lands first.
  const second = await ehr.token();
  expect((await call(b, second)).status).toBe(200);
  expect((await call(a, second)).status).toBe(401);
});

it('of one token sent to both replicas at once, exactly one is accepted', async () => {
  const token = await ehr.token();
  const statuses = (await Promise.all([call(a, token), call(b, token), call(a, token), call(b, token)])).map((r) => r.status).sort();
  expect(statuses).toEqual([200, 401, 401, 401]);
});

it('counts one EHR’s calls across both replicas against one limit', async () => {
  // Three calls of this EHR were accepted above, on either replica (refused JWTs stop before the
  // limiter): what is left of the limit is spent alternating replicas, then both answer 429.
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i++) statuses.push((await call(i % 2 === 0 ? a : b, await ehr.token())).status);
  expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
});
