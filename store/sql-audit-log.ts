import type { Kysely } from 'kysely';
import type { AuditEvent, AuditLog } from '../src/ledger/ports';
import type { AuditEventRow, NewAuditEvent, StoreSchema } from './schema';

// The audit trail in the `audit_event` table (migration 0001): one row per hook call and per app
// launch, with the patient id (an access audit needs it; the application log never has it).
// Retention: `purge` deletes rows older than a date (store/audit-purge.ts runs it daily).

function toRow(e: AuditEvent): NewAuditEvent {
  return {
    at: e.at,
    kind: e.kind,
    request_id: e.requestId,
    client_iss: e.clientIss ?? null,
    user_id: e.userId ?? null,
    patient_id: e.patientId ?? null,
    service: e.service ?? null,
    status: e.status,
    // An integer column: a sub-millisecond call is 0 ms, never a fraction.
    duration_ms: Math.max(0, Math.round(e.durationMs)),
    // jsonb goes in as JSON text on both engines (store/schema.ts).
    sections: JSON.stringify(e.sections),
    cards: JSON.stringify(e.cards),
    model: e.model === undefined ? null : JSON.stringify(e.model),
  };
}

/** A row back as the port's event (for reads: tests, `npm run report`, an access review). */
export function auditEventOf(row: AuditEventRow): AuditEvent {
  const event: AuditEvent = {
    at: row.at,
    kind: row.kind,
    requestId: row.request_id,
    status: row.status,
    durationMs: row.duration_ms,
    sections: row.sections,
    cards: row.cards,
  };
  if (row.client_iss !== null) event.clientIss = row.client_iss;
  if (row.user_id !== null) event.userId = row.user_id;
  if (row.patient_id !== null) event.patientId = row.patient_id;
  if (row.service !== null) event.service = row.service;
  if (row.model !== null) event.model = row.model;
  return event;
}

/** The SQL audit log, with a read of one time range beside the port's write and purge. */
export interface SqlAuditLog extends AuditLog {
  /** Events at or after `since` and before `until`, oldest first. */
  events(since: Date, until: Date): Promise<AuditEvent[]>;
}

export function sqlAuditLog(db: Kysely<StoreSchema>): SqlAuditLog {
  return {
    async record(event) {
      await db.insertInto('audit_event').values(toRow(event)).execute();
    },
    async recordBatch(events) {
      if (events.length === 0) return;
      await db.insertInto('audit_event').values(events.map(toRow)).execute();
    },
    async purge(before) {
      const result = await db.deleteFrom('audit_event').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async events(since, until) {
      const rows = await db.selectFrom('audit_event').selectAll().where('at', '>=', since).where('at', '<', until).orderBy('at').orderBy('id').execute();
      return rows.map(auditEventOf);
    },
  };
}
