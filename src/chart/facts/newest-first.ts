import { compareText, refOf } from '../../brief/embedded/fhir-values';
import type { DatedObservation, IndexedObservation } from './observation-index';

// Observations newest first, put in order only as far as someone reads. Readers mostly want the
// latest result, or the latest and the one before it: those are picked by a scan each, straight
// from the chart's index; only a reader that walks further has the rest sorted. A chart may hold
// hundreds of results per code.

/** Newest first; on the same instant by `Type/id`, so the order never varies between runs. */
export function newestFirst(a: DatedObservation, b: DatedObservation): number {
  return b.at - a.at || compareText(refOf(a.observation), refOf(b.observation));
}

function isDated(o: IndexedObservation): o is DatedObservation {
  return o.at !== undefined;
}

/** How many are picked one by one before the rest is sorted. */
const PICKS = 4;

/** The dated observations of some lists (an observation in two of them counts once), newest first. */
export class NewestFirst implements Iterable<DatedObservation> {
  private readonly ordered: DatedObservation[] = [];
  /** Set once the rest is sorted into `ordered`. */
  private complete = false;

  /** `lists` are read, never changed. */
  constructor(private readonly lists: readonly (readonly IndexedObservation[])[]) {}

  /** The `index`-th newest (0 is the newest), or undefined past the end. */
  get(index: number): DatedObservation | undefined {
    while (this.ordered.length <= index && !this.complete) {
      if (this.ordered.length < PICKS) this.pickNewest();
      else this.sortRest();
    }
    return this.ordered[index];
  }

  /** The first, newest first, that `predicate` accepts. */
  find(predicate: (o: DatedObservation) => boolean): DatedObservation | undefined {
    for (const o of this) if (predicate(o)) return o;
    return undefined;
  }

  *[Symbol.iterator](): Iterator<DatedObservation> {
    for (let i = 0; ; i++) {
      const o = this.get(i);
      if (o === undefined) return;
      yield o;
    }
  }

  /** Orders the newest of the rest, if any is left. */
  private pickNewest(): void {
    let best: DatedObservation | undefined;
    for (const list of this.lists) {
      for (const o of list) {
        if (isDated(o) && (best === undefined || newestFirst(o, best) < 0) && !this.ordered.includes(o)) best = o;
      }
    }
    if (best) this.ordered.push(best);
    else this.complete = true;
  }

  /** Orders all the rest. */
  private sortRest(): void {
    const rest = new Set<DatedObservation>();
    for (const list of this.lists) for (const o of list) if (isDated(o)) rest.add(o);
    for (const o of this.ordered) rest.delete(o);
    this.ordered.push(...[...rest].sort(newestFirst));
    this.complete = true;
  }
}
