import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../store/database';
import { openStore } from '../../store/database';
import { startAuditPurge } from '../../store/audit-purge';
import { sqlAuditLog } from '../../store/sql-audit-log';
import type { TestPostgres } from '../support/postgres';
import { startPostgres } from '../support/postgres';
import type { AuditEvent } from '../../src/ledger/ports';

// The audit trail in SQL, on both engines (the embedded store and a real PostgreSQL): one row per
// event, read back as written, purged by age.

const NOW = new Date('2026-12-05T12:00:00Z');
const daysAgo = (d: number): Date => new Date(NOW.getTime() - d * 86_400_000);

function hookEvent(at: Date, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    at,
    kind: 'hook',
    requestId: 'req-1',
    clientIss: 'https://ehr.example.org',
    userId: 'Practitioner/dr-1',
    patientId: 'pat-1',
    service: 'order-sign',
    status: 200,
    durationMs: 41.6,
    sections: [
      { section: 'patient', state: 'complete', source: 'prefetch' },
      { section: 'labs', state: 'failed', source: 'fhir' },
    ],
    cards: [{ uuid: 'c-1', ruleId: 'drug-interaction', indicator: 'critical' }],
    model: { deployment: 'gpt-4o-brief', promptVersion: 'chart-brief.v1', promptHash: 'abc', verified: 9, dropped: 1 },
    ...over,
  };
}

/** Opens one engine's store for a describe block; closes it (and its server or folder) after. */
function withStore(open: () => Promise<{ store: Store; done: () => Promise<void> }>): () => Store {
  let opened: { store: Store; done: () => Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await open();
  }, 120_000);
  afterAll(async () => {
    await opened?.store.close();
    await opened?.done();
  });
  return () => {
    if (!opened) throw new Error('store not open');
    return opened.store;
  };
}

async function opened(settings: Parameters<typeof openStore>[0]): Promise<Store> {
  const result = await openStore(settings);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function auditTrailTests(store: () => Store): void {
  it('keeps every field of a hook event and of an app launch, the duration as whole milliseconds', async () => {
    const audit = sqlAuditLog(store().db);
    const launch: AuditEvent = { at: daysAgo(1), kind: 'app-launch', requestId: 'req-2', patientId: 'pat-1', status: 200, durationMs: 0.4, sections: [], cards: [] };
    await audit.record(hookEvent(daysAgo(2)));
    await audit.record(launch);
    const events = await audit.events(daysAgo(3), NOW);
    expect(events).toEqual([{ ...hookEvent(daysAgo(2)), durationMs: 42 }, { ...launch, durationMs: 0 }]);
  });

  it('purges only the events older than the retention, and says how many', async () => {
    const audit = sqlAuditLog(store().db);
    await audit.record(hookEvent(daysAgo(2200), { requestId: 'old-1' }));
    await audit.record(hookEvent(daysAgo(2191), { requestId: 'old-2' }));
    await audit.record(hookEvent(daysAgo(2189), { requestId: 'kept' }));
    const lines: Array<{ fields: object; msg: string }> = [];
    const log = { info: (fields: object, msg: string) => void lines.push({ fields, msg }), warn: (fields: object, msg: string) => void lines.push({ fields, msg }) };
    const purge = startAuditPurge({ audit, retentionDays: 2190, now: () => NOW, log });
    try {
      expect(await purge.first).toBe(2);
      expect(lines[0]?.fields).toMatchObject({ purged: 2, retentionDays: 2190 });
      const left = await audit.events(daysAgo(3000), NOW);
      expect(left.map((e) => e.requestId)).toEqual(['kept', 'req-1', 'req-2']);
      expect(await purge.runOnce()).toBe(0);
    } finally {
      purge.stop();
    }
  });
}

describe('embedded store (PGlite)', () => {
  const store = withStore(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartbrief-audit-'));
    return { store: await opened({ dataDir: dir }), done: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  });
  auditTrailTests(store);
});

it("keeps the embedded store's events across a restart (close, open the same DATA_DIR again)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chartbrief-audit-restart-'));
  try {
    const first = await opened({ dataDir: dir });
    await sqlAuditLog(first.db).record(hookEvent(daysAgo(1), { requestId: 'before-restart' }));
    await first.close();
    const second = await opened({ dataDir: dir });
    try {
      expect((await sqlAuditLog(second.db).events(daysAgo(2), NOW)).map((e) => e.requestId)).toEqual(['before-restart']);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

describe('PostgreSQL', () => {
  const store = withStore(async () => {
    const pg: TestPostgres = await startPostgres();
    return { store: await opened({ databaseUrl: pg.url, dataDir: '' }), done: () => pg.stop() };
  });
  auditTrailTests(store);
});
