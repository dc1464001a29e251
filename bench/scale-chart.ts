// Grows a patient's prefetch to a target number of resources for the large-chart benchmark, the
// way a long-lived chart grows: more results over the years. Only Observations are cloned (every
// section that holds them: labs, vitals, social history, surveys; fresh ids, dates moved back a day
// per copy), so the Patient, problems and medications stay the same.

interface Entry {
  fullUrl?: string;
  resource?: { resourceType?: string; id?: string; effectiveDateTime?: string; issued?: string };
}
interface SearchBundle {
  resourceType: 'Bundle';
  total?: number;
  entry?: Entry[];
}

function entriesOf(value: unknown): Entry[] {
  const entry = (value as Partial<SearchBundle> | null)?.entry;
  return Array.isArray(entry) ? entry : [];
}

function isBundle(value: unknown): value is SearchBundle {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'Bundle';
}

/** How many resources a prefetch holds (a Bundle's entries, or 1 for a bare resource). */
export function countResources(prefetch: Record<string, unknown>): number {
  return Object.values(prefetch).reduce<number>((n, v) => n + (v === null ? 0 : isBundle(v) ? entriesOf(v).length : 1), 0);
}

function shiftDays(iso: string | undefined, days: number): string | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t - days * 86_400_000).toISOString();
}

function cloneObservation(e: Entry, copy: number): Entry {
  const resource = structuredClone(e.resource ?? {});
  resource.id = `${resource.id ?? 'obs'}-c${copy}`;
  const effective = shiftDays(resource.effectiveDateTime, copy);
  if (effective !== undefined) resource.effectiveDateTime = effective;
  const issued = shiftDays(resource.issued, copy);
  if (issued !== undefined) resource.issued = issued;
  const clone: Entry = { ...e, resource };
  if (e.fullUrl !== undefined) clone.fullUrl = e.fullUrl.replace(/[^/:]+$/, resource.id);
  return clone;
}

/**
 * A copy of `prefetch` whose Observations (in every section holding them) have been repeated with
 * fresh ids until the whole holds ≥ `target` resources.
 */
export function scalePrefetch(prefetch: Record<string, unknown>, target: number): Record<string, unknown> {
  const scaled = structuredClone(prefetch);
  const sections = Object.values(scaled)
    .filter(isBundle)
    .map((bundle) => ({ bundle, seed: entriesOf(bundle).filter((e) => e.resource?.resourceType === 'Observation') }))
    .filter((s) => s.seed.length > 0);
  if (sections.length === 0) throw new Error('scalePrefetch needs a prefetch with Observations');
  let total = countResources(scaled);
  for (let copy = 1; total < target; copy++) {
    for (const { bundle, seed } of sections) {
      const entries = entriesOf(bundle);
      for (const e of seed) {
        if (total >= target) break;
        entries.push(cloneObservation(e, copy));
        total++;
      }
      bundle.entry = entries;
    }
  }
  for (const { bundle } of sections) if (bundle.total !== undefined) bundle.total = entriesOf(bundle).filter((e) => (e as { search?: { mode?: string } }).search?.mode !== 'include').length;
  return scaled;
}

/** A copy of `prefetch` whose Patient is alive (no `deceased[x]`), so every rule runs on the chart. */
export function withoutDeceased(prefetch: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(prefetch);
  const patient = copy['patient'] as Record<string, unknown> | undefined;
  if (patient) {
    delete patient['deceasedDateTime'];
    delete patient['deceasedBoolean'];
  }
  return copy;
}
