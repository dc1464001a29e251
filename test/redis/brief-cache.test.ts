import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisBriefCache } from '../../redis/brief-cache';
import type { RedisLog } from '../../redis/redis-client';
import { createJsonSealer } from '../../redis/sealed-json';
import type { Brief } from '../../src/brief/brief';
import type { FallbackEvent } from '../../src/brief/budgeted-summarizer';
import { createSummarizer } from '../../src/brief/model/create-summarizer';
import type { SharedBriefs } from '../../src/brief/shared-briefs';
import { AzureOpenAIServer, SERVER_ERROR } from '../support/azure-openai-server';
import { freePort } from '../support/free-port';
import type { TestRedis } from '../support/redis';
import { startRedis } from '../support/redis';
import { AS_OF, azureSettings, ckdChart, goodStatements } from '../brief/model/model-test-kit';

// The model-brief cache and its lease in Redis (the SharedBriefs port), against a real Redis.

const brief: Brief = { headline: { text: 'Headline', evidence: ['Patient/p1'] }, sections: [], provenance: { provider: 'azure-openai', model: 'm' } };
const log: RedisLog & { lines: string[] } = { lines: [], info: (f, m) => void log.lines.push(`${JSON.stringify(f)} ${m}`), warn: (f, m) => void log.lines.push(`${JSON.stringify(f)} ${m}`) };

let redis: TestRedis;
let client: Redis;
let cache: SharedBriefs;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
  cache = createRedisBriefCache({ client, sealer: createJsonSealer(randomBytes(32)), log, namespace: 'test', pollMs: 10 });
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

const key = (): string => `Patient/${randomBytes(6).toString('hex')}|hash|azure-openai:m|v1`;

it('one claim per key: the holder fulfils, the others find or wait for the brief', async () => {
  const k = key();
  const claim = await cache.claim(k, 10_000);
  expect(claim.kind).toBe('claimed');
  expect(await cache.claim(k, 10_000)).toEqual({ kind: 'busy' });
  const waiting = cache.waitFor(k, 10_000);
  if (claim.kind !== 'claimed') throw new Error('not claimed');
  await cache.fulfil(k, claim.token, brief, 60_000);
  expect(await waiting).toEqual(brief);
  expect(await cache.get(k)).toEqual(brief);
  // The lease is gone: the next claim is free (the caller would find the brief first).
  expect((await cache.claim(k, 10_000)).kind).toBe('claimed');
});

it('a failed call marks the key failed for the hold: others neither call nor wait', async () => {
  const k = key();
  const claim = await cache.claim(k, 10_000);
  if (claim.kind !== 'claimed') throw new Error('not claimed');
  const waiting = cache.waitFor(k, 60_000);
  await cache.fail(k, claim.token, 'content-filter', 60_000);
  expect(await waiting).toBeUndefined();
  expect(await cache.claim(k, 10_000)).toEqual({ kind: 'failed', failure: 'content-filter' });
});

it('only the holder ends a lease; a released lease ends a wait at once', async () => {
  const k = key();
  const claim = await cache.claim(k, 10_000);
  if (claim.kind !== 'claimed') throw new Error('not claimed');
  await cache.release(k, 'someone-else');
  await cache.fulfil(k, 'someone-else', brief, 0);
  expect(await cache.claim(k, 10_000)).toEqual({ kind: 'busy' });
  const waiting = cache.waitFor(k, 60_000);
  await cache.release(k, claim.token);
  expect(await waiting).toBeUndefined();
  expect(await cache.get(k)).toBeUndefined();
});

it('a brief sealed under another SESSION_KEY reads as absent', async () => {
  const k = key();
  const claim = await cache.claim(k, 10_000);
  if (claim.kind !== 'claimed') throw new Error('not claimed');
  await cache.fulfil(k, claim.token, brief, 60_000);
  const other = createRedisBriefCache({ client, sealer: createJsonSealer(randomBytes(32)), log, namespace: 'test' });
  expect(await other.get(k)).toBeUndefined();
});

it('an unreachable Redis reads as a miss and an unavailable claim (the replica goes on alone), logged once', async () => {
  const port = await freePort();
  const down = new Redis(`redis://127.0.0.1:${port}`, { commandTimeout: 200, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
  down.on('error', () => undefined);
  try {
    const unreachable = createRedisBriefCache({ client: down, sealer: createJsonSealer(randomBytes(32)), log, namespace: 'test' });
    log.lines.length = 0;
    expect(await unreachable.get(key())).toBeUndefined();
    expect(await unreachable.claim(key(), 1000)).toEqual({ kind: 'unavailable' });
    expect(await unreachable.waitFor(key(), 1000)).toBeUndefined();
    expect(log.lines.filter((l) => l.includes('brief-cache-unreachable'))).toHaveLength(1);
  } finally {
    down.disconnect();
  }
});

describe('two summarizers sharing the cache (two replicas)', () => {
  let model: AzureOpenAIServer;
  beforeEach(async () => {
    model = await AzureOpenAIServer.start();
  });
  afterEach(async () => {
    await model.close();
  });

  function replica(fallbacks: FallbackEvent[]): ReturnType<typeof createSummarizer> {
    const shared = createRedisBriefCache({ client, sealer: createJsonSealer(Buffer.alloc(32, 7)), log, namespace: `pair-${model.url}`, pollMs: 10 });
    return createSummarizer(azureSettings(model, { MODEL_BUDGET_MS: '20000' }), { shared, onFallback: (e) => fallbacks.push(e) });
  }

  it('the second replica gets the first one’s brief from the cache, with no call of its own', async () => {
    model.reply({ kind: 'answer', statements: goodStatements });
    const [one, two] = [replica([]), replica([])];
    expect((await one.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('azure-openai');
    expect((await two.summarize(ckdChart(), { asOf: AS_OF })).provenance).toMatchObject({ provider: 'azure-openai', verified: 4 });
    expect(model.requests).toHaveLength(1);
  });

  it('after one replica’s call failed, the other answers with the embedded brief at once instead of calling again', async () => {
    model.reply({ kind: 'error', status: 500, body: SERVER_ERROR });
    const fallbacks: FallbackEvent[] = [];
    const [one, two] = [replica([]), replica(fallbacks)];
    expect((await one.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect((await two.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(fallbacks).toEqual([{ reason: 'failed', failure: { kind: 'server-error' }, cached: true }]);
    expect(model.requests).toHaveLength(1);
  });
});
