import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { JtiReplayCache, ReplayCheck } from '../cds-hooks/security/jti-replay-cache';
import type { RedisLog } from './redis-client';
import { outageNotice } from './redis-client';
import { KEY_PREFIX } from './keys';

export interface RedisJtiReplayCacheOptions {
  log: RedisLog;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

/**
 * The `jti` replay cache shared by every replica: `SET <key> 1 NX PX <ttl>` stores the id only if
 * it is absent, atomically, so of two replicas given the same token at once exactly one accepts
 * it. Keys are a hash of (iss, jti): bounded length, nothing an EHR chose. Fails closed: when
 * Redis cannot be reached the token is refused (`unavailable`, a 401) and the log says why.
 */
export function createRedisJtiReplayCache(client: Redis, options: RedisJtiReplayCacheOptions): JtiReplayCache {
  const now = options.now ?? ((): Date => new Date());
  // Each refused call is also counted and logged as `replay_cache_unavailable` by the router.
  const notice = outageNotice(options.log, 'jti-check-failed', 'jti replay cache (Redis) unreachable: CDS call refused');
  return {
    async checkAndStore(key: string, expiresAtMs: number): Promise<ReplayCheck> {
      const ttlMs = Math.max(1, Math.ceil(expiresAtMs - now().getTime()));
      const redisKey = `${KEY_PREFIX}jti:${createHash('sha256').update(key).digest('base64url')}`;
      try {
        const stored = await client.set(redisKey, '1', 'PX', ttlMs, 'NX');
        notice.succeeded();
        return stored === 'OK' ? 'stored' : 'replayed';
      } catch (e) {
        notice.failed(e);
        return 'unavailable';
      }
    },
  };
}
