import { Redis } from 'ioredis';

/** Where the Redis adapters report trouble: codes and counts, never keys' contents (no PHI). */
export interface RedisLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
}

/** Longest a command may wait, queued while reconnecting included: past it the caller's fallback applies. */
export const COMMAND_TIMEOUT_MS = 500;

/**
 * Opens the client (it connects in the background; commands sent meanwhile wait, up to
 * COMMAND_TIMEOUT_MS). While Redis is unreachable it reconnects every second at most, and each
 * command fails fast, so each use decides: the `jti` check refuses, the rate limit lets through,
 * the model brief goes on without sharing, the app answers 503. One line when Redis goes away,
 * one when it is back.
 */
export function openRedisClient(url: string, log: RedisLog): Redis {
  const client = new Redis(url, {
    connectionName: 'chartbrief',
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  let down = false;
  client.on('error', (e: NodeJS.ErrnoException) => {
    if (down) return;
    down = true;
    log.warn({ event: 'redis-unreachable', code: e.code ?? e.name }, 'Redis is unreachable: JWTs are refused (jti), rate limits and model briefs are per instance, the app answers 503 until it is back');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ event: 'redis-reachable' }, 'Redis is reachable again');
  });
  return client;
}

/** True when Redis answers a PING within `timeoutMs` (readiness). Never throws. */
export async function redisAnswers(client: Redis, timeoutMs = COMMAND_TIMEOUT_MS): Promise<boolean> {
  if (client.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([client.ping().then((pong) => pong === 'PONG'), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the client: QUIT when connected (pending replies arrive first), else at once. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** The error's code for a log line (ECONNREFUSED, ETIMEDOUT, …): never its message or a key. */
export function errorCode(e: unknown): string {
  if (e instanceof Error) return (e as NodeJS.ErrnoException).code ?? e.name;
  return 'unknown';
}

/**
 * One log line per outage of one use of Redis (the first failure after a success), not one per
 * call: while Redis is down every call fails the same way.
 */
export function outageNotice(log: RedisLog, event: string, msg: string): { failed(e: unknown): void; succeeded(): void } {
  let failing = false;
  return {
    failed(e) {
      if (failing) return;
      failing = true;
      log.warn({ event, code: errorCode(e) }, msg);
    },
    succeeded() {
      failing = false;
    },
  };
}
