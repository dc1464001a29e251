import Redis from 'ioredis';
import type { AnswerStatement, RecordedRequest } from '../support/azure-openai-server';
import { azureOpenAIEnv, AzureOpenAIServer, promptLines } from '../support/azure-openai-server';
import { postJson } from '../support/http';
import type { TestRedis } from '../support/redis';
import { startRedis } from '../support/redis';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';
import type { Replica } from './support/replicas';
import { newSessionKey, startReplica } from './support/replicas';

// The model brief across replicas: five concurrent patient-view calls for one chart, split over
// two replicas, make one model call; the replica that did not make it waits for the brief within
// the hook's budget, and the brief is kept in Redis encrypted, under a key that names no patient.

interface Card {
  source: { label: string };
  detail?: string;
  links?: { type: string }[];
}

const patient = fixturePatient('Ali_Herman');
const request = {
  hook: 'patient-view',
  hookInstance: 'replicas-1',
  context: { userId: 'Practitioner/example', patientId: patient.patientId },
  prefetch: prefetchFromBundle(loadFixtureBundle(patient.file)),
};
const MODEL_LABEL = /^ChartBrief · chartbrief-gpt4o \(verified 1\/1 statements?\)$/;

function statements(req: RecordedRequest): AnswerStatement[] {
  const line = promptLines(req).find((l) => l.startsWith('Condition/'));
  if (!line) throw new Error('no problem line in the prompt');
  return [{ section: 'problems', text: 'An active problem is recorded in the chart', evidence: [line.slice(0, line.indexOf(' | '))] }];
}

let redis: TestRedis;
let model: AzureOpenAIServer;
let a: Replica;
let b: Replica;

beforeAll(async () => {
  redis = await startRedis();
  model = await AzureOpenAIServer.start();
  // A budget far above the call: the waiting replica has all the time it needs (no timing is asserted).
  // Dates shifted: both replicas must shift alike (one secret) for the chart to be one cache key.
  const env = { ...azureOpenAIEnv(model), REDIS_URL: redis.url, SESSION_KEY: newSessionKey(), MODEL_BUDGET_MS: '20000', HOOK_DEADLINE_MS: '30000', MODEL_DATE_SHIFT: 'shift' };
  a = await startReplica(env);
  b = await startReplica(env);
});
afterAll(async () => {
  await a?.running.close();
  await b?.running.close();
  await model?.close();
  await redis?.stop();
});

async function briefCard(replica: Replica): Promise<Card> {
  const reply = await postJson(`${replica.url}/cds-services/patient-view`, request);
  expect(reply.status).toBe(200);
  const card = (reply.body as { cards: Card[] }).cards.find((c) => c.links?.some((l) => l.type === 'smart'));
  if (!card) throw new Error('no brief card');
  return card;
}

it('five concurrent calls for one chart split over two replicas make one model call, and all five get its brief', async () => {
  const held = model.hold({ kind: 'answer', statements });
  const calls = [a, b, a, b, a].map((replica) => briefCard(replica));
  await held.received;
  held.release();
  const cards = await Promise.all(calls);
  for (const card of cards) expect(card.source.label).toMatch(MODEL_LABEL);
  await a.running.service.modelCallsSettled();
  await b.running.service.modelCallsSettled();
  expect(model.requests).toHaveLength(1);

  // Later calls on either replica are answered from the shared cache: still one call.
  expect((await briefCard(b)).source.label).toMatch(MODEL_LABEL);
  expect((await briefCard(a)).source.label).toMatch(MODEL_LABEL);
  expect(model.requests).toHaveLength(1);
});

it('keeps the brief in Redis encrypted, under a key that does not name the patient, with the cache TTL', async () => {
  const client = new Redis(redis.url);
  try {
    const keys = await client.keys('chartbrief:brief:*');
    expect(keys).toHaveLength(1);
    const key = keys[0] ?? '';
    expect(key).toMatch(/^chartbrief:brief:hook:[A-Za-z0-9_-]{43}$/);
    const stored = (await client.get(key)) ?? '';
    expect(stored).toMatch(/^v1\./);
    for (const clear of ['An active problem', patient.patientId, 'Condition/']) expect(stored).not.toContain(clear);
    const ttl = await client.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900_000); // MODEL_CACHE_TTL_MS default
    // The lease ended with the call.
    expect(await client.keys('chartbrief:brief-lease:*')).toEqual([]);
  } finally {
    client.disconnect();
  }
});
