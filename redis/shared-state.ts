import { createHmac } from 'node:crypto';
import type { Store } from 'express-rate-limit';
import type { JtiReplayCache } from '../cds-hooks/security/jti-replay-cache';
import type { SessionRecord } from '../launch/app-sessions';
import { sessionRecordFrom } from '../launch/app-sessions';
import type { ExpiringStore } from '../launch/expiring-map';
import type { PendingLaunch } from '../launch/smart-launch-flow';
import { pendingLaunchFrom } from '../launch/smart-launch-flow';
import type { SharedBriefs } from '../src/brief/shared-briefs';
import { createRedisBriefCache } from './brief-cache';
import { createRedisExpiringStore } from './expiring-store';
import { createRedisJtiReplayCache } from './jti-replay-cache';
import { createRedisRateLimitStore } from './rate-limit-store';
import type { RedisLog } from './redis-client';
import { closeRedisClient, errorCode, openRedisClient, redisAnswers } from './redis-client';
import type { RedisSettings } from './redis-settings';
import { createJsonSealer } from './sealed-json';

/** What replicas share through Redis (REDIS_URL): one client, one adapter per job. */
export interface SharedState {
  jti: JtiReplayCache;
  /**
   * A new rate-limit store (express-rate-limit wants one per limiter), and what to do when it
   * fails (the call goes through; one log line a minute at most while Redis is down).
   */
  rateLimit: (name: string) => { store: Store; onError: (error: unknown) => void };
  /** Model briefs per summarizer (`hook`, `app`: their briefs differ for one chart). */
  briefs: (namespace: string) => SharedBriefs;
  /** MODEL_DATE_SHIFT's secret, derived from SESSION_KEY: the same on every replica, so their prompts and cache keys agree. */
  dateShiftSecret: Uint8Array;
  launch: { pending: ExpiringStore<PendingLaunch>; sessions: ExpiringStore<SessionRecord> };
  /** Readiness: Redis answers a PING in time. */
  reachable: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** Opens the shared state (the client connects in the background: nothing here waits for Redis). */
export function openSharedState(settings: RedisSettings, log: RedisLog): SharedState {
  const client = openRedisClient(settings.url, log);
  const sealer = createJsonSealer(settings.sessionKey);
  return {
    jti: createRedisJtiReplayCache(client, { log }),
    rateLimit: (name) => {
      let lastLoggedAt = Number.NEGATIVE_INFINITY;
      return {
        store: createRedisRateLimitStore(client, name),
        onError: (e) => {
          if (Date.now() - lastLoggedAt < 60_000) return;
          lastLoggedAt = Date.now();
          log.warn({ event: 'rate-limit-store-failed', code: errorCode(e) }, 'rate limit store (Redis) failed: calls go through without a shared limit until it is back');
        },
      };
    },
    briefs: (namespace) => createRedisBriefCache({ client, sealer, log, namespace }),
    dateShiftSecret: createHmac('sha256', settings.sessionKey).update('chartbrief model date shift v1').digest(),
    launch: {
      pending: createRedisExpiringStore({ client, sealer, log, kind: 'launch', decode: pendingLaunchFrom }),
      sessions: createRedisExpiringStore({ client, sealer, log, kind: 'session', decode: sessionRecordFrom }),
    },
    reachable: () => redisAnswers(client),
    close: () => closeRedisClient(client),
  };
}
