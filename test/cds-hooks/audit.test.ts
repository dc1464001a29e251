import { EmbeddedSummarizer } from '../../src/brief/embedded/embedded-summarizer';
import type { Summarizer } from '../../src/brief/summarizer';
import { memoryLedger } from '../../src/ledger/memory-ledger';
import type { AuditEvent } from '../../src/ledger/ports';
import { postJson } from '../support/http';
import { patientViewRequest } from '../support/hook-requests';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// The audit trail of hook calls (issue 12 §3) over HTTP: one event per call — answered or refused
// once it names a patient — with who, whom, what was read from where, the cards and their rules,
// and the model; patient ids there and never in the application log.

interface Card {
  uuid: string;
  indicator: string;
}

const NOW = new Date('2020-04-01T09:00:00Z');
const ledger = memoryLedger();
let svc: RunningService;

/** The embedded brief, as if a model had written it (the audit names the model from the provenance). */
const modelLike: Summarizer = {
  async summarize(chart, options) {
    const brief = await new EmbeddedSummarizer().summarize(chart, options);
    return { ...brief, provenance: { provider: 'azure-openai', model: 'gpt-4o-brief', promptVersion: 'chart-brief.v1', promptHash: 'hash-of-the-prompt', verified: 7, dropped: 2 } };
  },
};

beforeAll(async () => {
  svc = await startService({ now: () => NOW, ledger, summarizer: modelLike });
});
afterAll(() => svc.close());

/** The event of this request id, once written (it is written after the answer). */
async function auditOf(requestId: string): Promise<AuditEvent> {
  for (;;) {
    const event = ledger.auditEvents().find((e) => e.requestId === requestId);
    if (event) return event;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

it('writes one event per hook call: who, whom, the sections and their source, the cards and their rules, the model', async () => {
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, patientViewRequest('pat-audit-1'), { 'x-request-id': 'req-audit-1' });
  expect(reply.status).toBe(200);
  const cards = (reply.body as { cards: Card[] }).cards;
  const event = await auditOf('req-audit-1');
  expect(event).toMatchObject({
    at: NOW,
    kind: 'hook',
    requestId: 'req-audit-1',
    service: 'patient-view',
    patientId: 'pat-audit-1',
    userId: 'Practitioner/example',
    clientIss: 'unsigned-development',
    status: 200,
    model: { deployment: 'gpt-4o-brief', promptVersion: 'chart-brief.v1', promptHash: 'hash-of-the-prompt', verified: 7, dropped: 2 },
  });
  expect(event.durationMs).toBeGreaterThanOrEqual(0);
  expect(event.cards.map((c) => c.uuid)).toEqual(cards.map((c) => c.uuid));
  expect(event.sections).toContainEqual({ section: 'patient', state: 'complete', source: 'prefetch' });
  // The prefetch said "no data" (null) for the other sections: read from nowhere.
  expect(event.sections.every((s) => s.source === 'prefetch' || s.source === 'none')).toBe(true);
  expect(ledger.auditEvents().filter((e) => e.requestId === 'req-audit-1')).toHaveLength(1);
});

it('names the rule of each card of an order hook, and has no model without a brief', async () => {
  const found = loadRuleCases().find((c) => c.name === 'drug-safety/pddi-warfarin-nsaids-order-sign-no-coordination');
  if (!found) throw new Error('case missing');
  const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, caseRequest(found), { 'x-request-id': 'req-audit-2' });
  expect(reply.status).toBe(200);
  const event = await auditOf('req-audit-2');
  expect(event).toMatchObject({ service: 'order-sign', patientId: 'f101', userId: 'Practitioner/COREPRACTITIONER1', status: 200 });
  expect(event.model).toBeUndefined();
  expect(event.cards).toContainEqual(expect.objectContaining({ ruleId: 'drug-interaction', indicator: 'critical' }));
});

it('audits a refused call that names a patient, with its status; not one that names nobody', async () => {
  const { hookInstance: _missing, ...noInstance } = patientViewRequest('pat-audit-3');
  const refusedNobody = await postJson(`${svc.baseUrl}/cds-services/patient-view`, { hook: 'patient-view', context: {} }, { 'x-request-id': 'req-audit-nobody' });
  expect(refusedNobody.status).toBe(400);
  const refused = await postJson(`${svc.baseUrl}/cds-services/patient-view`, noInstance, { 'x-request-id': 'req-audit-3' });
  expect(refused.status).toBe(400);
  const event = await auditOf('req-audit-3');
  expect(event).toMatchObject({ kind: 'hook', service: 'patient-view', patientId: 'pat-audit-3', status: 400, cards: [], sections: [] });
  // Written in order, the earlier call that named nobody would be there by now.
  expect(ledger.auditEvents().some((e) => e.requestId === 'req-audit-nobody')).toBe(false);
});

it('audits a chart that could not be read (412) with the patient it was about', async () => {
  const request = patientViewRequest('pat-audit-4', { fhirServer: 'http://127.0.0.1:9/fhir' });
  delete (request['prefetch'] as Record<string, unknown>)['patient'];
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, request, { 'x-request-id': 'req-audit-4' });
  expect(reply.status).toBe(412);
  expect(await auditOf('req-audit-4')).toMatchObject({ patientId: 'pat-audit-4', status: 412 });
});

it('keeps patient ids out of the application log', () => {
  expect(svc.logs.length).toBeGreaterThan(0);
  for (const id of ['pat-audit-1', 'pat-audit-3', 'pat-audit-4', 'f101']) expect(svc.logs.join('\n')).not.toContain(id);
});
