import type { Observation } from 'fhir/r4';
import { NewestFirst } from '../../../src/chart/facts/newest-first';
import type { DatedObservation } from '../../../src/chart/facts/observation-index';

// Results newest first, ordered only as far as they are read: the order is the same whether a
// reader stops at the first or walks them all.

function dated(id: string, at: number): DatedObservation {
  const observation: Observation = { resourceType: 'Observation', id, status: 'final', code: { text: id } };
  return { observation, at };
}

const ids = (xs: Iterable<DatedObservation>): (string | undefined)[] => [...xs].map((x) => x.observation.id);

describe('newest first', () => {
  it('orders by time, then by id, however far it is read', () => {
    const all = [dated('c', 5), dated('a', 9), dated('e', 1), dated('b', 9), dated('d', 3), dated('g', 7), dated('f', 2)];
    const expected = ['a', 'b', 'g', 'c', 'd', 'f', 'e'];
    expect(ids(new NewestFirst([all]))).toEqual(expected);
    const stepwise = new NewestFirst([all.slice(0, 3), all.slice(3)]);
    expect(stepwise.get(0)?.observation.id).toBe('a');
    expect(stepwise.get(1)?.observation.id).toBe('b');
    expect(ids(stepwise)).toEqual(expected);
    expect(stepwise.get(7)).toBeUndefined();
  });

  it('lists an observation in two lists once, whether it is picked or sorted', () => {
    const twice = dated('x', 4);
    const early = new NewestFirst([[twice, dated('y', 3)], [twice]]);
    expect(ids(early)).toEqual(['x', 'y']);
    const late = [dated('a', 10), dated('b', 9), dated('c', 8), dated('d', 7), twice, dated('z', 1)];
    expect(ids(new NewestFirst([late, [twice]]))).toEqual(['a', 'b', 'c', 'd', 'x', 'z']);
  });

  it('leaves the undated out, finds the newest one a predicate accepts, and nothing in an empty list', () => {
    const list = new NewestFirst([[dated('old', 1), { observation: dated('undated', 0).observation, at: undefined }, dated('new', 2)]]);
    expect(list.find((o) => o.at < 2)?.observation.id).toBe('old');
    expect(list.find(() => false)).toBeUndefined();
    expect(ids(new NewestFirst([]))).toEqual([]);
    expect(ids(list)).toEqual(['new', 'old']);
  });
});
