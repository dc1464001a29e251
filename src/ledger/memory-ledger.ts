import { tallyAlerts } from './alert-analytics';
import { overrideReasonText } from './override-reason';
import type { AlertTally, AuditEvent, CardsShown, FeedbackEntry, Ledger, PastOverride, ShownCard } from './ports';

/**
 * The ledger in process memory: for tests that are not about the store, and a service started
 * without one. Bounded like the caches (oldest out first), so a misbehaving client cannot grow it
 * without limit; lost on restart (the real service opens the SQL store, store/sql-ledger.ts).
 */

export interface MemoryLedgerLimits {
  maxCards: number;
  maxFeedback: number;
  maxAuditEvents: number;
}

const DEFAULT_LIMITS: MemoryLedgerLimits = { maxCards: 100_000, maxFeedback: 100_000, maxAuditEvents: 100_000 };

/** A shown card with the call it was shown in (one `card_record` row). */
export interface CardRecord extends ShownCard, Omit<CardsShown, 'cards' | 'at'> {
  shownAt: Date;
}

/** A Map that forgets its oldest entry past `max`. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

/** The same card, outcome and outcome time (as an instant) is the same event: the SQL store's unique key. */
function feedbackKey(e: FeedbackEntry): string {
  return JSON.stringify([e.serviceId, e.card, e.outcome, Date.parse(e.outcomeTimestamp)]);
}

/** Builds an in-memory ledger. */
export function memoryLedger(limits: Partial<MemoryLedgerLimits> = {}): Ledger & { cardRecords(): CardRecord[]; auditEvents(): AuditEvent[] } {
  const max = { ...DEFAULT_LIMITS, ...limits };
  const cards = new BoundedMap<string, CardRecord>(max.maxCards);
  const feedback = new BoundedMap<string, FeedbackEntry>(max.maxFeedback);
  let audit: AuditEvent[] = [];

  return {
    cards: {
      recordCards(shown: CardsShown): Promise<void> {
        const { cards: shownCards, at, ...call } = shown;
        // A card uuid is recorded once, as in the SQL store: a retried write changes nothing.
        for (const card of shownCards) if (!cards.has(card.uuid)) cards.set(card.uuid, { ...call, ...card, shownAt: at });
        return Promise.resolve();
      },
    },
    feedback: {
      record(entry: FeedbackEntry): Promise<boolean> {
        const key = feedbackKey(entry);
        if (feedback.has(key)) return Promise.resolve(false);
        feedback.set(key, entry);
        return Promise.resolve(true);
      },
      list(serviceId?: string): Promise<FeedbackEntry[]> {
        const all = [...feedback.values()];
        return Promise.resolve(serviceId === undefined ? all : all.filter((e) => e.serviceId === serviceId));
      },
    },
    overrides: {
      overridesFor(patientId: string, since: Date): Promise<PastOverride[]> {
        const past: PastOverride[] = [];
        for (const f of feedback.values()) {
          const at = new Date(f.outcomeTimestamp);
          const card = cards.get(f.card);
          if (f.outcome !== 'overridden' || at < since || card?.patientId !== patientId || card.ruleId === undefined || card.findingKey === undefined) continue;
          const override: PastOverride = { ruleId: card.ruleId, findingKey: card.findingKey, service: card.service, draftRefs: [...card.draftRefs], knowledge: [...card.knowledge], at, reason: overrideReasonText(f.overrideReason) };
          if (card.severityFact) override.severityFact = { ...card.severityFact };
          past.push(override);
        }
        return Promise.resolve(past);
      },
    },
    analytics: {
      alertTallies(since: Date, until: Date): Promise<AlertTally[]> {
        return Promise.resolve(tallyAlerts(cards.values(), [...feedback.values()], { since, until }));
      },
    },
    audit: {
      record(event: AuditEvent): Promise<void> {
        audit.push(event);
        if (audit.length > max.maxAuditEvents) audit = audit.slice(-max.maxAuditEvents);
        return Promise.resolve();
      },
      purge(before: Date): Promise<number> {
        const kept = audit.filter((e) => e.at >= before);
        const purged = audit.length - kept.length;
        audit = kept;
        return Promise.resolve(purged);
      },
    },
    healthy: () => Promise.resolve(true),
    close: () => Promise.resolve(),
    cardRecords: () => [...cards.values()],
    auditEvents: () => [...audit],
  };
}
