import { ALLERGEN_ROWS, CROSS_SENSITIVITY_GROUPS } from '../../../src/knowledge/drugs/allergens';
import { ingredientRxcui } from '../../../src/knowledge/drugs/drug-index';
import { SIDE_EFFECT_REACTIONS } from '../../../src/knowledge/drugs/side-effect-reactions';

// The cross-sensitivity tables hold together: every member names an ingredient the drug tables
// know, every group an allergen row names exists, ids are unique, every row cites its source, and
// the non-antibiotic sulfonamides are in no group.

describe('cross-sensitivity tables', () => {
  it('resolves every group member to an RxNorm ingredient', () => {
    const names = CROSS_SENSITIVITY_GROUPS.flatMap((g) => g.members);
    expect(names.filter((n) => ingredientRxcui(n) === undefined)).toEqual([]);
  });

  it('names only groups that exist, each id once', () => {
    const ids = CROSS_SENSITIVITY_GROUPS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ALLERGEN_ROWS.flatMap((r) => r.groups ?? []).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('cites a source with a link on every group and side-effect row', () => {
    const rows = [...CROSS_SENSITIVITY_GROUPS, ...SIDE_EFFECT_REACTIONS];
    expect(rows.filter((r) => r.source.label.length === 0 || !(r.source.url ?? '').startsWith('https://'))).toEqual([]);
  });

  it('keeps the non-antibiotic sulfonamides and the carbapenems out of every group', () => {
    const members = new Set(CROSS_SENSITIVITY_GROUPS.flatMap((g) => g.members));
    expect(['furosemide', 'hydrochlorothiazide', 'celecoxib', 'glipizide', 'meropenem', 'ertapenem', 'cefazolin'].filter((n) => members.has(n))).toEqual([]);
  });
});
