/**
 * A small in-memory cache with a time to live and a size bound (least recently used goes first).
 * Model briefs hold PHI: they live in this process for a bounded time, in bounded number. With
 * several replicas (REDIS_URL) they are also shared, encrypted, through the SharedBriefs port
 * (../shared-briefs.ts, adapter redis/brief-cache.ts); this cache stays the first, local look.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number = this.ttlMs): void {
    this.entries.delete(key);
    if (this.maxEntries <= 0 || ttlMs <= 0) return;
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
