import type { CdsResponse } from '../cds/cds-types';

/**
 * CDS Hooks asks services to leave out what they have no value for rather than send `null` or
 * empty fields (EHRs have rejected `"suggestions": []` and `"detail": null`).
 * https://cds-hooks.hl7.org/2.0/#cds-service-response
 */

/** Top-level arrays a response must carry even when empty: `cards` (hook response), `services` (discovery). */
const REQUIRED_TOP_LEVEL_ARRAYS: ReadonlySet<string> = new Set(['cards', 'services']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function strip(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(strip).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = strip(v);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

/**
 * Deep-removes `null`, `undefined`, empty strings, empty arrays and empty objects (and what becomes
 * empty once its contents are removed) from a JSON value; `undefined` when nothing is left. One
 * exception, so that `stripEmpty(body) ?? {}` keeps a response valid: at the top level of an object,
 * `cards` and `services` stay as arrays even when empty (`{"cards": []}` is the spec's "no advice").
 * Numbers (0 included) and booleans (false included) are values and stay. Input is not modified.
 */
export function stripEmpty<T>(value: T): T | undefined {
  if (!isPlainObject(value)) return strip(value) as T | undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const kept = strip(v);
    if (kept !== undefined) out[key] = kept;
    else if (REQUIRED_TOP_LEVEL_ARRAYS.has(key) && Array.isArray(v)) out[key] = [];
  }
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

/** A hook response with every empty field removed and `cards` always present (`[]` when none). */
export function stripEmptyResponse(response: CdsResponse): CdsResponse {
  const stripped = stripEmpty(response);
  return { ...stripped, cards: stripped?.cards ?? [] };
}
