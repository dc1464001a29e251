import type { CodeableConcept, Coding, FhirResource, Observation, Quantity } from 'fhir/r4';

/** `Type/id` of a resource held by a chart (resources without an id are never cited). */
export function refOf(resource: FhirResource): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

// Only the fields the chart loader validates have trusted JSON types (src/chart/resource-shape.ts);
// a brief must not throw on a chart, so the readers below check types of what they touch.

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codingsOf(concept: unknown): readonly Coding[] {
  const coding: unknown = isObject(concept) ? concept['coding'] : undefined;
  if (!Array.isArray(coding)) return [];
  // Read for every code of every resource: the array itself when it holds only objects (the usual case).
  return coding.every(isObject) ? coding : coding.filter(isObject);
}

function trimmed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The human name of a concept: its text, else the first coding display, else the first code. */
export function conceptText(concept: CodeableConcept | undefined): string | undefined {
  if (!isObject(concept)) return undefined;
  const text = trimmed(concept.text);
  if (text) return text;
  const coding = codingsOf(concept);
  for (const c of coding) {
    const display = trimmed(c.display);
    if (display) return display;
  }
  for (const c of coding) {
    const code = trimmed(c.code);
    if (code) return code;
  }
  return undefined;
}

/** Codes of the given systems in a concept, in the order given. */
export function codesOf(concept: CodeableConcept | undefined, systems: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of codingsOf(concept)) {
    if (typeof c.system === 'string' && typeof c.code === 'string' && c.code !== '' && systems.includes(c.system)) out.push(c.code);
  }
  return out;
}

/** The first code of a status concept (`clinicalStatus`, `verificationStatus`). */
export function statusCode(concept: CodeableConcept | undefined): string | undefined {
  for (const c of codingsOf(concept)) {
    const code = trimmed(c.code);
    if (code !== undefined) return code;
  }
  return undefined;
}

/** True for a JSON array; FHIR fields the loader does not check may hold anything. */
export function arrayOrEmpty<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

/**
 * The calendar date a FHIR dateTime names, as written ("2021-02-03T08:00:00-05:00" → "2021-02-03"):
 * the clinician's local date, with no time zone arithmetic that could shift it by a day.
 */
export function datePart(value: string | undefined): string | undefined {
  const m = typeof value !== 'string' ? null : /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value);
  return m?.[1];
}

/** Milliseconds since the epoch, for ordering; undefined when the value is not a date. */
export function instantOf(value: string | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** When an Observation was taken: effective[x] (end of a period), else when it was issued. */
export function observationTimeText(obs: Observation): string | undefined {
  return obs.effectiveDateTime ?? obs.effectiveInstant ?? obs.effectivePeriod?.end ?? obs.effectivePeriod?.start ?? obs.issued;
}

/** Code-unit string order: the same on every machine and locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Rounds half away from zero to `decimals` places and drops trailing zeros: 1.2869 → "1.29". */
export function formatNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor) / factor;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A quantity's comparator and number ("< 5", "1.29"), without its unit. */
export function quantityNumber(q: Quantity, decimals: number): string | undefined {
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const n = formatNumber(q.value, decimals);
  return q.comparator ? `${q.comparator} ${n}` : n;
}

/** Removes a SNOMED CT semantic tag: "Anemia (disorder)" → "Anemia", "Spirometry (procedure)" → "Spirometry". */
export function withoutSemanticTag(name: string): string {
  return name
    .replace(/\s*\((disorder|finding|situation|event|morphologic abnormality|clinical finding|procedure|regime\/therapy)\)\s*$/i, '')
    .trim();
}

/** The SNOMED CT semantic tag a display ends with, lower-cased, if any. */
export function semanticTag(name: string | undefined): string | undefined {
  const m = name === undefined ? null : /\(([a-z ]+)\)\s*$/i.exec(name);
  return m?.[1]?.toLowerCase();
}

/** Unique strings in first-seen order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
