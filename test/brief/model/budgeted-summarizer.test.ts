import type { FallbackEvent, ModelOutcome } from '../../../src/brief/budgeted-summarizer';
import type { ConfiguredSummarizer } from '../../../src/brief/model/create-summarizer';
import { createSummarizer } from '../../../src/brief/model/create-summarizer';
import type { Env } from '../../../src/brief/model/model-settings';
import { AzureOpenAIServer, CONTENT_FILTER_ERROR, RATE_LIMIT_ERROR, SERVER_ERROR } from '../../support/azure-openai-server';
import { AS_OF, azureSettings, ckdChart, goodStatements } from './model-test-kit';

// A hook never waits for the model longer than MODEL_BUDGET_MS: it answers with the embedded
// brief, and the model's verified brief, when it comes, is cached for the next call. No test here
// asserts on time: held answers are released by the test, the clock of back-offs is injected.

let server: AzureOpenAIServer;
let clock: number;
let fallbacks: FallbackEvent[];
let outcomes: ModelOutcome[];

beforeEach(async () => {
  server = await AzureOpenAIServer.start();
  clock = Date.parse('2021-06-01T08:00:00Z');
  fallbacks = [];
  outcomes = [];
});

afterEach(async () => {
  await server.close();
});

function service(env: Env = {}): ConfiguredSummarizer {
  return createSummarizer(azureSettings(server, env), {
    now: () => clock,
    onFallback: (e) => fallbacks.push(e),
    onModelOutcome: (o) => outcomes.push(o),
  });
}

describe('a model that has not answered', () => {
  it('leaves the hook with the embedded brief; after release the next call gets the cached model brief, with no second call', async () => {
    const s = service({ MODEL_BUDGET_MS: '50' });
    const held = server.hold({ kind: 'answer', statements: goodStatements });
    const first = await s.summarize(ckdChart(), { asOf: AS_OF });
    expect(first.provenance.provider).toBe('embedded');
    expect(fallbacks).toEqual([{ reason: 'late', budgetMs: 50 }]);

    held.release();
    await s.settled();
    const second = await s.summarize(ckdChart(), { asOf: AS_OF });
    expect(second.provenance).toMatchObject({ provider: 'azure-openai', verified: 4 });
    expect(server.requests).toHaveLength(1);
    expect(outcomes).toEqual([{ ok: true, verified: 4, dropped: 0, dropReasons: {}, durationMs: expect.any(Number) as number }]);
  });

  it('with MODEL_BUDGET_MS=0 is never waited for, yet its answer is cached', async () => {
    const s = service({ MODEL_BUDGET_MS: '0' });
    server.reply({ kind: 'answer', statements: goodStatements });
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    await s.settled();
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('azure-openai');
    expect(server.requests).toHaveLength(1);
  });
});

describe('concurrent calls for the same chart', () => {
  it('share one model call and all get its brief', async () => {
    const s = service();
    const held = server.hold({ kind: 'answer', statements: goodStatements });
    const calls = [s.summarize(ckdChart(), { asOf: AS_OF }), s.summarize(ckdChart(), { asOf: AS_OF }), s.summarize(ckdChart(), { asOf: AS_OF })];
    await held.received;
    held.release();
    const briefs = await Promise.all(calls);
    expect(briefs.map((b) => b.provenance.provider)).toEqual(['azure-openai', 'azure-openai', 'azure-openai']);
    expect(server.requests).toHaveLength(1);
  });

  it('share one call even when all of them are answered late', async () => {
    const s = service({ MODEL_BUDGET_MS: '20' });
    const held = server.hold({ kind: 'answer', statements: goodStatements });
    const briefs = await Promise.all([s.summarize(ckdChart(), { asOf: AS_OF }), s.summarize(ckdChart(), { asOf: AS_OF })]);
    expect(briefs.map((b) => b.provenance.provider)).toEqual(['embedded', 'embedded']);
    held.release();
    await s.settled();
    expect(server.requests).toHaveLength(1);
  });

  it('do not share a call when the chart changed', async () => {
    const s = service();
    server.reply({ kind: 'answer', statements: goodStatements }).reply({ kind: 'answer', statements: goodStatements });
    await s.summarize(ckdChart(), { asOf: AS_OF });
    const changed = ckdChart((b) => b.observation({ id: 'obs-k', loinc: '2823-3', value: 5.9, unit: 'mmol/L', date: '2021-05-31' }));
    expect((await s.summarize(changed, { asOf: AS_OF })).provenance.provider).toBe('azure-openai');
    expect(server.requests).toHaveLength(2);
  });
});

describe('a 429 with retry-after', () => {
  it('falls back, and no model call is made for any chart before retry-after has passed', async () => {
    const s = service({ MODEL_MAX_RETRIES: '2' });
    server.reply({ kind: 'error', status: 429, body: RATE_LIMIT_ERROR, headers: { 'retry-after': '30' } });
    const first = await s.summarize(ckdChart(), { asOf: AS_OF });
    expect(first.provenance.provider).toBe('embedded');
    expect(fallbacks).toEqual([{ reason: 'failed', failure: { kind: 'rate-limited', status: 429, retryAfterMs: 30_000 }, cached: false }]);
    expect(server.requests).toHaveLength(1); // the SDK's own retries are not spent on a 429

    const other = ckdChart((b) => b.condition({ id: 'cond-htn', display: 'Hypertension', onset: '2010-01-01' }));
    clock += 29_000;
    expect((await s.summarize(other, { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(fallbacks[1]).toEqual({ reason: 'backing-off', retryInMs: 1_000, cause: 'rate-limited' });
    expect(server.requests).toHaveLength(1);

    clock += 1_001;
    server.reply({ kind: 'answer', statements: goodStatements });
    expect((await s.summarize(other, { asOf: AS_OF })).provenance.provider).toBe('azure-openai');
    expect(server.requests).toHaveLength(2);
  });
});

describe('failures fall back to the embedded brief with a logged reason', () => {
  it('a 500 is retried by the SDK at most MODEL_MAX_RETRIES times, then the chart is not asked about again for a while', async () => {
    const s = service({ MODEL_MAX_RETRIES: '1' });
    server.reply({ kind: 'error', status: 500, body: SERVER_ERROR }).reply({ kind: 'error', status: 500, body: SERVER_ERROR });
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(server.requests).toHaveLength(2);
    expect(fallbacks).toEqual([{ reason: 'failed', failure: { kind: 'server-error', status: 500 }, cached: false }]);
    clock += 5_000;
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(fallbacks[1]).toEqual({ reason: 'failed', failure: { kind: 'server-error', status: 500 }, cached: true });
    expect(server.requests).toHaveLength(2);
  });

  it("Azure's 400 content_filter error names the filtered category and nothing of the prompt", async () => {
    const s = service();
    server.reply({ kind: 'error', status: 400, body: CONTENT_FILTER_ERROR });
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(fallbacks).toEqual([{ reason: 'failed', failure: { kind: 'content-filter', status: 400, categories: ['jailbreak'] }, cached: false }]);
  });

  it('a timeout of the model call (MODEL_TIMEOUT_MS) is a failure, not a hang', async () => {
    const s = service({ MODEL_TIMEOUT_MS: '100' });
    server.hold({ kind: 'answer', statements: goodStatements });
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(fallbacks).toEqual([{ reason: 'failed', failure: { kind: 'timeout' }, cached: false }]);
  });

  it.each([
    ['invalid JSON', { kind: 'message', content: 'Here is the brief: {' } as const, 'invalid-json'],
    ['finish_reason content_filter', { kind: 'message', content: null, finishReason: 'content_filter' } as const, 'content-filter'],
    ['a refusal', { kind: 'message', content: null, refusal: 'I cannot help with that.' } as const, 'refusal'],
  ])('%s', async (_name, reply, kind) => {
    const s = service();
    server.reply(reply);
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    expect(fallbacks).toEqual([{ reason: 'failed', failure: expect.objectContaining({ kind }) as unknown, cached: false }]);
    expect(outcomes).toEqual([{ ok: false, failure: expect.objectContaining({ kind }) as unknown, durationMs: expect.any(Number) as number }]);
  });

  it('an unreachable server is a failure, and later calls back off instead of hammering it', async () => {
    const url = server.url;
    await server.close();
    const s = createSummarizer(azureSettings({ url } as AzureOpenAIServer), { now: () => clock, onFallback: (e) => fallbacks.push(e) });
    await s.summarize(ckdChart(), { asOf: AS_OF });
    await s.summarize(ckdChart((b) => b.condition({ display: 'Gout', onset: '2012-01-01' })), { asOf: AS_OF });
    expect(fallbacks).toEqual([
      { reason: 'failed', failure: { kind: 'unreachable' }, cached: false },
      { reason: 'backing-off', retryInMs: 1_000, cause: 'unreachable' },
    ]);
    server = await AzureOpenAIServer.start();
  });
});

describe('the embedded provider', () => {
  it('is the default and calls nothing', async () => {
    const s = createSummarizer({ provider: 'embedded', budgetMs: 600 });
    expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('embedded');
    await s.settled();
  });
});
