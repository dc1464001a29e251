import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { AuditEvent, FeedbackEntry } from '../src/ledger/ports';
import type { SeverityFact } from '../src/rules/rule';

// The SQL tables as kysely sees them (migration 0001; snake_case columns, one schema for
// PostgreSQL and PGlite). Both engines are opened so they read alike: timestamptz → Date,
// jsonb → parsed JSON, int8 (bigserial ids, count(*)) → string.

/** A timestamptz column: read as a Date, written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * A jsonb column: read parsed, written as JSON text (`JSON.stringify(value)`). `pg` would send a
 * JS array as a PostgreSQL array literal, so jsonb values always go in as text on both engines.
 */
type Json<T extends object> = JSONColumnType<T, string, string>;

/** A nullable jsonb column. */
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/** One card as it was returned to the EHR (ports: `ShownCard` within `CardsShown`). */
export interface CardRecordTable {
  card_uuid: string;
  shown_at: Timestamp;
  service: string;
  hook_instance: string;
  request_id: string;
  client_iss: string | null;
  user_id: string | null;
  patient_id: string;
  /** Null for the brief card. */
  rule_id: string | null;
  /** `Finding.topic`, e.g. `ddi:11289+5640`, `lab:potassium`. */
  finding_key: string | null;
  indicator: 'info' | 'warning' | 'critical';
  knowledge_rows: Json<string[]>;
  knowledge_version: string;
  severity_fact: NullableJson<SeverityFact>;
  /** Draft order refs in the finding's evidence (`MedicationRequest/draft-1`). */
  draft_refs: Json<string[]>;
}

/** Feedback on a card; kept for card uuids not (yet) known too (no foreign key). */
export interface FeedbackTable {
  id: Generated<string>;
  card_uuid: string;
  service: string;
  outcome: 'accepted' | 'overridden';
  outcome_at: Timestamp;
  /** CDS Hooks `acceptedSuggestions` (`[{id}]`), for `accepted`. */
  accepted_suggestions: NullableJson<NonNullable<FeedbackEntry['acceptedSuggestions']>>;
  override_code: string | null;
  override_system: string | null;
  override_display: string | null;
  override_comment: string | null;
  client_iss: string | null;
  received_at: Timestamp;
}

/** One hook call or app launch (access audit: patient ids belong here, never in the log). */
export interface AuditEventTable {
  id: Generated<string>;
  at: Timestamp;
  kind: AuditEvent['kind'];
  request_id: string;
  client_iss: string | null;
  user_id: string | null;
  patient_id: string | null;
  service: string | null;
  status: number;
  duration_ms: number;
  sections: Json<AuditEvent['sections']>;
  cards: Json<AuditEvent['cards']>;
  model: NullableJson<NonNullable<AuditEvent['model']>>;
}

/** The store's tables (kysely's database type). */
export interface StoreSchema {
  card_record: CardRecordTable;
  feedback: FeedbackTable;
  audit_event: AuditEventTable;
}

export type CardRecordRow = Selectable<CardRecordTable>;
export type NewCardRecord = Insertable<CardRecordTable>;
export type FeedbackRow = Selectable<FeedbackTable>;
export type NewFeedback = Insertable<FeedbackTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
