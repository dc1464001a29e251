import type { Coding } from 'fhir/r4';

// https://cds-hooks.hl7.org/2.0/#feedback
export interface FeedbackEntry {
  serviceId: string;
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions?: Array<{ id: string }>;
  overrideReason?: { reason?: Coding; userComment?: string };
  outcomeTimestamp: string;
}

/** Where card feedback goes. In memory by default; PostgreSQL (DATABASE_URL) when scaled out. */
export interface FeedbackStore {
  /** Records an entry; a repeat of the same entry (EHRs may send feedback twice) is a no-op. Returns whether it was new. */
  record(entry: FeedbackEntry): Promise<boolean>;
  list(serviceId?: string): Promise<FeedbackEntry[]>;
}

/** The key that makes feedback idempotent: the same card, outcome and time is the same event. */
function feedbackKey(e: FeedbackEntry): string {
  return JSON.stringify([e.serviceId, e.card, e.outcome, e.outcomeTimestamp]);
}

/** In-process store, bounded so a misbehaving client cannot grow it without limit. */
export class InMemoryFeedbackStore implements FeedbackStore {
  private readonly entries = new Map<string, FeedbackEntry>();

  constructor(private readonly maxEntries = 100_000) {}

  record(entry: FeedbackEntry): Promise<boolean> {
    const key = feedbackKey(entry);
    if (this.entries.has(key)) return Promise.resolve(false);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
    return Promise.resolve(true);
  }

  list(serviceId?: string): Promise<FeedbackEntry[]> {
    const all = [...this.entries.values()];
    return Promise.resolve(serviceId === undefined ? all : all.filter((e) => e.serviceId === serviceId));
  }
}
