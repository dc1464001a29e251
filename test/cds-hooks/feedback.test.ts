import { outcomeIssues, postJson } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.close());

const url = (id = 'order-sign'): string => `${svc.baseUrl}/cds-services/${id}/feedback`;

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

it('records feedback once and counts a repeat as a duplicate', async () => {
  const first = await postJson(url(), overridden);
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ recorded: 1, duplicates: 0 });
  const again = await postJson(url(), overridden);
  expect(again.body).toEqual({ recorded: 0, duplicates: 1 });
  const stored = await svc.service.feedback.list();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ serviceId: 'order-sign', outcome: 'overridden', card: '9368d37b-283f-44a0-93ea-547cebab93ed' });
});

it.each([
  ['feedback', {}],
  ['feedback', { feedback: [] }],
  ['feedback.0.outcome', { feedback: [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
  ['feedback.0.outcomeTimestamp', { feedback: [{ card: 'c', outcome: 'accepted', outcomeTimestamp: 'yesterday' }] }],
  ['feedback.0.card', { feedback: [{ outcome: 'accepted', outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
])('refuses feedback with a bad %s with 400 naming it', async (field, body) => {
  const reply = await postJson(url(), body);
  expect(reply.status).toBe(400);
  expect(outcomeIssues(reply.body).some((i) => i.expression.includes(field))).toBe(true);
});

it('answers feedback for an unknown service with 404', async () => {
  expect((await postJson(url('nope'), overridden)).status).toBe(404);
});
