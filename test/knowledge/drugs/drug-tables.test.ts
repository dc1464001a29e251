import { ALLERGEN_ROWS } from '../../../src/knowledge/drugs/allergens';
import { BRAND_NAMES } from '../../../src/knowledge/drugs/brand-names.generated';
import { CLASS_MEMBERSHIP } from '../../../src/knowledge/drugs/drug-classes';
import { INGREDIENTS, ingredientRxcui, PRODUCTS } from '../../../src/knowledge/drugs/drug-index';
import { HAND_INGREDIENTS, HAND_PRODUCTS } from '../../../src/knowledge/drugs/ingredient-supplement';
import { SNAPSHOT_INGREDIENTS } from '../../../src/knowledge/drugs/rxnorm-ingredients.generated';
import { PRODUCT_GROUPS } from '../../../src/knowledge/drugs/rxnorm-products.generated';

// The drug tables hold together: every name a class or allergen row uses is an ingredient the
// tables know, every product and brand points at known ingredients, every row cites its source.

describe('drug tables', () => {
  it('resolves every class member and allergen ingredient name to an RxNorm ingredient', () => {
    const names = [...CLASS_MEMBERSHIP.flatMap((r) => r.ingredients), ...ALLERGEN_ROWS.flatMap((r) => r.ingredients)];
    expect(names.filter((n) => ingredientRxcui(n) === undefined)).toEqual([]);
  });

  it('points every product and brand at ingredients in the ingredient table', () => {
    const rows = [...PRODUCT_GROUPS, ...HAND_PRODUCTS, ...BRAND_NAMES];
    expect(rows.flatMap((r) => r.ingredients).filter((rxcui) => !INGREDIENTS.has(rxcui))).toEqual([]);
  });

  it('gives every row a source with a label', () => {
    const rows = [...SNAPSHOT_INGREDIENTS, ...HAND_INGREDIENTS, ...PRODUCT_GROUPS, ...HAND_PRODUCTS, ...BRAND_NAMES, ...CLASS_MEMBERSHIP, ...ALLERGEN_ROWS];
    expect(rows.filter((r) => r.source.label.length === 0)).toEqual([]);
  });

  it('lists each product code once and each ingredient RxCUI once', () => {
    const codes = [...PRODUCT_GROUPS, ...HAND_PRODUCTS].flatMap((r) => r.products);
    expect(new Set(codes).size).toBe(codes.length);
    expect(PRODUCTS.size).toBe(codes.length);
    const cuis = [...SNAPSHOT_INGREDIENTS, ...HAND_INGREDIENTS].map((r) => r.rxcui);
    expect(new Set(cuis).size).toBe(cuis.length);
  });

  it('stays focused: a few thousand product codes, not the whole RxNorm snapshot', () => {
    expect(PRODUCTS.size).toBeLessThan(10000);
    expect(INGREDIENTS.size).toBeLessThan(800);
  });
});
