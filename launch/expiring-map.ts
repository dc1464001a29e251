/**
 * Where launches in progress and app sessions are kept: this process (an {@link ExpiringMap},
 * the default) or, with REDIS_URL, Redis shared by every replica (redis/expiring-store.ts), so a
 * launch begun on one replica completes on another. Values must be plain JSON for the latter.
 */
export interface ExpiringStore<V> {
  get(key: string): Promise<V | undefined>;
  /** Stores `value` for `ttlMs`. */
  set(key: string, value: V, ttlMs: number): Promise<void>;
  /** Removes and returns the entry, atomically: a `state` is consumed once, by one replica. */
  take(key: string): Promise<V | undefined>;
  /** Keeps a live entry alive for another `ttlMs` (idle timeout). */
  touch(key: string, ttlMs: number): Promise<void>;
}

/** The in-process store: an ExpiringMap behind the async port (one replica, or sticky sessions). */
export function inMemoryStore<V>(map: ExpiringMap<V>): ExpiringStore<V> {
  return {
    get: (key) => Promise.resolve(map.get(key)),
    set: (key, value, ttlMs) => Promise.resolve(map.set(key, value, ttlMs)),
    take: (key) => Promise.resolve(map.take(key)),
    touch: (key, ttlMs) => Promise.resolve(map.touch(key, ttlMs)),
  };
}

/**
 * A bounded in-memory map whose entries expire: launches in progress and app sessions. Both hold
 * tokens and PHI, so both are bounded in time and number; the oldest entry goes first when full.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value`; `ttlMs` overrides the default lifetime. */
  set(key: string, value: V, ttlMs = this.ttlMs): void {
    this.evictExpired();
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  /** Removes and returns the entry (single use: a `state` is consumed once). */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.entries.delete(key);
    return value;
  }

  /** Keeps a live entry alive for another `ttlMs` (idle timeout). */
  touch(key: string, ttlMs = this.ttlMs): void {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt > this.now()) entry.expiresAt = this.now() + ttlMs;
  }

  get size(): number {
    return this.entries.size;
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
