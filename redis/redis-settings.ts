import type { Result } from '../src/result';
import { err, ok } from '../src/result';

/**
 * REDIS_URL and SESSION_KEY: set REDIS_URL and every replica shares the `jti` replay cache, the
 * rate limit, the model-brief cache and the app's launches and sessions through that Redis.
 * SESSION_KEY (32 random bytes, base64) encrypts what is kept there, so it is required with it.
 */
export interface RedisSettings {
  /** `redis://` or `rediss://` (TLS), with credentials and database number if any. */
  url: string;
  /** The AES-256-GCM key for records kept in Redis (tokens, launch state, model briefs). */
  sessionKey: Buffer;
}

const SESSION_KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KEY_SHAPE = '32 random bytes in base64 (e.g. `openssl rand -base64 32`)';
const HOW = `SESSION_KEY must be ${KEY_SHAPE}`;

/** The key SESSION_KEY names, or one line saying what is wrong (never the value). */
export function sessionKeyFrom(raw: string): Result<Buffer, string> {
  const text = raw.trim();
  if (!BASE64.test(text)) return err(`${HOW}; it is not base64`);
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  return key.length === SESSION_KEY_BYTES ? ok(key) : err(`${HOW}; it decodes to ${key.length} bytes`);
}

/** Reads REDIS_URL and SESSION_KEY: undefined without REDIS_URL (one process, in-memory state). */
export function redisSettingsFrom(env: NodeJS.ProcessEnv): Result<RedisSettings | undefined, string> {
  const url = env['REDIS_URL']?.trim() ?? '';
  if (url === '') return ok(undefined);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL may hold a password: never echo it.
    return err('REDIS_URL must be a redis:// or rediss:// URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') return err('REDIS_URL must be a redis:// or rediss:// URL');
  const rawKey = env['SESSION_KEY'];
  if (rawKey === undefined || rawKey.trim() === '') return err(`SESSION_KEY must be set when REDIS_URL is set: ${KEY_SHAPE}; it encrypts the tokens kept in Redis`);
  const sessionKey = sessionKeyFrom(rawKey);
  if (!sessionKey.ok) return sessionKey;
  return ok({ url, sessionKey: sessionKey.value });
}
