import { CLASS_MEMBERSHIP } from '../../../src/knowledge/drugs/drug-classes';
import { ingredientRxcui } from '../../../src/knowledge/drugs/drug-index';
import { CONTRAINDICATED_ROWS } from '../../../src/knowledge/interactions/mechanisms/contraindicated-combinations';
import type { DrugSet, MechanismRow } from '../../../src/knowledge/interactions/mechanisms/mechanism-row';
import { MECHANISM_ROWS } from '../../../src/knowledge/interactions/mechanisms/mechanism-rows';
import { PHARMACODYNAMIC_ROWS } from '../../../src/knowledge/interactions/mechanisms/pharmacodynamic';
import { PHARMACOKINETIC_ROWS } from '../../../src/knowledge/interactions/mechanisms/pharmacokinetic';
import type { Severity } from '../../../src/knowledge/severity';

// The pharmacodynamic and contraindicated-combination rows hold together: every drug resolves,
// severities follow the labels' words, each pair is stated once (and not where the PDDI-CDS logic
// or the pharmacokinetic rows already state it), and each row's summary fits a card.

const ROWS: readonly MechanismRow[] = [...PHARMACODYNAMIC_ROWS, ...CONTRAINDICATED_ROWS];
/** Rows about a pair alone (three-drug rows such as "three or more CNS-active drugs" also need a third). */
const TWO_DRUG_ROWS = ROWS.filter((r) => r.also === undefined);
const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };
const PD_GROUPS = new Set([
  'serotonergic', 'qt', 'cns-depression', 'bleeding', 'hyperkalaemia', 'hypotension', 'marrow-suppression', 'triple-whammy', 'hypoglycaemia', 'anticholinergic', 'contraindicated',
]);

/** The ingredient names of a set: its classes' members and named ingredients, less the exceptions. */
function namesOf(set: DrugSet): string[] {
  const classes = new Set(set.classes ?? []);
  const names = [...CLASS_MEMBERSHIP.filter((m) => classes.has(m.drugClass)).flatMap((m) => m.ingredients), ...(set.ingredients ?? [])];
  return [...new Set(names)].filter((n) => !(set.except ?? []).includes(n));
}

const pairsOf = (row: MechanismRow): string[] => [...new Set(namesOf(row.precipitant).flatMap((p) => namesOf(row.object).filter((o) => o !== p).map((o) => [p, o].sort().join(' + '))))];
const covering = (rows: readonly MechanismRow[], a: string, b: string): string[] => rows.filter((r) => pairsOf(r).includes([a, b].sort().join(' + '))).map((r) => r.id);
const byId = (id: string): MechanismRow | undefined => ROWS.find((r) => r.id === id);

/** Drug-specific QT rows: their labels contraindicate any other QT drug, refining the general two-QT-drugs row. */
const QT_LABEL_ROWS = ['mech:qt:pimozide', 'mech:qt:thioridazine', 'mech:qt:ziprasidone', 'mech:qt:dronedarone'];

describe('pharmacodynamic interaction rows', () => {
  it('names only ingredients the drug tables know', () => {
    const sets = ROWS.flatMap((r) => [r.precipitant, r.object, ...(r.also ? [r.also] : [])]);
    const names = sets.flatMap((s) => [...(s.ingredients ?? []), ...(s.except ?? [])]);
    expect(names.filter((n) => ingredientRxcui(n) === undefined)).toEqual([]);
    expect(sets.filter((s) => namesOf(s).length === 0).map((s) => s.label)).toEqual([]);
  });

  it('gives every row a unique id in its group and a cited source, and is read by the interaction rule', () => {
    const ids = MECHANISM_ROWS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ROWS.filter((r) => !PD_GROUPS.has(r.group) || !r.id.startsWith(`mech:${r.group}:`)).map((r) => r.id)).toEqual([]);
    expect(ROWS.filter((r) => r.source.label === '' || r.source.url?.startsWith('https://') !== true).map((r) => r.id)).toEqual([]);
    expect(ROWS.every((r) => MECHANISM_ROWS.includes(r))).toBe(true);
  });

  it('is critical from the start where the label contraindicates the pair, and where FDA says the drug should generally not be given (linezolid, methylene blue)', () => {
    const contraindicated = (r: MechanismRow): boolean => r.management.startsWith('Contraindicated');
    expect(ROWS.filter((r) => contraindicated(r) && r.severity !== 'critical').map((r) => r.id)).toEqual([]);
    expect(ROWS.filter((r) => !contraindicated(r) && r.severity === 'critical').map((r) => r.id)).toEqual(['mech:serotonergic:linezolid', 'mech:serotonergic:methylene-blue']);
  });

  it('only ever raises a severity', () => {
    // A modifier at the row's own severity only names a risk factor on the card (QT: female sex, age).
    const lowering = ROWS.filter((r) => (r.raisedBy ?? []).some((m) => RANK[m.severity] < RANK[r.severity]));
    expect(lowering.map((r) => r.id)).toEqual([]);
  });

  it('keeps "<precipitant> + <object>: <effect>. <first action>" within a 140-character card summary', () => {
    const longest = (set: DrugSet): number => Math.max(...namesOf(set).map((n) => n.length));
    const tooLong = ROWS.filter((r) => {
      const action = /^[^.]*\./.exec(r.management)?.[0] ?? r.management;
      return longest(r.precipitant) + ' + '.length + longest(r.object) + ': '.length + r.effect.length + '. '.length + action.length > 139;
    });
    expect(tooLong.map((r) => r.id)).toEqual([]);
  });

  it('offers monitoring tests by LOINC code (INR, potassium, creatinine, CBC, ECG)', () => {
    const loincs = new Set(ROWS.flatMap((r) => (r.monitoring ? [r.monitoring.loinc] : [])));
    expect(loincs).toEqual(new Set(['6301-6', '2823-3', '2160-0', '57021-8', '34534-8']));
  });

  it('states each two-drug pair once; only the QT drugs whose labels forbid any other QT drug refine the general QT row', () => {
    const owners = new Map<string, string[]>();
    for (const r of TWO_DRUG_ROWS) for (const p of pairsOf(r)) owners.set(p, [...(owners.get(p) ?? []), r.id]);
    const repeated = [...owners.values()].filter((ids) => ids.length > 1);
    expect(repeated.filter((ids) => !ids.every((id) => id === 'mech:qt:two-qt-drugs' || QT_LABEL_ROWS.includes(id)))).toEqual([]);
    for (const id of QT_LABEL_ROWS) expect(byId(id)?.severity).toBe('critical');
  });

  it('leaves warfarin + NSAIDs to the PDDI-CDS logic and warfarin with CYP2C9 or CYP1A2 inhibitors to the pharmacokinetic rows', () => {
    expect(covering(ROWS, 'warfarin', 'ibuprofen')).toEqual([]);
    for (const drug of ['fluconazole', 'metronidazole', 'sulfamethoxazole', 'amiodarone', 'ciprofloxacin']) {
      expect(covering(ROWS, 'warfarin', drug)).toEqual([]);
      expect(covering(PHARMACOKINETIC_ROWS, 'warfarin', drug)).not.toEqual([]);
    }
    expect(covering(ROWS, 'warfarin', 'levofloxacin')).toEqual(['mech:bleeding:warfarin-fluoroquinolone']);
    expect(covering(ROWS, 'warfarin', 'clarithromycin')).toEqual(['mech:bleeding:warfarin-macrolide']);
    expect(covering(ROWS, 'warfarin', 'azithromycin')).toEqual([]);
  });

  it('grades serotonergic pairs as the labels and the evidence do: MAOIs critical, tramadol a warning, triptans information', () => {
    const severity = (a: string, b: string): (Severity | undefined)[] => covering(TWO_DRUG_ROWS, a, b).map((id) => byId(id)?.severity);
    expect(severity('linezolid', 'sertraline')).toEqual(['critical']);
    expect(severity('phenelzine', 'tramadol')).toEqual(['critical']);
    expect(severity('sertraline', 'tramadol')).toEqual(['warning']);
    expect(severity('sertraline', 'sumatriptan')).toEqual(['info']);
  });

  it('raises opioids with benzodiazepines to critical with sleep apnoea or COPD, and spironolactone with an ACE inhibitor with potassium ≥ 5.0 or eGFR < 30', () => {
    expect(byId('mech:cns-depression:opioid-benzodiazepine')).toMatchObject({
      severity: 'warning',
      raisedBy: [
        { when: 'sleep-apnoea', severity: 'critical' },
        { when: 'copd', severity: 'critical' },
      ],
    });
    expect(byId('mech:hyperkalaemia:aldosterone-antagonist-ras-inhibitor')).toMatchObject({
      severity: 'warning',
      raisedBy: [
        { when: 'potassium-5-or-more', severity: 'critical' },
        { when: 'egfr-below-30', severity: 'critical' },
      ],
      monitoring: { loinc: '2823-3' },
    });
  });

  it('applies the Beers 2023 Table 5 rows to older adults only', () => {
    const beers = ROWS.filter((r) => r.source.label.includes('Beers') && r.group !== 'bleeding');
    expect(beers.map((r) => r.id)).toEqual(['mech:cns-depression:three-cns-active', 'mech:anticholinergic:two-strong-anticholinergics']);
    expect(beers.every((r) => r.requires?.includes('age-65-or-more'))).toBe(true);
  });
});
