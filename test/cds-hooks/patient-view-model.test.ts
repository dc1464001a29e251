import type { AnswerStatement, RecordedRequest } from '../support/azure-openai-server';
import { azureOpenAIEnv, AzureOpenAIServer, promptLines } from '../support/azure-openai-server';
import { postJson } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';

// patient-view with MODEL_PROVIDER=azure-openai, end to end: the real service, the real openai SDK,
// a loopback server speaking Azure OpenAI's wire format. The hook never waits for a late model.

interface Card {
  summary: string;
  detail?: string;
  source: { label: string };
  links?: { type: string }[];
}

const patient = fixturePatient('Ali_Herman');
const request = {
  hook: 'patient-view',
  hookInstance: 'model-1',
  context: { userId: 'Practitioner/example', patientId: patient.patientId },
  prefetch: prefetchFromBundle(loadFixtureBundle(patient.file)),
};

/** A model that cites the first problem line of the prompt, in words only (nothing numeric to verify). */
function statements(req: RecordedRequest): AnswerStatement[] {
  const line = promptLines(req).find((l) => l.startsWith('Condition/'));
  if (!line) throw new Error('no problem line in the prompt');
  return [{ section: 'problems', text: 'An active problem is recorded in the chart', evidence: [line.slice(0, line.indexOf(' | '))] }];
}

let model: AzureOpenAIServer;
let svc: RunningService;

beforeAll(async () => {
  model = await AzureOpenAIServer.start();
  svc = await startService({
    env: { ...azureOpenAIEnv(model), MODEL_BUDGET_MS: '50' },
  });
});
afterAll(async () => {
  await svc.close();
  await model.close();
});

async function briefCard(): Promise<Card> {
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, request);
  expect(reply.status).toBe(200);
  const card = (reply.body as { cards: Card[] }).cards.find((c) => c.links?.some((l) => l.type === 'smart'));
  if (!card) throw new Error('no brief card');
  return card;
}

it('answers with the embedded brief while the model is late, then serves the verified model brief from cache', async () => {
  const held = model.hold({ kind: 'answer', statements });
  const first = await briefCard();
  expect(first.source.label).toBe('ChartBrief (embedded summary)');
  await held.received;
  held.release();
  await svc.service.modelCallsSettled();

  const second = await briefCard();
  expect(second.source.label).toMatch(/^ChartBrief · chartbrief-gpt4o \(verified 1\/1 statements?\)$/);
  expect(second.detail).toContain('An active problem is recorded in the chart');
  expect(model.requests).toHaveLength(1);

  // What reached the model: the deployment path with an api-key, and nothing that names the patient.
  const sent = model.requests[0];
  expect(sent?.path).toBe('/openai/deployments/chartbrief-gpt4o/chat/completions');
  expect(sent?.headers['api-key']).toBe('test-key');
  const bundle = JSON.stringify(request.prefetch.patient);
  const name = /"family":"([^"]+)"/.exec(bundle)?.[1] ?? '';
  expect(name.length).toBeGreaterThan(1);
  expect(sent?.raw).not.toContain(name);
  expect(sent?.raw).not.toContain(patient.patientId);
});
