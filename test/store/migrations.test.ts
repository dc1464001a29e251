import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Store, StoreSettings } from '../../store/database';
import { openStore } from '../../store/database';
import { LOCK_FILE } from '../../store/data-dir-lock';
import { freePort } from '../support/free-port';
import type { TestPostgres } from '../support/postgres';
import { startPostgres } from '../support/postgres';

// One schema, two engines: the migrations run at open on PGlite (in a temp folder) and on a real
// PostgreSQL 15, rows read back alike on both, and a second open runs nothing.

const SLOW_MS = 120_000;

async function open(settings: StoreSettings): Promise<Store> {
  const opened = await openStore(settings);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

const SHOWN_AT = new Date('2026-03-01T10:15:00.000Z');
const OUTCOME_AT = '2026-03-01T10:16:00.000Z';

/** One row in each table, written as the adapters write them (jsonb as JSON text). */
async function writeOneOfEach(store: Store): Promise<void> {
  await store.db
    .insertInto('card_record')
    .values({
      card_uuid: 'card-1',
      shown_at: SHOWN_AT,
      service: 'order-select',
      hook_instance: 'hook-1',
      request_id: 'req-1',
      client_iss: 'https://ehr.example.org',
      user_id: 'Practitioner/dr-1',
      patient_id: 'pat-1',
      rule_id: 'drug-interaction',
      finding_key: 'ddi:11289+5640',
      indicator: 'critical',
      knowledge_rows: JSON.stringify(['warfarin-nsaid']),
      knowledge_version: '2026.03',
      severity_fact: JSON.stringify({ code: '6301-6', value: 4.2, ref: 'Observation/inr-1' }),
      draft_refs: JSON.stringify(['MedicationRequest/draft-1']),
    })
    .execute();
  const feedback = {
    card_uuid: 'card-1',
    service: 'order-select',
    outcome: 'overridden' as const,
    outcome_at: OUTCOME_AT,
    override_code: 'will-monitor',
    override_display: 'Will monitor',
    received_at: new Date(),
  };
  // The same feedback twice (EHRs retry): the unique key keeps one row.
  for (let i = 0; i < 2; i++) await store.db.insertInto('feedback').values(feedback).onConflict((c) => c.doNothing()).execute();
  await store.db
    .insertInto('audit_event')
    .values({
      at: SHOWN_AT,
      kind: 'hook',
      request_id: 'req-1',
      patient_id: 'pat-1',
      service: 'order-select',
      status: 200,
      duration_ms: 42,
      sections: JSON.stringify([{ section: 'medications', state: 'complete', source: 'prefetch' }]),
      cards: JSON.stringify([{ uuid: 'card-1', ruleId: 'drug-interaction', indicator: 'critical' }]),
    })
    .execute();
}

async function expectOneOfEach(store: Store): Promise<void> {
  const card = await store.db.selectFrom('card_record').selectAll().executeTakeFirstOrThrow();
  expect(card.shown_at).toEqual(SHOWN_AT);
  expect(card.knowledge_rows).toEqual(['warfarin-nsaid']);
  expect(card.severity_fact).toEqual({ code: '6301-6', value: 4.2, ref: 'Observation/inr-1' });
  expect(card.draft_refs).toEqual(['MedicationRequest/draft-1']);
  const feedback = await store.db.selectFrom('feedback').selectAll().execute();
  expect(feedback).toHaveLength(1);
  expect(feedback[0]!.id).toBe('1'); // int8 as a string on both engines
  expect(feedback[0]!.outcome_at).toEqual(new Date(OUTCOME_AT));
  expect(feedback[0]!.accepted_suggestions).toBeNull();
  const audit = await store.db.selectFrom('audit_event').selectAll().executeTakeFirstOrThrow();
  expect(audit.cards).toEqual([{ uuid: 'card-1', ruleId: 'drug-interaction', indicator: 'critical' }]);
  expect(audit.model).toBeNull();
  expect(audit.duration_ms).toBe(42);
  const { count } = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  expect(count).toBe('1');
}

describe('embedded store (PGlite under DATA_DIR)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'chartbrief-migrations-')), 'data');
  });
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('creates DATA_DIR on first open and applies every migration', async () => {
    const store = await open({ dataDir });
    try {
      expect(store.engine).toBe('pglite');
      expect(store.migrated).toEqual(['0001-initial']);
      await writeOneOfEach(store);
      await expectOneOfEach(store);
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, SLOW_MS);

  it('reopens without migrating again, and the rows written before are there', async () => {
    const store = await open({ dataDir });
    try {
      expect(store.migrated).toEqual([]);
      await expectOneOfEach(store);
    } finally {
      await store.close();
    }
  }, SLOW_MS);
});

describe('PostgreSQL 15 (DATABASE_URL)', () => {
  let pg: TestPostgres;
  const dataDir = join(tmpdir(), 'chartbrief-unused-data-dir');
  beforeAll(async () => {
    pg = await startPostgres();
  }, SLOW_MS);
  afterAll(() => pg.stop());

  it('applies every migration to an empty database', async () => {
    const store = await open({ databaseUrl: pg.url, dataDir });
    try {
      expect(store.engine).toBe('postgresql');
      expect(store.migrated).toEqual(['0001-initial']);
      await writeOneOfEach(store);
      await expectOneOfEach(store);
    } finally {
      await store.close();
    }
    // The PostgreSQL store never touches DATA_DIR.
    expect(existsSync(dataDir)).toBe(false);
  }, SLOW_MS);

  it('reopens without migrating again, and the rows written before are there', async () => {
    const store = await open({ databaseUrl: pg.url, dataDir });
    try {
      expect(store.migrated).toEqual([]);
      await expectOneOfEach(store);
    } finally {
      await store.close();
    }
  }, SLOW_MS);

  it('migrates once when two instances start on one database at the same time', async () => {
    const url = await pg.createDatabase('two_replicas');
    const [a, b] = await Promise.all([open({ databaseUrl: url, dataDir }), open({ databaseUrl: url, dataDir })]);
    try {
      expect([a.migrated, b.migrated].sort((x, y) => y.length - x.length)).toEqual([['0001-initial'], []]);
      const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(a.db);
      expect(tables.rows.map((r) => r.table_name)).toEqual(['audit_event', 'card_record', 'feedback', 'kysely_migration', 'kysely_migration_lock']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, SLOW_MS);

  it('names DATABASE_URL, without its password, when the server cannot be reached', async () => {
    const closedPort = await freePort();
    const opened = await openStore({ databaseUrl: `postgresql://postgres:s3cret@127.0.0.1:${closedPort}/none`, dataDir });
    expect(opened).toEqual({ ok: false, error: expect.stringMatching(/^DATABASE_URL: cannot prepare the store \(.*ECONNREFUSED.*\)$/) as unknown });
    expect(JSON.stringify(opened)).not.toContain('s3cret');
  }, SLOW_MS);
});
