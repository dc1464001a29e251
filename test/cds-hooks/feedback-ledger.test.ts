import { memoryLedger } from '../../src/ledger/memory-ledger';
import { alertReport } from '../../src/ledger/alert-analytics';
import type { CardRecord } from '../../src/ledger/memory-ledger';
import { patientViewRequest } from '../support/hook-requests';
import { postJson } from '../support/http';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// Every card a hook returns is recorded (after the answer) with what made it, and feedback on it is
// joined to it in the analytics.

const CASE = loadRuleCases().find((c) => c.name === 'interactions/warfarin-levofloxacin-inr-4.6-critical')!;
const AS_OF = new Date(CASE.asOf);

const ledger = memoryLedger();
let svc: RunningService;
beforeAll(async () => {
  svc = await startService({ ledger, now: () => AS_OF });
});
afterAll(() => svc.close());

/** The ledger is written after the answer: wait (bounded by the test timeout) until the cards are there. */
async function recorded(uuids: string[]): Promise<CardRecord[]> {
  for (;;) {
    const records = ledger.cardRecords().filter((r) => uuids.includes(r.uuid));
    if (records.length === uuids.length) return records;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('records each card of an order-sign call with its rule, finding, knowledge rows, severity fact and draft, and joins its override', async () => {
  const request = caseRequest(CASE);
  const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, request);
  expect(reply.status).toBe(200);
  const cards = (reply.body as { cards: Array<{ uuid: string; indicator: string }> }).cards;
  const [record] = (await recorded(cards.map((c) => c.uuid))).filter((r) => r.findingKey === 'ddi:11289+82122');
  expect(record).toEqual({
    uuid: expect.any(String) as string,
    shownAt: AS_OF,
    service: 'order-sign',
    hookInstance: request.hookInstance,
    requestId: reply.headers.get('x-request-id'),
    patientId: 'pd-warf-levo-46',
    userId: 'Practitioner/pr-2',
    // Calls are unsigned here (no CDS_CLIENTS_FILE): the client is named as such.
    clientIss: 'unsigned-development',
    knowledgeVersion: expect.any(String) as string,
    ruleId: 'drug-interaction',
    findingKey: 'ddi:11289+82122',
    indicator: 'critical',
    knowledge: ['mech:bleeding:warfarin-fluoroquinolone'],
    severityFact: { code: 'inr', value: 4.6, unit: '{INR}', ref: 'Observation/inr-1', date: '2026-05-29' },
    draftRefs: ['MedicationRequest/levofloxacin-draft'],
  });
  expect(cards.find((c) => c.uuid === record!.uuid)?.indicator).toBe('critical');

  const feedback = { feedback: [{ card: record!.uuid, outcome: 'overridden', overrideReason: { reason: { code: 'will-monitor' }, userComment: 'INR recheck tomorrow' }, outcomeTimestamp: '2026-06-01T12:01:00Z' }] };
  expect((await postJson(`${svc.baseUrl}/cds-services/order-sign/feedback`, feedback)).status).toBe(200);
  const window = { since: new Date('2026-06-01T00:00:00Z'), until: new Date('2026-06-02T00:00:00Z') };
  const report = alertReport(await ledger.analytics.alertTallies(window.since, window.until), window);
  expect(report.rules.find((r) => r.ruleId === 'drug-interaction')).toMatchObject({ shown: 1, overridden: 1, overrideRate: 1, reasons: { 'will-monitor': 1 } });
  const past = await ledger.overrides.overridesFor('pd-warf-levo-46', window.since);
  expect(past).toEqual([expect.objectContaining({ ruleId: 'drug-interaction', findingKey: 'ddi:11289+82122', draftRefs: ['MedicationRequest/levofloxacin-draft'], reason: 'will-monitor: INR recheck tomorrow' })]);
});

it('records the brief card of patient-view without a rule, and leaves it out of the analytics', async () => {
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, patientViewRequest('pat-brief'));
  expect(reply.status).toBe(200);
  const cards = (reply.body as { cards: Array<{ uuid: string; summary: string }> }).cards;
  const records = await recorded(cards.map((c) => c.uuid));
  expect(records).toHaveLength(cards.length);
  const brief = records.find((r) => r.ruleId === undefined);
  expect(brief).toMatchObject({ service: 'patient-view', patientId: 'pat-brief', indicator: 'info', knowledge: [], draftRefs: [] });
  expect(brief).not.toHaveProperty('findingKey');
});

it('never logs the patient id when it records cards', () => {
  expect(svc.logs.join('')).not.toContain('pd-warf-levo-46');
});
