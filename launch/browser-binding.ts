import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Binds a launch to the browser that started it. Sessions are keyed per launch (the launch's
 * `state`, then a session id in the page URL), never per browser; this cookie only proves that
 * the browser presenting a `state` or session id is the one that began that launch, so a link
 * with someone else's `code` and `state` (login CSRF) or a copied session URL opens nothing.
 * The cookie holds a random secret; sessions keep only its hash. Behind TLS it is
 * `SameSite=None; Secure; Partitioned` (EHRs embed the app in an iframe of another site: Epic
 * Hyperdrive), always `HttpOnly`. https://datatracker.ietf.org/doc/html/rfc6749#section-10.12
 */

export const BINDING_COOKIE = 'chartbrief_browser';
const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** The cookie's secret from a `Cookie` header, if well-formed. */
export function bindingSecret(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== BINDING_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SECRET.test(value)) return value;
  }
  return undefined;
}

/** The hash of this browser's binding, setting a new cookie when it has none. */
export function ensureBinding(req: Request, res: Response): string {
  let secret = bindingSecret(req.headers.cookie);
  if (secret === undefined) {
    secret = randomBytes(32).toString('base64url');
    // req.secure follows `trust proxy` (X-Forwarded-Proto is believed only from a trusted proxy).
    const tls = req.secure;
    res.cookie(BINDING_COOKIE, secret, {
      httpOnly: true,
      path: '/',
      maxAge: MAX_AGE_MS,
      ...(tls ? { secure: true, sameSite: 'none', partitioned: true } : { sameSite: 'lax' }),
    });
  }
  return hash(secret);
}

/** True when the request comes from the browser whose binding hash is `expected`. */
export function sameBrowser(req: Request, expected: string): boolean {
  const secret = bindingSecret(req.headers.cookie);
  if (secret === undefined) return false;
  const a = Buffer.from(hash(secret));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
