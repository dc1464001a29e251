// Grows a patient's prefetch to a target number of resources for the large-chart benchmark, the
// way a long-lived chart grows: more lab results over the years. Only Observations are cloned (new
// ids, dates moved back a day per copy), so the Patient, problems and medications stay the same.

interface Entry {
  fullUrl?: string;
  resource?: { resourceType?: string; id?: string; effectiveDateTime?: string; issued?: string };
}
interface SearchBundle {
  resourceType: 'Bundle';
  entry?: Entry[];
}

function entriesOf(value: unknown): Entry[] {
  const entry = (value as Partial<SearchBundle> | null)?.entry;
  return Array.isArray(entry) ? entry : [];
}

/** How many resources a prefetch holds (a Bundle's entries, or 1 for a bare resource). */
export function countResources(prefetch: Record<string, unknown>): number {
  return Object.values(prefetch).reduce<number>((n, v) => n + (v === null ? 0 : Array.isArray((v as Partial<SearchBundle>).entry) ? entriesOf(v).length : 1), 0);
}

function shiftDays(iso: string | undefined, days: number): string | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t - days * 86_400_000).toISOString();
}

/** A copy of `prefetch` whose `labs` section has been cloned until the whole holds ≥ `target` resources. */
export function scalePrefetch(prefetch: Record<string, unknown>, target: number): Record<string, unknown> {
  const scaled = structuredClone(prefetch);
  const labs = scaled['labs'] as SearchBundle | undefined;
  const seed = entriesOf(labs).filter((e) => e.resource?.resourceType === 'Observation');
  if (!labs || seed.length === 0) throw new Error('scalePrefetch needs a prefetch with lab Observations');
  const entries = entriesOf(labs);
  let total = countResources(scaled);
  for (let copy = 1; total < target; copy++) {
    for (const e of seed) {
      if (total >= target) break;
      const resource = structuredClone(e.resource ?? {});
      resource.id = `${resource.id ?? 'obs'}-c${copy}`;
      const effective = shiftDays(resource.effectiveDateTime, copy);
      if (effective !== undefined) resource.effectiveDateTime = effective;
      const issued = shiftDays(resource.issued, copy);
      if (issued !== undefined) resource.issued = issued;
      const clone: Entry = { resource };
      if (e.fullUrl !== undefined) clone.fullUrl = e.fullUrl.replace(/[^/:]+$/, resource.id);
      entries.push(clone);
      total++;
    }
  }
  labs.entry = entries;
  return scaled;
}
