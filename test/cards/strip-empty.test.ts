import type { CdsResponse } from '../../src/cds/cds-types';
import { stripEmpty, stripEmptyResponse } from '../../src/cards/strip-empty';

describe('stripEmpty', () => {
  it('deep-removes null, undefined, empty strings, arrays and objects, and what becomes empty', () => {
    const input = {
      a: null,
      b: undefined,
      c: '',
      d: [],
      e: {},
      f: { g: { h: null }, i: [null, '', {}] },
      keep: { n: 0, f: false, s: 'x', list: [1, null, 'y'] },
    };
    expect(stripEmpty(input)).toEqual({ keep: { n: 0, f: false, s: 'x', list: [1, 'y'] } });
  });

  it('returns undefined when nothing is left, so callers can write `stripEmpty(x) ?? {}`', () => {
    expect(stripEmpty({ a: null, b: [] })).toBeUndefined();
    expect(stripEmpty(null)).toBeUndefined();
    expect(stripEmpty('')).toBeUndefined();
  });

  it('keeps a top-level empty cards array: {"cards": []} is the spec\'s "no advice"', () => {
    expect(stripEmpty({ cards: [] })).toEqual({ cards: [] });
    expect(stripEmpty({ cards: [{ detail: null }] })).toEqual({ cards: [] });
    expect(stripEmpty({ services: [] })).toEqual({ services: [] });
  });

  it('does not keep empty arrays named cards below the top level', () => {
    expect(stripEmpty({ x: { cards: [] }, cards: [] })).toEqual({ cards: [] });
  });

  it('leaves its input unchanged', () => {
    const input = { cards: [{ summary: 's', detail: '' }] };
    stripEmpty(input);
    expect(input).toEqual({ cards: [{ summary: 's', detail: '' }] });
  });
});

describe('stripEmptyResponse', () => {
  it('always keeps cards and strips everything else deeply', () => {
    const response: CdsResponse = {
      cards: [{ uuid: 'u', summary: 's', indicator: 'info', source: { label: 'l', url: '' }, suggestions: [], links: [] }],
      systemActions: [],
    };
    expect(stripEmptyResponse(response)).toEqual({ cards: [{ uuid: 'u', summary: 's', indicator: 'info', source: { label: 'l' } }] });
    expect(stripEmptyResponse({ cards: [] })).toEqual({ cards: [] });
  });
});
