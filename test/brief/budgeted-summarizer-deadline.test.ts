import type { FallbackEvent } from '../../src/brief/budgeted-summarizer';
import type { ConfiguredSummarizer } from '../../src/brief/model/create-summarizer';
import { createSummarizer } from '../../src/brief/model/create-summarizer';
import type { Deadline } from '../../src/deadline';
import { AzureOpenAIServer } from '../support/azure-openai-server';
import { AS_OF, azureSettings, ckdChart, goodStatements } from './model/model-test-kit';

// The model wait is min(MODEL_BUDGET_MS, time left before the hook's deadline): a hook whose FHIR
// reads used up its time does not wait the whole model budget too. The deadlines here are objects
// that answer a fixed time left, so nothing depends on the clock.

let server: AzureOpenAIServer;
let fallbacks: FallbackEvent[];

beforeEach(async () => {
  server = await AzureOpenAIServer.start();
  fallbacks = [];
});
afterEach(() => server.close());

function service(): ConfiguredSummarizer {
  return createSummarizer(azureSettings(server, { MODEL_BUDGET_MS: '60000' }), { onFallback: (e) => fallbacks.push(e) });
}

const left = (ms: number): Deadline => ({ remainingMs: () => ms });

it('waits only the time the deadline leaves, then answers with the embedded brief', async () => {
  const s = service();
  const held = server.hold({ kind: 'answer', statements: goodStatements });
  const brief = await s.summarize(ckdChart(), { asOf: AS_OF, deadline: left(40) });
  expect(brief.provenance.provider).toBe('embedded');
  expect(fallbacks).toEqual([{ reason: 'late', budgetMs: 40 }]);
  held.release();
  await s.settled();
});

it('with the deadline passed, does not wait at all, yet the model call goes on and its brief is cached for the next call', async () => {
  const s = service();
  const held = server.hold({ kind: 'answer', statements: goodStatements });
  expect((await s.summarize(ckdChart(), { asOf: AS_OF, deadline: left(-5) })).provenance.provider).toBe('embedded');
  expect(fallbacks).toEqual([{ reason: 'late', budgetMs: 0 }]);
  held.release();
  await s.settled();
  expect((await s.summarize(ckdChart(), { asOf: AS_OF, deadline: left(0) })).provenance.provider).toBe('azure-openai');
  expect(server.requests).toHaveLength(1);
});

it('without a deadline (the SMART app), the model budget alone applies', async () => {
  const s = service();
  server.reply({ kind: 'answer', statements: goodStatements });
  expect((await s.summarize(ckdChart(), { asOf: AS_OF })).provenance.provider).toBe('azure-openai');
  expect(fallbacks).toEqual([]);
});
