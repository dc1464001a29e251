import type { Redis } from 'ioredis';
import type { IncrementResponse, Store } from 'express-rate-limit';
import type { RedisReply } from 'rate-limit-redis';
import { RedisStore } from 'rate-limit-redis';
import { KEY_PREFIX } from './keys';

/**
 * rate-limit-redis keeps the SHA of its Lua script as a promise made in `init`; if Redis was down
 * then, that promise stays rejected and every later call fails even once Redis is back. Reload the
 * script after any failure that was not the store's own NOSCRIPT retry (a failed reload costs one
 * failed command while Redis is down).
 */
class RecoveringRedisStore extends RedisStore {
  override async increment(key: string): Promise<IncrementResponse> {
    try {
      return await super.increment(key);
    } catch (e) {
      const reload = this.loadIncrementScript();
      reload.catch(() => undefined); // awaited by the next call, which reports it
      this.incrementScriptSha = reload;
      throw e;
    }
  }
}

/**
 * The per-client rate limit counted in Redis, so the limit holds across replicas
 * (express-rate-limit 8 with rate-limit-redis 6). One store per limiter (express-rate-limit
 * refuses a shared one). The router sets `passOnStoreError`: while Redis is down calls go
 * through unlimited (fail open) rather than fail.
 */
export function createRedisRateLimitStore(client: Redis, name = 'cds'): Store {
  return new RecoveringRedisStore({
    prefix: `${KEY_PREFIX}rl:${name}:`,
    sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply>,
  });
}
