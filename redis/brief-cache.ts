import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Brief } from '../src/brief/brief';
import type { ModelFailureKind } from '../src/brief/model/chat-model';
import type { BriefClaim, SharedBriefs } from '../src/brief/shared-briefs';
import { KEY_PREFIX } from './keys';
import type { RedisLog } from './redis-client';
import { outageNotice } from './redis-client';
import type { JsonSealer } from './sealed-json';

export interface RedisBriefCacheOptions {
  client: Redis;
  sealer: JsonSealer;
  log: RedisLog;
  /** Separates summarizers whose briefs differ for one key (the hook's card brief, the app's full one). */
  namespace: string;
  /** How often a waiting replica looks for the brief (default 50 ms). */
  pollMs?: number;
}

const FAILED = 'failed:';
const KNOWN_FAILURES: ReadonlySet<string> = new Set<ModelFailureKind>([
  'rate-limited', 'server-error', 'timeout', 'unreachable', 'auth', 'not-found', 'bad-request', 'content-filter',
  'refusal', 'truncated', 'invalid-json', 'invalid-answer', 'no-verified-statements', 'error',
]);

// SET the lease if free; else say who holds it (the token or `failed:<kind>`), in one step.
const CLAIM = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
return redis.call('GET', KEYS[1]) or ''`;
// Only the lease's holder ends it: replace it (ARGV[2] > 0 ms: a failure marker) or delete it.
const END_LEASE = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return redis.call('DEL', KEYS[1])`;

function isBrief(v: unknown): v is Brief {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  return typeof b['headline'] === 'object' && b['headline'] !== null && Array.isArray(b['sections']) && typeof b['provenance'] === 'object' && b['provenance'] !== null;
}

/**
 * The model-brief cache and its single flight across replicas (the SharedBriefs port): briefs
 * sealed with SESSION_KEY under a hash of the cache key (which names the patient) with the cache
 * TTL; the lease is `SET lease <token> NX PX <leaseMs>`, ended only by its holder. A waiting
 * replica polls for the brief and stops as soon as the lease ends without one. Redis errors read
 * as misses (the lease as `unavailable`): the hook goes on as a single replica would.
 */
export function createRedisBriefCache(options: RedisBriefCacheOptions): SharedBriefs {
  const { client, sealer } = options;
  const pollMs = options.pollMs ?? 50;
  const notice = outageNotice(options.log, 'brief-cache-unreachable', 'model brief cache (Redis) unreachable: briefs are not shared until it is back');
  const keysOf = (key: string): { brief: string; lease: string } => {
    const hash = createHash('sha256').update(key).digest('base64url');
    return { brief: `${KEY_PREFIX}brief:${options.namespace}:${hash}`, lease: `${KEY_PREFIX}brief-lease:${options.namespace}:${hash}` };
  };
  const open = (sealed: string | null, redisKey: string): Brief | undefined => {
    if (sealed === null) return undefined;
    const value = sealer.open(sealed, redisKey);
    return isBrief(value) ? value : undefined;
  };
  const endLease = async (lease: string, token: string, marker: string, holdMs: number): Promise<void> => {
    try {
      await client.eval(END_LEASE, 1, lease, token, marker, String(Math.max(0, Math.round(holdMs))));
      notice.succeeded();
    } catch (e) {
      notice.failed(e); // the lease then ends at its own expiry
    }
  };

  return {
    async get(key) {
      const { brief } = keysOf(key);
      try {
        const found = open(await client.get(brief), brief);
        notice.succeeded();
        return found;
      } catch (e) {
        notice.failed(e);
        return undefined;
      }
    },

    async claim(key, leaseMs): Promise<BriefClaim> {
      const { lease } = keysOf(key);
      const token = randomBytes(16).toString('base64url');
      try {
        const holder = await client.eval(CLAIM, 1, lease, token, String(Math.max(1, Math.round(leaseMs))));
        notice.succeeded();
        if (holder === '') return { kind: 'claimed', token };
        if (typeof holder === 'string' && holder.startsWith(FAILED)) {
          const failure = holder.slice(FAILED.length);
          return { kind: 'failed', failure: KNOWN_FAILURES.has(failure) ? (failure as ModelFailureKind) : 'error' };
        }
        return { kind: 'busy' };
      } catch (e) {
        notice.failed(e);
        return { kind: 'unavailable' };
      }
    },

    async fulfil(key, token, brief, ttlMs) {
      const keys = keysOf(key);
      if (ttlMs > 0) {
        try {
          await client.set(keys.brief, sealer.seal(brief, keys.brief), 'PX', Math.round(ttlMs));
        } catch (e) {
          notice.failed(e);
        }
      }
      await endLease(keys.lease, token, '', 0);
    },

    async fail(key, token, failure, holdMs) {
      await endLease(keysOf(key).lease, token, `${FAILED}${failure}`, holdMs);
    },

    async release(key, token) {
      await endLease(keysOf(key).lease, token, '', 0);
    },

    async waitFor(key, waitMs) {
      const keys = keysOf(key);
      const until = Date.now() + waitMs;
      try {
        for (;;) {
          // One read of both: the holder stores the brief before it ends the lease.
          const [sealed, holder] = await client.mget(keys.brief, keys.lease);
          const brief = open(sealed ?? null, keys.brief);
          if (brief !== undefined) return brief;
          if (holder === null || holder === undefined || holder.startsWith(FAILED) || Date.now() + pollMs > until) return undefined;
          await sleep(pollMs, undefined, { ref: false });
        }
      } catch (e) {
        notice.failed(e);
        return undefined;
      }
    },
  };
}
