// The `jti` replay cache behind CDS Hooks JWT verification.
// https://cds-hooks.hl7.org/2.0/#trusting-cds-clients — `jti` is "a nonce string value that
// uniquely identifies this authentication JWT (used to protect against replay attacks)".
//
// A port with two adapters: the in-memory one below protects one process; with `REDIS_URL` set,
// redis/jti-replay-cache.ts shares the cache between replicas (`SET key 1 NX PX ttl`: the same
// atomic check-and-store, expiry handled by Redis), so a token replayed to another replica is
// refused too. The interface is async for that reason.

/** What `checkAndStore` found. */
export type ReplayCheck =
  /** The id was unseen; it is now remembered until its expiry. */
  | 'stored'
  /** The id was seen before and has not expired: a replay. */
  | 'replayed'
  /** The cache is full of unexpired ids and refused to remember another (fail closed). */
  | 'full'
  /** The shared cache could not be reached: the token cannot be checked, so it is refused (fail closed). */
  | 'unavailable';

/**
 * Remembers token ids until they expire. `checkAndStore` must be atomic: two concurrent calls
 * with the same key must not both get `stored`.
 */
export interface JtiReplayCache {
  checkAndStore(key: string, expiresAtMs: number): Promise<ReplayCheck>;
}

export interface InMemoryJtiReplayCacheOptions {
  /** Most ids held at once (default 100,000). Past it new tokens are refused, never evicted. */
  maxEntries?: number;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * The in-process replay cache: one `Map` from key to expiry. Expired entries are ignored on
 * lookup and swept when the map is full; a sweep that frees nothing is not repeated before the
 * earliest expiry it saw, so a full cache costs O(1) per request, not O(n).
 *
 * When full of unexpired ids it answers `full` rather than evicting: evicting an unexpired id
 * would let that token be replayed. Only validly signed tokens from trusted EHRs reach the
 * cache, so filling it needs a trusted client's traffic, not an attacker's.
 */
export function createInMemoryJtiReplayCache(options: InMemoryJtiReplayCacheOptions = {}): JtiReplayCache {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError('maxEntries must be a positive integer');
  }
  const now = options.now ?? ((): Date => new Date());
  const expiries = new Map<string, number>();
  let noSweepBeforeMs = 0;

  const sweep = (nowMs: number): void => {
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, expiresAtMs] of expiries) {
      if (expiresAtMs <= nowMs) expiries.delete(key);
      else if (expiresAtMs < earliest) earliest = expiresAtMs;
    }
    noSweepBeforeMs = earliest;
  };

  return {
    checkAndStore(key: string, expiresAtMs: number): Promise<ReplayCheck> {
      const nowMs = now().getTime();
      const seen = expiries.get(key);
      if (seen !== undefined) {
        if (seen > nowMs) return Promise.resolve('replayed');
        expiries.delete(key);
      }
      if (expiries.size >= maxEntries && nowMs >= noSweepBeforeMs) sweep(nowMs);
      if (expiries.size >= maxEntries) return Promise.resolve('full');
      expiries.set(key, expiresAtMs);
      // Keep noSweepBeforeMs a lower bound of the earliest expiry held.
      if (expiresAtMs < noSweepBeforeMs) noSweepBeforeMs = expiresAtMs;
      return Promise.resolve('stored');
    },
  };
}
