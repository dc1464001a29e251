import { memoryLedger } from '../../src/ledger/memory-ledger';
import type { Ledger } from '../../src/ledger/ports';
import { outcomeIssues, postJson, send } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.close());

const url = (id = 'order-sign', base = svc.baseUrl): string => `${base}/cds-services/${id}/feedback`;

// The spec's own examples: https://cds-hooks.hl7.org/2.0/#feedback
const overridden = {
  feedback: [
    {
      card: '9368d37b-283f-44a0-93ea-547cebab93ed',
      outcome: 'overridden',
      overrideReason: { reason: { code: 'reason-code-provided-by-service', system: 'http://example.org/cds-services/fhir/CodeSystem/override-reasons' }, userComment: 'clinician entered comment' },
      outcomeTimestamp: '2020-12-11T00:00:00Z',
    },
  ],
};
const accepted = {
  feedback: [{ card: '4e0a3a1e-3283-4575-ab82-028d55fe2719', outcome: 'accepted', acceptedSuggestions: [{ id: 'e56e1945-20b3-4393-8503-a1a20fd73152' }], outcomeTimestamp: '2020-12-11T00:00:00Z' }],
};

it('records feedback once and counts a repeat as a duplicate', async () => {
  const first = await postJson(url(), overridden);
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ recorded: 1, duplicates: 0 });
  const again = await postJson(url(), overridden);
  expect(again.body).toEqual({ recorded: 0, duplicates: 1 });
  const stored = (await svc.service.ledger.feedback.list()).filter((f) => f.card === overridden.feedback[0]!.card);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ serviceId: 'order-sign', outcome: 'overridden', overrideReason: { reason: { code: 'reason-code-provided-by-service' }, userComment: 'clinician entered comment' } });
});

it('records an accepted card with the suggestions the user accepted', async () => {
  expect((await postJson(url(), accepted)).status).toBe(200);
  expect(await svc.service.ledger.feedback.list()).toContainEqual(expect.objectContaining({ card: accepted.feedback[0]!.card, outcome: 'accepted', acceptedSuggestions: [{ id: 'e56e1945-20b3-4393-8503-a1a20fd73152' }] }));
});

it.each([
  ['feedback', {}],
  ['feedback', { feedback: [] }],
  ['feedback.0.outcome', { feedback: [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
  ['feedback.0.outcomeTimestamp', { feedback: [{ card: 'c', outcome: 'accepted', acceptedSuggestions: [{ id: 's' }], outcomeTimestamp: 'yesterday' }] }],
  ['feedback.0.card', { feedback: [{ outcome: 'accepted', acceptedSuggestions: [{ id: 's' }], outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
  // CDS Hooks 2.0: acceptedSuggestions is required for accepted outcomes.
  ['feedback.0.acceptedSuggestions', { feedback: [{ card: 'c', outcome: 'accepted', outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
  ['feedback.1.acceptedSuggestions', { feedback: [accepted.feedback[0], { card: 'c', outcome: 'accepted', acceptedSuggestions: [], outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
])('refuses feedback with a bad %s with 400 naming it', async (field, body) => {
  const before = (await svc.service.ledger.feedback.list()).length;
  const reply = await postJson(url(), body);
  expect(reply.status).toBe(400);
  expect(outcomeIssues(reply.body).some((i) => i.expression.includes(field))).toBe(true);
  expect(await svc.service.ledger.feedback.list()).toHaveLength(before);
});

it('answers feedback for an unknown service with 404', async () => {
  expect((await postJson(url('nope'), overridden)).status).toBe(404);
});

describe('when the store cannot write', () => {
  let down: RunningService;
  beforeAll(async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const ledger: Ledger = { ...memoryLedger(), feedback: { record: () => Promise.reject(refused), list: () => Promise.resolve([]) } };
    down = await startService({ ledger });
  });
  afterAll(() => down.close());

  it('answers 503 with an OperationOutcome, never 200 or 500, counts it and logs no feedback content', async () => {
    const reply = await postJson(url('order-sign', down.baseUrl), overridden);
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('30');
    expect(reply.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] });
    expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/could not be stored/);
    const metrics = (await send(`${down.baseUrl}/metrics`)).text;
    expect(metrics).toMatch(/chartbrief_store_errors_total\{operation="record-feedback"\} 1/);
    const logs = down.logs.join('');
    expect(logs).toMatch(/"operation":"record-feedback","error":"Error","code":"ECONNREFUSED"/);
    expect(logs).not.toContain(overridden.feedback[0]!.card);
    expect(logs).not.toContain('clinician entered comment');
  });
});
