import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/database';
import { sqlAuditLog } from '../../store/sql-audit-log';
import { postJson, send } from '../support/http';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import type { ServiceProcess } from '../support/service-process';
import { ensureBuilt, startServiceProcess } from '../support/service-process';

// The built service on the embedded store (PGlite under its own DATA_DIR), as `npm start` runs it:
// cards shown, feedback answered 200 and the audit trail are still there after a graceful stop
// and a start on the same folder — including what the last hook wrote after answering, just
// before SIGTERM.

const SLOW_MS = 240_000;
const ADMIN_TOKEN = 'restart-admin-token-0123456789abcdef';
// An order-sign call that gets a critical drug-allergy card whatever the date.
const CASE = loadRuleCases().find((c) => c.name === 'drug-safety/amoxicillin-penicillin-allergy')!;
const PATIENT = 'pcn-allergic';

interface Card {
  uuid: string;
  indicator: string;
}
interface Alerts {
  rules: { ruleId: string; shown: number; accepted: number; overridden: number; ignored: number; reasons: Record<string, number> }[];
}

let dir: string;
let running: ServiceProcess | undefined;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chartbrief-restart-'));
}, SLOW_MS);
afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = async (): Promise<ServiceProcess> => (running = await startServiceProcess({ DATA_DIR: join(dir, 'data'), ADMIN_TOKEN }));

async function stop(svc: ServiceProcess): Promise<void> {
  expect(await svc.stop()).toBe(0);
  running = undefined;
}

async function hookCall(svc: ServiceProcess, requestId: string): Promise<Card[]> {
  const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, caseRequest(CASE), { 'x-request-id': requestId });
  expect(reply.status).toBe(200);
  const cards = (reply.body as { cards: Card[] }).cards;
  expect(cards.length).toBeGreaterThan(0);
  return cards;
}

async function alerts(svc: ServiceProcess, since: Date, until: Date): Promise<Alerts> {
  const reply = await send(`${svc.baseUrl}/admin/api/alerts?since=${since.toISOString()}&until=${until.toISOString()}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(reply.status).toBe(200);
  return reply.body as Alerts;
}

const shownIn = (a: Alerts): number => a.rules.reduce((n, r) => n + r.shown, 0);

it('keeps cards, feedback and audit rows across a graceful restart on one DATA_DIR', async () => {
  const since = new Date(Date.now() - 60_000);
  const until = new Date(Date.now() + 10 * 60_000);
  const first = await start();
  const shownFirst = await hookCall(first, 'restart-hook-1');
  // Cards are recorded after the answer: wait until the analytics count them (bounded by the test timeout).
  while (shownIn(await alerts(first, since, until)) < shownFirst.length) await new Promise((r) => setTimeout(r, 50));

  const overridden = shownFirst[0]!.uuid;
  const feedback = await postJson(`${first.baseUrl}/cds-services/order-sign/feedback`, {
    feedback: [{ card: overridden, outcome: 'overridden', overrideReason: { reason: { code: 'patient-tolerated', display: 'Patient has tolerated it before' } }, outcomeTimestamp: new Date().toISOString() }],
  });
  expect(feedback).toMatchObject({ status: 200, body: { recorded: 1, duplicates: 0 } });
  // The last call's cards and audit row are written after its answer: SIGTERM right away must not lose them.
  const shownLast = await hookCall(first, 'restart-hook-2');
  await stop(first);

  const second = await start();
  const after = await alerts(second, since, until);
  expect(shownIn(after)).toBe(shownFirst.length + shownLast.length);
  expect(after.rules.reduce((n, r) => n + r.overridden, 0)).toBe(1);
  expect(after.rules.find((r) => r.overridden === 1)?.reasons).toEqual({ 'patient-tolerated': 1 });
  await stop(second);

  // The audit trail, read from the folder once the service has let go of it.
  const store = await openStore({ dataDir: join(dir, 'data') });
  if (!store.ok) throw new Error(store.error);
  try {
    const events = await sqlAuditLog(store.value.db).events(since, until);
    expect(events.map((e) => ({ kind: e.kind, requestId: e.requestId, service: e.service, patientId: e.patientId, status: e.status, cards: e.cards.map((c) => c.uuid) }))).toEqual([
      { kind: 'hook', requestId: 'restart-hook-1', service: 'order-sign', patientId: PATIENT, status: 200, cards: shownFirst.map((c) => c.uuid) },
      { kind: 'hook', requestId: 'restart-hook-2', service: 'order-sign', patientId: PATIENT, status: 200, cards: shownLast.map((c) => c.uuid) },
    ]);
  } finally {
    await store.value.close();
  }
}, SLOW_MS);
