import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial';

// Every migration, imported (not read from a folder at run time), so they run the same from
// `dist/` and from TypeScript. Kysely applies them in name order; names never change once released.

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
};

/** The store's migrations, for kysely's `Migrator`. */
export const storeMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
