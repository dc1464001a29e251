/**
 * A bounded in-memory map whose entries expire: launches in progress and app sessions. Both hold
 * tokens and PHI, so both are bounded in time and number; the oldest entry goes first when full.
 * (One process: run one replica, or sticky sessions, until sessions move to a shared store.)
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
