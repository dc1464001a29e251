import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// The first schema: cards shown, feedback on them, and the audit trail (docs: issue 12 design).
// Plain PostgreSQL 15 types that PGlite has too. A migration never changes once released: add
// the next one (0002-…) and list it in ./index.ts.

/** Creates card_record, feedback and audit_event with their indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('card_record')
    .addColumn('card_uuid', 'text', (c) => c.primaryKey())
    .addColumn('shown_at', 'timestamptz', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('hook_instance', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('client_iss', 'text')
    .addColumn('user_id', 'text')
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('finding_key', 'text')
    .addColumn('indicator', 'text', (c) => c.notNull().check(sql`indicator in ('info', 'warning', 'critical')`))
    .addColumn('knowledge_rows', 'jsonb', (c) => c.notNull())
    .addColumn('knowledge_version', 'text', (c) => c.notNull())
    .addColumn('severity_fact', 'jsonb')
    .addColumn('draft_refs', 'jsonb', (c) => c.notNull())
    .execute();
  // The override lookup: a patient's findings by rule and key, newest last.
  await db.schema.createIndex('card_record_patient_finding_idx').on('card_record').columns(['patient_id', 'rule_id', 'finding_key', 'shown_at']).execute();

  // No foreign key to card_record: feedback may arrive before its card is recorded, and is kept.
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('card_uuid', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('accepted', 'overridden')`))
    .addColumn('outcome_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_suggestions', 'jsonb')
    .addColumn('override_code', 'text')
    .addColumn('override_system', 'text')
    .addColumn('override_display', 'text')
    .addColumn('override_comment', 'text')
    .addColumn('client_iss', 'text')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    // Idempotent feedback: the same card, outcome and time is the same event (insert … on conflict do nothing).
    .addUniqueConstraint('feedback_event_unique', ['service', 'card_uuid', 'outcome', 'outcome_at'])
    .execute();
  await db.schema.createIndex('feedback_card_uuid_idx').on('feedback').column('card_uuid').execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('hook', 'app-launch')`))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('client_iss', 'text')
    .addColumn('user_id', 'text')
    .addColumn('patient_id', 'text')
    .addColumn('service', 'text')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('sections', 'jsonb', (c) => c.notNull())
    .addColumn('cards', 'jsonb', (c) => c.notNull())
    .addColumn('model', 'jsonb')
    .execute();
  // Reads by time range and the daily retention purge.
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
}

/** Drops the three tables (for a developer rolling back; start-up only migrates up). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  await db.schema.dropTable('feedback').execute();
  await db.schema.dropTable('card_record').execute();
}
