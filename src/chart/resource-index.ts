import type { FhirResource } from 'fhir/r4';

/** The R4 resource type named `T`, e.g. `ResourceOf<'Observation'>` is `Observation`. */
export type ResourceOf<T extends FhirResource['resourceType']> = Extract<FhirResource, { resourceType: T }>;

function isOfType<T extends FhirResource['resourceType']>(resource: FhirResource, type: T): resource is ResourceOf<T> {
  return resource.resourceType === type;
}

const SHARDS = 32;

/**
 * Where each id of one type sits in its list. V8 keeps a Map's table in one block, and past 4,096
 * entries that block is a "large object" taken fresh from the OS at every growth: for a chart
 * with 8,000 Observations that alone cost ~3 ms of page faults per request (measured). Spread over
 * small maps by the id's last character, every table stays small; a lookup is still one Map.get.
 */
class IdPositions {
  private readonly shards: Map<string, number>[] = [];

  private shard(id: string): Map<string, number> {
    const n = id.length === 0 ? 0 : id.charCodeAt(id.length - 1) % SHARDS;
    return (this.shards[n] ??= new Map());
  }

  get(id: string): number | undefined {
    return this.shard(id).get(id);
  }

  set(id: string, position: number): void {
    this.shard(id).set(id, position);
  }
}

/** One type's resources, in the order their ids were first added. */
interface TypeEntries {
  resources: FhirResource[];
  ids: string[];
  positions: IdPositions;
}

/**
 * Resources by `Type/id`, FHIR's identity of a resource on its server: per type, a list in the
 * order ids were first added, and each id's place in it. Indexing a chart's thousands of resources
 * so builds no `Type/id` string (only a lookup or `refs()` does).
 */
export class ResourceIndex {
  private readonly byType = new Map<string, TypeEntries>();
  private count = 0;

  private entriesOf(type: string): TypeEntries {
    let entries = this.byType.get(type);
    if (entries === undefined) {
      entries = { resources: [], ids: [], positions: new IdPositions() };
      this.byType.set(type, entries);
    }
    return entries;
  }

  private append(entries: TypeEntries, resource: FhirResource, id: string): void {
    entries.positions.set(id, entries.resources.length);
    entries.resources.push(resource);
    entries.ids.push(id);
    this.count++;
  }

  /** Holds `resource` under `id` unless its `Type/id` is held already (the first one wins); true when added. */
  addNew(resource: FhirResource, id: string): boolean {
    const entries = this.entriesOf(resource.resourceType);
    if (entries.positions.get(id) !== undefined) return false;
    this.append(entries, resource, id);
    return true;
  }

  /** Holds `resource` under `id`, replacing (in its place) what its `Type/id` held. */
  set(resource: FhirResource, id: string): void {
    const entries = this.entriesOf(resource.resourceType);
    const position = entries.positions.get(id);
    if (position === undefined) this.append(entries, resource, id);
    else entries.resources[position] = resource;
  }

  /** The resource at `Type/id`, if held. */
  get(ref: string): FhirResource | undefined {
    const slash = ref.indexOf('/');
    if (slash < 0) return undefined;
    const entries = this.byType.get(ref.slice(0, slash));
    const position = entries?.positions.get(ref.slice(slash + 1));
    return position === undefined ? undefined : entries?.resources[position];
  }

  get size(): number {
    return this.count;
  }

  /** Every `Type/id` held, type by type. */
  refs(): string[] {
    const refs: string[] = [];
    for (const [type, entries] of this.byType) for (const id of entries.ids) refs.push(`${type}/${id}`);
    return refs;
  }

  /** The resources of one type, in the order their ids were first added. */
  list<T extends FhirResource['resourceType']>(type: T): ResourceOf<T>[] {
    const out: ResourceOf<T>[] = [];
    for (const r of this.byType.get(type)?.resources ?? []) if (isOfType(r, type)) out.push(r);
    return out;
  }
}
