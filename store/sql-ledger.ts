import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { overrideReasonText } from '../src/ledger/override-reason';
import type { AlertAnalyticsSource, AlertTally, CardsShown, FeedbackEntry, Ledger, PastOverride } from '../src/ledger/ports';
import type { FeedbackRow, NewCardRecord, NewFeedback, StoreSchema } from './schema';
import { sqlAuditLog } from './sql-audit-log';

/**
 * The ledger ports over the SQL store (PostgreSQL or PGlite, store/database.ts): cards shown,
 * feedback on them (idempotent on its unique key; no foreign key, so feedback for a card not yet
 * recorded is kept), overrides for the quieting logic, analytics, and the audit trail
 * (./sql-audit-log.ts). Every write resolves once the database has committed it.
 */

type Db = Kysely<StoreSchema>;

function cardRows(shown: CardsShown): NewCardRecord[] {
  return shown.cards.map((c) => ({
    card_uuid: c.uuid,
    shown_at: shown.at,
    service: shown.service,
    hook_instance: shown.hookInstance,
    request_id: shown.requestId,
    client_iss: shown.clientIss ?? null,
    user_id: shown.userId ?? null,
    patient_id: shown.patientId,
    rule_id: c.ruleId ?? null,
    finding_key: c.findingKey ?? null,
    indicator: c.indicator,
    knowledge_rows: JSON.stringify(c.knowledge),
    knowledge_version: shown.knowledgeVersion,
    severity_fact: c.severityFact ? JSON.stringify(c.severityFact) : null,
    draft_refs: JSON.stringify(c.draftRefs),
  }));
}

function feedbackRow(e: FeedbackEntry, receivedAt: Date): NewFeedback {
  const reason = e.overrideReason?.reason;
  return {
    card_uuid: e.card,
    service: e.serviceId,
    outcome: e.outcome,
    outcome_at: e.outcomeTimestamp,
    accepted_suggestions: e.acceptedSuggestions ? JSON.stringify(e.acceptedSuggestions) : null,
    override_code: reason?.code ?? null,
    override_system: reason?.system ?? null,
    override_display: reason?.display ?? null,
    override_comment: e.overrideReason?.userComment ?? null,
    client_iss: e.clientIss ?? null,
    received_at: receivedAt,
  };
}

/** A feedback row's override reason, as the port's entry carries it. */
function overrideReasonOf(row: Pick<FeedbackRow, 'override_code' | 'override_system' | 'override_display' | 'override_comment'>): FeedbackEntry['overrideReason'] {
  if (row.override_code === null && row.override_comment === null) return undefined;
  const reason: NonNullable<FeedbackEntry['overrideReason']> = {};
  if (row.override_code !== null) {
    reason.reason = { code: row.override_code };
    if (row.override_system !== null) reason.reason.system = row.override_system;
    if (row.override_display !== null) reason.reason.display = row.override_display;
  }
  if (row.override_comment !== null) reason.userComment = row.override_comment;
  return reason;
}

function entryOf(row: FeedbackRow): FeedbackEntry {
  const entry: FeedbackEntry = { serviceId: row.service, card: row.card_uuid, outcome: row.outcome, outcomeTimestamp: row.outcome_at.toISOString() };
  if (row.accepted_suggestions !== null) entry.acceptedSuggestions = row.accepted_suggestions;
  const reason = overrideReasonOf(row);
  if (reason) entry.overrideReason = reason;
  if (row.client_iss !== null) entry.clientIss = row.client_iss;
  return entry;
}

/**
 * The analytics read (src/ledger/ports.ts `AlertAnalyticsSource`), grouped in the database: each
 * rule card shown in the window once, under its latest feedback (by outcome time, then the row
 * recorded last), joined by card uuid now, whenever either was written. Read-only: `npm run
 * report` uses it on a database URL.
 */
export function sqlAlertAnalytics(db: Db): AlertAnalyticsSource {
  return {
    async alertTallies(since: Date, until: Date): Promise<AlertTally[]> {
      const day = sql<string>`to_char(c.shown_at at time zone 'UTC', 'YYYY-MM-DD')`;
      const outcome = sql<AlertTally['outcome']>`coalesce(l.outcome, 'ignored')`;
      const reason = sql<string | null>`case when l.outcome = 'overridden' then l.override_code end`;
      const rows = await db
        .with('latest', (q) =>
          q
            .selectFrom('feedback as f')
            .innerJoin('card_record as s', 's.card_uuid', 'f.card_uuid')
            .where('s.shown_at', '>=', since)
            .where('s.shown_at', '<', until)
            .distinctOn('f.card_uuid')
            .select(['f.card_uuid', 'f.outcome', 'f.override_code'])
            .orderBy('f.card_uuid')
            .orderBy('f.outcome_at', 'desc')
            .orderBy('f.id', 'desc'),
        )
        .selectFrom('card_record as c')
        .leftJoin('latest as l', 'l.card_uuid', 'c.card_uuid')
        .where('c.shown_at', '>=', since)
        .where('c.shown_at', '<', until)
        .where('c.rule_id', 'is not', null)
        .select((eb) => ['c.rule_id', 'c.knowledge_rows', day.as('day'), outcome.as('outcome'), reason.as('reason'), eb.fn.countAll<string>().as('cards')])
        .groupBy(['c.rule_id', 'c.knowledge_rows'])
        .groupBy([day, outcome, reason])
        .execute();
      return rows.map((r) => {
        const tally: AlertTally = { ruleId: r.rule_id ?? '', knowledgeRows: r.knowledge_rows, day: r.day, outcome: r.outcome, cards: Number(r.cards) };
        if (r.reason !== null) tally.reason = r.reason;
        return tally;
      });
    },
  };
}

/** The ledger over an open store; `close` closes the store. */
export function sqlLedger(store: { db: Db; ping(): Promise<boolean>; close(): Promise<void> }): Ledger {
  const { db } = store;
  return {
    cards: {
      async recordCards(shown: CardsShown): Promise<void> {
        if (shown.cards.length === 0) return;
        // A card uuid is recorded once: a retried write changes nothing.
        await db.insertInto('card_record').values(cardRows(shown)).onConflict((oc) => oc.column('card_uuid').doNothing()).execute();
      },
      async recordCardsBatch(shown: readonly CardsShown[]): Promise<void> {
        const rows = shown.flatMap(cardRows);
        if (rows.length === 0) return;
        await db.insertInto('card_record').values(rows).onConflict((oc) => oc.column('card_uuid').doNothing()).execute();
      },
    },
    feedback: {
      async record(entry: FeedbackEntry): Promise<boolean> {
        const inserted = await db
          .insertInto('feedback')
          .values(feedbackRow(entry, new Date()))
          .onConflict((oc) => oc.columns(['service', 'card_uuid', 'outcome', 'outcome_at']).doNothing())
          .returning('id')
          .execute();
        return inserted.length > 0;
      },
      async list(serviceId?: string): Promise<FeedbackEntry[]> {
        let query = db.selectFrom('feedback').selectAll().orderBy('id');
        if (serviceId !== undefined) query = query.where('service', '=', serviceId);
        return (await query.execute()).map(entryOf);
      },
    },
    overrides: {
      async overridesFor(patientId: string, since: Date): Promise<PastOverride[]> {
        const rows = await db
          .selectFrom('feedback as f')
          .innerJoin('card_record as c', 'c.card_uuid', 'f.card_uuid')
          .where('c.patient_id', '=', patientId)
          .where('f.outcome', '=', 'overridden')
          .where('f.outcome_at', '>=', since)
          .where('c.rule_id', 'is not', null)
          .where('c.finding_key', 'is not', null)
          .select(['c.rule_id', 'c.finding_key', 'c.service', 'c.draft_refs', 'c.knowledge_rows', 'c.severity_fact', 'f.outcome_at', 'f.override_code', 'f.override_system', 'f.override_display', 'f.override_comment'])
          .orderBy('f.outcome_at')
          .execute();
        return rows.map((r) => {
          const past: PastOverride = { ruleId: r.rule_id ?? '', findingKey: r.finding_key ?? '', service: r.service, draftRefs: r.draft_refs, knowledge: r.knowledge_rows, at: r.outcome_at, reason: overrideReasonText(overrideReasonOf(r)) };
          if (r.severity_fact !== null) past.severityFact = r.severity_fact;
          return past;
        });
      },
    },
    analytics: sqlAlertAnalytics(db),
    audit: sqlAuditLog(db),
    healthy: () => store.ping(),
    close: () => store.close(),
  };
}
