import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * JSON sealed with AES-256-GCM under SESSION_KEY, for everything ChartBrief keeps in Redis that
 * is a secret or PHI (access and refresh tokens, launch state, model briefs). Format:
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url): a random 96-bit IV per record, and the
 * Redis key name as additional data, so a record moved under another key does not open. The key
 * id (a hash prefix of the key) tells a record sealed under another SESSION_KEY, which then reads
 * as absent (the user relaunches) instead of failing.
 */
export interface JsonSealer {
  seal(value: unknown, boundTo: string): string;
  /** The value, or undefined when the record is not ours, was sealed under another key, or was altered. */
  open(sealed: string, boundTo: string): unknown;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createJsonSealer(key: Buffer): JsonSealer {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  const keyId = createHash('sha256').update('chartbrief-session-key-id').update(key).digest('base64url').slice(0, 8);
  return {
    seal(value, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, boundTo) {
      const [version, id, iv, tag, body, extra] = sealed.split('.');
      if (version !== VERSION || id !== keyId || iv === undefined || tag === undefined || body === undefined || extra !== undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(boundTo, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}
