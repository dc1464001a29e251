import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Store } from '../../store/database';
import { openStore } from '../../store/database';
import { sqlLedger } from '../../store/sql-ledger';
import type { Ledger } from '../../src/ledger/ports';
import { writeBehind } from '../../src/ledger/write-behind';
import { ledgerContract } from '../ledger/ledger-contract';
import type { TestPostgres } from '../support/postgres';
import { startPostgres } from '../support/postgres';

// The SQL ledger on both engines, written behind the hook as the service composes it: the same
// contract as the in-memory one (tests/ledger), on a store emptied before each test.

async function opened(settings: Parameters<typeof openStore>[0]): Promise<Store> {
  const store = await openStore(settings);
  if (!store.ok) throw new Error(store.error);
  return store.value;
}

function emptied(store: Store): () => Promise<Ledger> {
  return async () => {
    await sql`truncate card_record, feedback, audit_event`.execute(store.db);
    // As the service composes it: card records and audit rows written in batches behind the hook.
    return writeBehind(sqlLedger(store));
  };
}

describe('on the embedded store (PGlite)', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartbrief-ledger-'));
    store = await opened({ dataDir: dir });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  ledgerContract(() => emptied(store)());

  it('keeps feedback it answered for across a reopen of the store', async () => {
    const ledger = await emptied(store)();
    const entry = { serviceId: 'order-sign', card: 'kept-1', outcome: 'overridden' as const, outcomeTimestamp: '2026-11-01T09:00:00Z', clientIss: 'https://ehr.example.org', overrideReason: { reason: { code: 'will-monitor' } } };
    expect(await ledger.feedback.record(entry)).toBe(true);
    await store.close();
    store = await opened({ dataDir: dir });
    expect(await sqlLedger(store).feedback.list()).toEqual([{ ...entry, outcomeTimestamp: '2026-11-01T09:00:00.000Z' }]);
  }, 120_000);
});

describe('on PostgreSQL', () => {
  let pg: TestPostgres;
  let store: Store;
  beforeAll(async () => {
    pg = await startPostgres();
    store = await opened({ databaseUrl: pg.url, dataDir: '/nonexistent' });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await pg?.stop();
  });

  ledgerContract(() => emptied(store)());

  it('refuses writes once the store is closed, and says it is not healthy', async () => {
    const other = await opened({ databaseUrl: await pg.createDatabase('closed_store'), dataDir: '/nonexistent' });
    const ledger = sqlLedger(other);
    expect(await ledger.healthy()).toBe(true);
    await ledger.close();
    expect(await ledger.healthy()).toBe(false);
    await expect(ledger.feedback.record({ serviceId: 'order-sign', card: 'x', outcome: 'overridden', outcomeTimestamp: '2026-11-01T09:00:00Z' })).rejects.toThrow();
  });
});
