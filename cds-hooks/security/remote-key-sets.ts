// Remote JWKS resolvers (jose `createRemoteJWKSet`), one per URL, cached across calls.
import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, customFetch } from 'jose';
import type { FetchImplementation } from 'jose';

export interface RemoteKeySetsOptions {
  /** Most resolvers kept; the least recently used is dropped (default 100). */
  maxSets?: number;
  /** Timeout of one JWKS fetch (default 3000 ms). */
  fetchTimeoutMs?: number;
  fetch?: FetchImplementation;
  now: () => Date;
  /** New `jku` URLs one issuer may make us fetch per window (default 10 per 10 minutes). */
  newJkuUrlsPerWindow?: number;
  jkuWindowMs?: number;
}

export interface RemoteKeySets {
  /** The resolver for a configured `jwks_url`. */
  forConfiguredUrl(url: URL): JWTVerifyGetKey;
  /**
   * The resolver for a `jku` already checked against `iss`'s prefixes, or `undefined` when `iss`
   * has used up its budget of new URLs. The budget exists because the `jku` arrives before any
   * signature is checked: without it, anyone could make us fetch (and cache) every path under an
   * allowed prefix. URLs already cached cost nothing, so a stable EHR key URL is never refused.
   */
  forJku(url: URL, iss: string): JWTVerifyGetKey | undefined;
}

export function createRemoteKeySets(options: RemoteKeySetsOptions): RemoteKeySets {
  const maxSets = options.maxSets ?? 100;
  const perWindow = options.newJkuUrlsPerWindow ?? 10;
  const windowMs = options.jkuWindowMs ?? 600_000;
  const sets = new Map<string, JWTVerifyGetKey>();
  const budgets = new Map<string, { windowStartMs: number; used: number }>();
  const remoteOptions = {
    timeoutDuration: options.fetchTimeoutMs ?? 3000,
    ...(options.fetch === undefined ? {} : { [customFetch]: options.fetch }),
  };

  const cached = (href: string): JWTVerifyGetKey | undefined => {
    const existing = sets.get(href);
    if (existing !== undefined) {
      sets.delete(href); // re-insert: most recently used last
      sets.set(href, existing);
    }
    return existing;
  };

  const create = (url: URL): JWTVerifyGetKey => {
    const created = createRemoteJWKSet(url, remoteOptions);
    sets.set(url.href, created);
    if (sets.size > maxSets) {
      const oldest = sets.keys().next();
      if (oldest.done !== true) sets.delete(oldest.value);
    }
    return created;
  };

  const spend = (iss: string): boolean => {
    const nowMs = options.now().getTime();
    const budget = budgets.get(iss);
    if (budget === undefined || nowMs - budget.windowStartMs >= windowMs) {
      budgets.set(iss, { windowStartMs: nowMs, used: 1 });
      return perWindow >= 1;
    }
    if (budget.used >= perWindow) return false;
    budget.used += 1;
    return true;
  };

  return {
    forConfiguredUrl: (url) => cached(url.href) ?? create(url),
    forJku: (url, iss) => cached(url.href) ?? (spend(iss) ? create(url) : undefined),
  };
}
