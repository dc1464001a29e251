import type { AuditEvent, CardsShown, Ledger } from './ports';

/**
 * The ledger's card records and audit rows written behind the hook: queued, then written together
 * (one statement and one commit per batch) a few milliseconds later, or at once when a batch is
 * full. The embedded store runs PostgreSQL inside this process, so a write per hook would take
 * its CPU between calls; a batch costs about as much as one row. Feedback is not queued (its 200
 * promises a durable write), and every read of the ledger first writes what is queued, so a
 * process always reads its own records (order-sign finds the order-select card it just showed).
 * Records still queued when the process is killed are lost; the issue allows card records "written
 * after the hook answered", and a graceful stop writes them (`flush`).
 */

const DEFAULT_DELAY_MS = 25;
const DEFAULT_MAX_BATCH = 200;

interface Pending<T> {
  item: T;
  settle: (error?: unknown) => void;
}

/** Items added are written together by `write` after `delayMs`, or once `maxBatch` are waiting. */
class BatchQueue<T> {
  private pending: Pending<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly delayMs: number,
    private readonly maxBatch: number,
  ) {}

  /** Resolves once the item is written; rejects with the batch's error. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, settle: (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('ledger write failed'))) });
      if (this.pending.length >= this.maxBatch) void this.flush();
      else if (this.timer === undefined) {
        this.timer = setTimeout(() => void this.flush(), this.delayMs);
        this.timer.unref();
      }
    });
  }

  /** Writes what is queued (after any batch already being written); never rejects. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    // Batches are written one after another, in order.
    this.writing = this.writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.write(batch.map((p) => p.item));
        for (const p of batch) p.settle();
      } catch (e) {
        for (const p of batch) p.settle(e ?? new Error('write failed'));
      }
    });
    return this.writing;
  }
}

export interface WriteBehindLedger extends Ledger {
  /** Writes every queued record now (graceful shutdown, before the store closes). */
  flush(): Promise<void>;
}

/** `inner` with its card records and audit rows written in batches behind the hook. */
export function writeBehind(inner: Ledger, options: { delayMs?: number; maxBatch?: number } = {}): WriteBehindLedger {
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const cards = new BatchQueue<CardsShown>(
    async (items) => {
      if (inner.cards.recordCardsBatch) return inner.cards.recordCardsBatch(items);
      for (const shown of items) await inner.cards.recordCards(shown);
    },
    delayMs,
    maxBatch,
  );
  const audit = new BatchQueue<AuditEvent>(
    async (items) => {
      if (inner.audit.recordBatch) return inner.audit.recordBatch(items);
      for (const event of items) await inner.audit.record(event);
    },
    delayMs,
    maxBatch,
  );
  const flush = async (): Promise<void> => {
    await Promise.all([cards.flush(), audit.flush()]);
  };
  return {
    cards: { recordCards: (shown) => cards.add(shown) },
    audit: {
      record: (event) => audit.add(event),
      purge: async (before) => {
        await audit.flush();
        return inner.audit.purge(before);
      },
    },
    feedback: inner.feedback,
    analytics: {
      alertTallies: async (since, until) => {
        await cards.flush();
        return inner.analytics.alertTallies(since, until);
      },
    },
    overrides: {
      overridesFor: async (patientId, since) => {
        await cards.flush();
        return inner.overrides.overridesFor(patientId, since);
      },
    },
    healthy: () => inner.healthy(),
    flush,
    close: async () => {
      await flush();
      await inner.close();
    },
  };
}
