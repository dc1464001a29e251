import { ingredientRxcui } from '../../../src/knowledge/drugs/drug-index';
import { DIGOXIN, POTASSIUM } from '../../../src/knowledge/labs/lab-definitions';
import { ONC_HIGH_PRIORITY_ROWS } from '../../../src/knowledge/interactions/onc-high-priority';
import { ONC_NON_INTERRUPTIVE_ROWS } from '../../../src/knowledge/interactions/onc-non-interruptive.generated';
import { DIGOXIN_CYCLOSPORINE } from '../../../src/knowledge/interactions/pddi-digoxin-cyclosporine';
import { WARFARIN_NSAIDS } from '../../../src/knowledge/interactions/pddi-warfarin-nsaids';

// The interaction tables hold together: every drug they name is an RxNorm ingredient the drug
// tables know, the lists keep their severities, and every row cites its source.

const unresolved = (names: readonly string[]): string[] => names.filter((n) => ingredientRxcui(n) === undefined);

describe('interaction tables', () => {
  it('names only ingredients the drug tables know', () => {
    const rows = [...ONC_HIGH_PRIORITY_ROWS, ...ONC_NON_INTERRUPTIVE_ROWS];
    expect(unresolved(rows.flatMap((r) => [...r.a, ...r.b]))).toEqual([]);
    const pddi = [
      ...WARFARIN_NSAIDS.warfarin, ...WARFARIN_NSAIDS.protectiveIngredients, ...WARFARIN_NSAIDS.aldosteroneAntagonists, WARFARIN_NSAIDS.alternative.ingredient,
      ...DIGOXIN_CYCLOSPORINE.digoxin, ...DIGOXIN_CYCLOSPORINE.cyclosporine, ...DIGOXIN_CYCLOSPORINE.diureticIngredients,
    ];
    expect(unresolved(pddi)).toEqual([]);
  });

  it('keeps high-priority pairs interruptive (critical or warning) and non-interruptive pairs info only', () => {
    expect(new Set(ONC_HIGH_PRIORITY_ROWS.map((r) => r.severity))).toEqual(new Set(['critical', 'warning']));
    expect(new Set(ONC_NON_INTERRUPTIVE_ROWS.map((r) => r.severity))).toEqual(new Set(['info']));
  });

  it('gives every row a unique id and a cited source', () => {
    const rows = [...ONC_HIGH_PRIORITY_ROWS, ...ONC_NON_INTERRUPTIVE_ROWS];
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.source.label === '' || r.source.url === undefined)).toEqual([]);
  });

  it('keeps the PDDI thresholds of the CQL (digoxin < 0.9 ng/mL in 30 days; K 3.5-5.0 mmol/L in a year)', () => {
    expect(DIGOXIN_CYCLOSPORINE.digoxinLevel).toMatchObject({ lab: DIGOXIN, high: 0.9, withinDays: 30 });
    expect(DIGOXIN.unit).toBe('ng/mL');
    expect(DIGOXIN_CYCLOSPORINE.electrolytes[0]).toMatchObject({ lab: POTASSIUM, low: 3.5, high: 5.0, withinDays: 365 });
    expect(WARFARIN_NSAIDS.alternative).toMatchObject({ rxnorm: '313782', display: 'Acetaminophen 325 MG Oral Tablet', ingredient: 'acetaminophen', directions: { doseValue: 2, doseUnit: 'tablet', everyHours: 4, maxPerDay: 10 } });
    expect(WARFARIN_NSAIDS.giBleedSnomed).toHaveLength(24);
  });
});
