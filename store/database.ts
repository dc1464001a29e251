import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import type { Dialect } from 'kysely';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool } from 'pg';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { DataDirLock } from './data-dir-lock';
import { lockDataDir } from './data-dir-lock';
import { storeMigrations } from './migrations';
import type { StoreSchema } from './schema';

// The durable store: PostgreSQL when DATABASE_URL is set, otherwise PGlite (PostgreSQL compiled
// to WASM, in this process) persisted under DATA_DIR, so one machine needs nothing but Node.
// One schema for both, migrated at start-up.

/** Where the store lives (server/config.ts reads them from DATABASE_URL and DATA_DIR). */
export interface StoreSettings {
  /** A `postgres://` or `postgresql://` URL; unset → the embedded store under `dataDir`. */
  databaseUrl?: string;
  /** The embedded store's folder, created on first start and locked while open. */
  dataDir: string;
}

export interface OpenStoreOptions {
  /** PostgreSQL pool size (default 10). */
  poolMax?: number;
  /** An idle PostgreSQL connection failed (the server restarted…); the pool replaces it. Without this, it is ignored. */
  onPoolError?: (error: Error) => void;
}

/** An open store. Close it once, after the server has stopped using it. */
export interface Store {
  readonly db: Kysely<StoreSchema>;
  readonly engine: 'postgresql' | 'pglite';
  /** Migrations this open applied (empty when the schema was already current). */
  readonly migrated: readonly string[];
  /** Whether the database answers a trivial query now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The embedded database's folder inside DATA_DIR (the lock file sits beside it). */
export const PGLITE_FOLDER = 'pglite';

const CONNECT_TIMEOUT_MS = 10_000;

function describe(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return describe(e.errors[0]);
  if (typeof e === 'object' && e !== null) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
    const message = e instanceof Error ? e.message : undefined;
    if (message && code && !message.includes(code)) return `${code}: ${message}`;
    const either = message || code;
    if (either) return either;
  }
  return String(e);
}

/** Opens PostgreSQL through a `pg` pool. int8 stays a string, as in the embedded store. */
function postgresDialect(databaseUrl: string, options: OpenStoreOptions): { dialect: Dialect } {
  const pool = new Pool({ connectionString: databaseUrl, max: options.poolMax ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client's error is emitted on the pool: unhandled, it would end the process.
  pool.on('error', (e) => options.onPoolError?.(e));
  return { dialect: new PostgresDialect({ pool }) };
}

/** Opens PGlite under DATA_DIR, which is locked first: a second process on it would lose writes. */
async function pgliteDialect(dataDir: string): Promise<Result<{ dialect: Dialect; lock: DataDirLock }, string>> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    return err(`DATA_DIR ${dataDir}: cannot create it (${describe(e)})`);
  }
  const lock = lockDataDir(dataDir);
  if (!lock.ok) return lock;
  try {
    // int8 (bigserial ids, count(*)) as a string, as `pg` reads it: one row shape on both engines.
    const pglite = await PGlite.create(join(dataDir, PGLITE_FOLDER), { parsers: { [pgliteTypes.INT8]: (x: string) => x } });
    return ok({ dialect: new PGliteDialect(pglite), lock: lock.value });
  } catch (e) {
    lock.value.release();
    return err(`DATA_DIR ${dataDir}: cannot open the embedded store (${describe(e)})`);
  }
}

async function migrate(db: Kysely<StoreSchema>): Promise<Result<string[], string>> {
  const { error, results } = await new Migrator({ db, provider: storeMigrations }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) return err(failed ? `migration ${failed.migrationName} failed: ${describe(error)}` : describe(error));
  return ok((results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName));
}

/**
 * Opens the store and brings its schema up to date: PostgreSQL when `databaseUrl` is set,
 * else the embedded store under `dataDir`. A failure is one line naming the variable to fix.
 */
export async function openStore(settings: StoreSettings, options: OpenStoreOptions = {}): Promise<Result<Store, string>> {
  const engine = settings.databaseUrl !== undefined ? 'postgresql' : 'pglite';
  const dataDir = resolve(settings.dataDir);
  let lock: DataDirLock | undefined;
  let dialect: Dialect;
  if (settings.databaseUrl !== undefined) {
    ({ dialect } = postgresDialect(settings.databaseUrl, options));
  } else {
    const opened = await pgliteDialect(dataDir);
    if (!opened.ok) return opened;
    ({ dialect, lock } = opened.value);
  }
  const db = new Kysely<StoreSchema>({ dialect });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= db.destroy().finally(() => lock?.release()));

  const migrated = await migrate(db).catch((e: unknown) => err(describe(e)));
  if (!migrated.ok) {
    await close().catch(() => undefined);
    const where = engine === 'postgresql' ? 'DATABASE_URL' : `DATA_DIR ${dataDir}`;
    return err(`${where}: cannot prepare the store (${migrated.error})`);
  }
  return ok({
    db,
    engine,
    migrated: migrated.value,
    ping: () =>
      sql`select 1`.execute(db).then(
        () => true,
        () => false,
      ),
    close,
  });
}
