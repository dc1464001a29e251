import type { Redis } from 'ioredis';
import type { ExpiringStore } from '../launch/expiring-map';
import { problem, ProblemError } from '../src/problems';
import { KEY_PREFIX } from './keys';
import type { RedisLog } from './redis-client';
import { outageNotice } from './redis-client';
import type { JsonSealer } from './sealed-json';

export interface RedisExpiringStoreOptions<V> {
  client: Redis;
  sealer: JsonSealer;
  log: RedisLog;
  /** What is kept (`launch`, `session`): the keys are `chartbrief:<kind>:<id>`. */
  kind: string;
  /** Reads a record back; undefined when it does not have the expected shape (it then reads as absent). */
  decode: (json: unknown) => V | undefined;
}

/**
 * The app's launches in progress and sessions in Redis, shared by every replica: each record is
 * sealed whole with SESSION_KEY (tokens, the launch's PKCE verifier, the patient in context:
 * nothing readable in Redis), bound to its key, and expires with `PX`. `take` is `GETDEL`, so a
 * `state` is consumed once across replicas. When Redis cannot be reached the app answers 503.
 */
export function createRedisExpiringStore<V>(options: RedisExpiringStoreOptions<V>): ExpiringStore<V> {
  const { client, sealer } = options;
  const notice = outageNotice(options.log, `${options.kind}-store-unreachable`, `app ${options.kind} store (Redis) unreachable: the app answers 503 until it is back`);
  const keyOf = (id: string): string => `${KEY_PREFIX}${options.kind}:${id}`;
  const read = (sealed: string | null, key: string): V | undefined => (sealed === null ? undefined : options.decode(sealer.open(sealed, key)));
  async function run<T>(command: () => Promise<T>): Promise<T> {
    try {
      const result = await command();
      notice.succeeded();
      return result;
    } catch (e) {
      notice.failed(e);
      throw new ProblemError(problem('not-ready', 'ChartBrief cannot reach its session store right now; try again in a moment'));
    }
  }
  return {
    get: (id) => run(async () => read(await client.get(keyOf(id)), keyOf(id))),
    set: (id, value, ttlMs) => run(async () => void (await client.set(keyOf(id), sealer.seal(value, keyOf(id)), 'PX', Math.max(1, Math.round(ttlMs))))),
    take: (id) => run(async () => read(await client.getdel(keyOf(id)), keyOf(id))),
    touch: (id, ttlMs) => run(async () => void (await client.pexpire(keyOf(id), Math.max(1, Math.round(ttlMs))))),
  };
}
