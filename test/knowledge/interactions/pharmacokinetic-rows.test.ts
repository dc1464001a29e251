import { CLASS_MEMBERSHIP } from '../../../src/knowledge/drugs/drug-classes';
import { ingredientRxcui } from '../../../src/knowledge/drugs/drug-index';
import type { DrugSet, MechanismRow } from '../../../src/knowledge/interactions/mechanisms/mechanism-row';
import { MECHANISM_ROWS } from '../../../src/knowledge/interactions/mechanisms/mechanism-rows';
import { PHARMACOKINETIC_ROWS } from '../../../src/knowledge/interactions/mechanisms/pharmacokinetic';
import type { Severity } from '../../../src/knowledge/severity';

// The pharmacokinetic interaction rows hold together: every drug resolves, severities follow the
// labels' words, each pair is stated once, and each row's summary fits a card.

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };
const PK_GROUPS = new Set(['cyp3a4', 'cyp2c9', 'cyp2c19', 'cyp2d6', 'cyp1a2', 'p-gp', 'renal-clearance', 'xanthine-oxidase', 'reduced-exposure']);

/** The ingredient names of a set: its classes' members and named ingredients, less the exceptions. */
function namesOf(set: DrugSet): string[] {
  const classes = new Set(set.classes ?? []);
  const names = [...CLASS_MEMBERSHIP.filter((m) => classes.has(m.drugClass)).flatMap((m) => m.ingredients), ...(set.ingredients ?? [])];
  return [...new Set(names)].filter((n) => !(set.except ?? []).includes(n));
}

const pairsOf = (row: MechanismRow): string[] => namesOf(row.precipitant).flatMap((p) => namesOf(row.object).filter((o) => o !== p).map((o) => [p, o].sort().join(' + ')));
const rowsCovering = (a: string, b: string): string[] => PHARMACOKINETIC_ROWS.filter((r) => pairsOf(r).includes([a, b].sort().join(' + '))).map((r) => r.id);

describe('pharmacokinetic interaction rows', () => {
  it('names only ingredients the drug tables know', () => {
    const names = PHARMACOKINETIC_ROWS.flatMap((r) => [r.precipitant, r.object].flatMap((s) => [...(s.ingredients ?? []), ...(s.except ?? [])]));
    expect(names.filter((n) => ingredientRxcui(n) === undefined)).toEqual([]);
  });

  it('gives every row a unique id in its pharmacokinetic group and a cited source', () => {
    const ids = PHARMACOKINETIC_ROWS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PHARMACOKINETIC_ROWS.filter((r) => !PK_GROUPS.has(r.group) || !r.id.startsWith(`mech:${r.group}:`)).map((r) => r.id)).toEqual([]);
    expect(PHARMACOKINETIC_ROWS.filter((r) => r.source.label === '' || r.source.url === undefined).map((r) => r.id)).toEqual([]);
  });

  it('is part of the mechanism rows the interaction rule reads', () => {
    expect(PHARMACOKINETIC_ROWS.every((r) => MECHANISM_ROWS.includes(r))).toBe(true);
  });

  it('is critical from the start exactly where the label contraindicates the pair outright', () => {
    const outright = (r: MechanismRow): boolean => r.management.startsWith('Contraindicated;');
    expect(PHARMACOKINETIC_ROWS.filter((r) => outright(r) !== (r.severity === 'critical')).map((r) => r.id)).toEqual([]);
  });

  it('turns critical through a patient fact where the label contraindicates the pair only with it (colchicine in kidney impairment)', () => {
    const conditional = PHARMACOKINETIC_ROWS.filter((r) => r.management.startsWith('Contraindicated with'));
    expect(conditional.map((r) => r.id)).toEqual(['mech:cyp3a4:colchicine-strong-inhibitor']);
    expect(conditional[0]?.raisedBy).toEqual([
      { when: 'egfr-below-60', severity: 'critical' },
      { when: 'ckd', severity: 'critical' },
    ]);
  });

  it('only ever raises a severity', () => {
    const lowering = PHARMACOKINETIC_ROWS.filter((r) => (r.raisedBy ?? []).some((m) => RANK[m.severity] <= RANK[r.severity]));
    expect(lowering.map((r) => r.id)).toEqual([]);
  });

  it('keeps "<precipitant> + <object>: <effect>. <first action>" within a 140-character card summary', () => {
    const longest = (set: DrugSet): number => Math.max(...namesOf(set).map((n) => n.length));
    const tooLong = PHARMACOKINETIC_ROWS.filter((r) => {
      const action = /^[^.]*\./.exec(r.management)?.[0] ?? r.management;
      return longest(r.precipitant) + ' + '.length + longest(r.object) + ': '.length + r.effect.length + '. '.length + action.length > 139;
    });
    expect(tooLong.map((r) => r.id)).toEqual([]);
  });

  it('offers monitoring tests by LOINC code', () => {
    const monitored = PHARMACOKINETIC_ROWS.flatMap((r) => (r.monitoring ? [r.monitoring] : []));
    expect(monitored.length).toBeGreaterThan(0);
    expect(monitored.filter((m) => !/^\d{1,7}-\d$/.test(m.loinc) || m.display === '' || m.label === '')).toEqual([]);
  });

  it('states each drug pair once, and leaves warfarin + NSAIDs and digoxin + cyclosporine to the PDDI-CDS logic', () => {
    const pairs = PHARMACOKINETIC_ROWS.flatMap(pairsOf);
    expect(pairs.filter((p, i) => pairs.indexOf(p) !== i)).toEqual([]);
    expect(rowsCovering('digoxin', 'cyclosporine')).toEqual([]);
    expect(rowsCovering('warfarin', 'ibuprofen')).toEqual([]);
  });

  it('covers the pairs the sandbox missed: warfarin + fluconazole, warfarin + ciprofloxacin, digoxin + verapamil', () => {
    expect(rowsCovering('warfarin', 'fluconazole')).toEqual(['mech:cyp2c9:warfarin-inhibitor']);
    expect(rowsCovering('warfarin', 'ciprofloxacin')).toEqual(['mech:cyp1a2:warfarin-ciprofloxacin']);
    expect(rowsCovering('digoxin', 'verapamil')).toEqual(['mech:p-gp:digoxin-inhibitor']);
  });

  it('leaves amlodipine with simvastatin out (its dose cap is the usual dose)', () => {
    expect(rowsCovering('simvastatin', 'amlodipine')).toEqual([]);
  });
});
