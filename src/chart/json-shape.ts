/**
 * Checks on JSON values received from an EHR (prefetch or FHIR REST). Everything that arrives is
 * `unknown` until one of these says otherwise, so that a wrong JSON type in a field we read makes a
 * resource "malformed" (skipped and counted) instead of crashing a rule later.
 */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string with at least one non-blank character. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Reads `record[key]` as a string, or undefined when absent or of another type. */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** True when `value` is absent or passes `check`: optional FHIR elements may be left out. */
export function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

/** True when `value` is an array whose every item passes `check`. */
export function arrayOf(check: (v: unknown) => boolean): (value: unknown) => boolean {
  return (value) => Array.isArray(value) && value.every(check);
}

/** True when every key named in `fields` is absent or holds a value its check accepts. */
export function fieldsValid(record: Record<string, unknown>, fields: Readonly<Record<string, (v: unknown) => boolean>>): boolean {
  // for…in over the (small, literal) spec: no per-call entries array on this hot path.
  for (const key in fields) {
    const value = record[key];
    if (value !== undefined && !(fields[key] as (v: unknown) => boolean)(value)) return false;
  }
  return true;
}

export const isString = (v: unknown): boolean => typeof v === 'string';
export const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
export const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
export const isObject = (v: unknown): boolean => isRecord(v);

/** FHIR Coding: system, code, display are strings when present. */
export function isCoding(v: unknown): boolean {
  return isRecord(v) && fieldsValid(v, { system: isString, code: isString, display: isString, version: isString });
}

/** FHIR CodeableConcept: `coding` is an array of Codings, `text` a string. */
export function isCodeableConcept(v: unknown): boolean {
  return isRecord(v) && fieldsValid(v, { coding: arrayOf(isCoding), text: isString });
}

/** FHIR Reference: `reference`, `display` and `type` are strings when present. */
export function isReference(v: unknown): boolean {
  return isRecord(v) && fieldsValid(v, { reference: isString, display: isString, type: isString });
}

/** FHIR Quantity: a numeric `value` and string unit fields. */
export function isQuantity(v: unknown): boolean {
  return isRecord(v) && fieldsValid(v, { value: isNumber, unit: isString, system: isString, code: isString, comparator: isString });
}

/** FHIR Period: `start` and `end` are date-time strings when present. */
export function isPeriod(v: unknown): boolean {
  return isRecord(v) && fieldsValid(v, { start: isString, end: isString });
}

export const isCodeableConcepts = arrayOf(isCodeableConcept);
export const isReferences = arrayOf(isReference);
export const isObjects = arrayOf(isObject);
export const isStrings = arrayOf(isString);
