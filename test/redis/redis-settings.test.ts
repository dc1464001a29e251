import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/config';
import { createJsonSealer } from '../../redis/sealed-json';

// REDIS_URL and SESSION_KEY as an operator meets them: one line naming what is wrong, never the value.

const KEY = randomBytes(32).toString('base64');

it('without REDIS_URL keeps everything in the process (no Redis settings)', () => {
  const c = loadConfig({});
  expect(c.ok && c.value.redis).toBeUndefined();
});

it('with REDIS_URL and a 32-byte SESSION_KEY holds both', () => {
  const c = loadConfig({ REDIS_URL: 'redis://:secret@127.0.0.1:6379/2', SESSION_KEY: KEY });
  expect(c.ok && c.value.redis?.url).toBe('redis://:secret@127.0.0.1:6379/2');
  expect(c.ok && c.value.redis?.sessionKey.equals(Buffer.from(KEY, 'base64'))).toBe(true);
  const tls = loadConfig({ REDIS_URL: 'rediss://cache.example.org:6380', SESSION_KEY: randomBytes(32).toString('base64url') });
  expect(tls.ok).toBe(true);
});

it('refuses REDIS_URL without SESSION_KEY with one line that says how to make one', () => {
  const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' });
  expect(c.ok).toBe(false);
  expect(!c.ok && c.error).toBe('SESSION_KEY must be set when REDIS_URL is set: 32 random bytes in base64 (e.g. `openssl rand -base64 32`); it encrypts the tokens kept in Redis');
});

it.each([
  ['16 bytes', randomBytes(16).toString('base64'), 'it decodes to 16 bytes'],
  ['33 bytes', randomBytes(33).toString('base64'), 'it decodes to 33 bytes'],
  ['hex, not base64', randomBytes(32).toString('hex') + '!', 'it is not base64'],
  ['a passphrase', 'correct horse battery staple', 'it is not base64'],
])('refuses a SESSION_KEY of %s, without echoing it', (_what, value, why) => {
  const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SESSION_KEY: value });
  expect(!c.ok && c.error).toBe(`SESSION_KEY must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`); ${why}`);
  expect(!c.ok && c.error).not.toContain(value);
});

it('refuses a REDIS_URL that is not redis:// or rediss://, without echoing it (it may hold a password)', () => {
  for (const url of ['http://127.0.0.1:6379', 'redis-host:6379', 'not a url :pw@']) {
    const c = loadConfig({ REDIS_URL: url, SESSION_KEY: KEY });
    expect(!c.ok && c.error).toBe('REDIS_URL must be a redis:// or rediss:// URL');
  }
});

describe('sealed records', () => {
  const sealer = createJsonSealer(randomBytes(32));
  const record = { accessToken: 'at-123', refreshToken: 'rt-456', context: { patient: 'p1' } };

  it('open what was sealed under the same key name, and nothing of it is readable', () => {
    const sealed = sealer.seal(record, 'chartbrief:session:abc');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    for (const clear of ['at-123', 'rt-456', 'p1', 'accessToken']) expect(sealed).not.toContain(clear);
    expect(sealer.open(sealed, 'chartbrief:session:abc')).toEqual(record);
  });

  it('use a new IV each time: one record sealed twice differs', () => {
    expect(sealer.seal(record, 'k')).not.toBe(sealer.seal(record, 'k'));
  });

  it('do not open under another key name, altered, or sealed with another SESSION_KEY', () => {
    const sealed = sealer.seal(record, 'chartbrief:session:abc');
    expect(sealer.open(sealed, 'chartbrief:session:other')).toBeUndefined();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(sealer.open([...parts.slice(0, 4), body.toString('base64url')].join('.'), 'chartbrief:session:abc')).toBeUndefined();
    expect(createJsonSealer(randomBytes(32)).open(sealed, 'chartbrief:session:abc')).toBeUndefined();
    expect(sealer.open('not sealed', 'chartbrief:session:abc')).toBeUndefined();
  });
});
