import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../store/database';
import { openStore } from '../../store/database';
import { sqlLedger } from '../../store/sql-ledger';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import { outcomeIssues, postJson, send } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// Feedback over HTTP into the embedded SQL store: a 200 means the row is there, a repeat adds
// none, and once the store is gone feedback gets 503 while hooks still answer.

// An order-sign call that gets a critical interaction card.
const CASE = loadRuleCases().find((c) => c.name === 'interactions/warfarin-levofloxacin-inr-4.6-critical')!;
const PATIENT = 'pd-warf-levo-46';

let dir: string;
let store: Store;
let svc: RunningService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartbrief-feedback-'));
  const opened = await openStore({ dataDir: dir });
  if (!opened.ok) throw new Error(opened.error);
  store = opened.value;
  svc = await startService({ ledger: sqlLedger(store), now: () => new Date(CASE.asOf) });
}, 120_000);
afterAll(async () => {
  await svc?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const feedbackUrl = (): string => `${svc.baseUrl}/cds-services/order-sign/feedback`;
const overridden = (card: string) => ({ feedback: [{ card, outcome: 'overridden', overrideReason: { reason: { code: 'will-monitor', display: 'Will monitor' }, userComment: 'rechecking' }, outcomeTimestamp: '2026-11-26T10:00:00Z' }] });

it('writes feedback before answering 200, and a repeat adds no row', async () => {
  const first = await postJson(feedbackUrl(), overridden('card-1'));
  expect(first).toMatchObject({ status: 200, body: { recorded: 1, duplicates: 0 } });
  // Read straight from the table, right after the answer: no waiting.
  const rows = await store.db.selectFrom('feedback').selectAll().where('card_uuid', '=', 'card-1').execute();
  expect(rows).toEqual([expect.objectContaining({ service: 'order-sign', outcome: 'overridden', override_code: 'will-monitor', override_display: 'Will monitor', override_comment: 'rechecking', client_iss: 'unsigned-development' })]);
  const again = await postJson(feedbackUrl(), overridden('card-1'));
  expect(again).toMatchObject({ status: 200, body: { recorded: 0, duplicates: 1 } });
  expect(await store.db.selectFrom('feedback').select('id').where('card_uuid', '=', 'card-1').execute()).toHaveLength(1);
});

it('records the cards of a hook call in card_record', async () => {
  const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, caseRequest(CASE));
  expect(reply.status).toBe(200);
  const cards = (reply.body as { cards: Array<{ uuid: string }> }).cards;
  expect(cards.length).toBeGreaterThan(0);
  // Written after the answer: wait for it (bounded by the test timeout).
  for (;;) {
    const rows = await store.db.selectFrom('card_record').select(['card_uuid', 'patient_id', 'service']).where('patient_id', '=', PATIENT).execute();
    if (rows.length === cards.length) {
      expect(rows.map((r) => r.card_uuid).sort()).toEqual(cards.map((c) => c.uuid).sort());
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

it('answers feedback with 503 once the store is down, while hooks still answer', async () => {
  await store.close();
  const reply = await postJson(feedbackUrl(), overridden('card-2'));
  expect(reply.status).toBe(503);
  expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/could not be stored/);
  expect((await postJson(`${svc.baseUrl}/cds-services/order-sign`, caseRequest(CASE))).status).toBe(200);
  // The cards of that call could not be recorded: counted, once the background write has failed.
  for (;;) {
    const metrics = (await send(`${svc.baseUrl}/metrics`)).text;
    if (/chartbrief_store_errors_total\{operation="record-cards"\} 1/.test(metrics)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(svc.logs.join('')).not.toContain(PATIENT);
});
