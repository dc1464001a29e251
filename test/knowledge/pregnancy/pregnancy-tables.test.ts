import { FETAL_RISK_DRUGS } from '../../../src/knowledge/pregnancy/fetal-risk-drugs';
import { PREGNANCY_CONDITIONS, PREGNANCY_END_CONDITIONS, PREGNANCY_END_PROCEDURES } from '../../../src/knowledge/pregnancy/pregnancy-codes';
import { unknownToDrugIdentity } from '../../rules/clinical-state/clinical-state-support';

it('cites a linked source on every fetal-risk row, with unique ids, and never rates an active drug above a new order', () => {
  expect(new Set(FETAL_RISK_DRUGS.map((r) => r.id)).size).toBe(FETAL_RISK_DRUGS.length);
  for (const r of FETAL_RISK_DRUGS) {
    expect(r.source.url).toMatch(/^https:\/\//);
    expect(r.draft === 'critical' || r.active !== 'warning').toBe(true);
  }
});

it('keeps "pregnant" and "pregnancy ended" codes apart', () => {
  const pregnant = new Set(PREGNANCY_CONDITIONS.snomed);
  for (const code of [...PREGNANCY_END_CONDITIONS.snomed, ...PREGNANCY_END_PROCEDURES.snomed]) expect(pregnant.has(code)).toBe(false);
});

it('names only ingredients drug identity knows, so every row can fire', () => {
  const named = FETAL_RISK_DRUGS.flatMap((r) => [...(r.selector.ingredients ?? []), ...(r.combination ?? [])]);
  expect(unknownToDrugIdentity(named)).toEqual([]);
});

it('cites the DailyMed label for every row but the FDA safety communication on statins', () => {
  for (const r of FETAL_RISK_DRUGS.filter((x) => x.id !== 'pregnancy/statin')) expect(r.source.url).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\/dailymed\/search\.cfm\?/);
});

it('rates a new order critical where the label contraindicates it or boxes the fetal risk', () => {
  for (const r of FETAL_RISK_DRUGS) {
    const labelled = /(?<!no longer )contraindicated|boxed warning|REMS/i.test(`${r.risk} ${r.advice}`);
    // Misoprostol alone: the box is against its ulcer use; obstetric use is intended (see the row).
    if (r.id !== 'pregnancy/misoprostol') expect([r.id, r.draft === 'critical']).toEqual([r.id, labelled]);
  }
});

it('puts combination and more specific rows before the rows they would otherwise fall under', () => {
  const index = (id: string): number => FETAL_RISK_DRUGS.findIndex((r) => r.id === id);
  expect(index('pregnancy/diclofenac-misoprostol')).toBeLessThan(index('pregnancy/misoprostol'));
  expect(index('pregnancy/phentermine')).toBeLessThan(index('pregnancy/topiramate'));
});
