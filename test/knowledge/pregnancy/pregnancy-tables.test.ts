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

// Drug identity does not know these yet: until it does, these rows cannot fire. When it learns
// them, this list shrinks and the test says so. (RxNorm files valproic acid and divalproex under
// the ingredient valproate.)
const PENDING_IN_DRUG_IDENTITY: string[] = [];

it('names only ingredients drug identity knows, apart from those pending there', () => {
  expect(unknownToDrugIdentity(FETAL_RISK_DRUGS.flatMap((r) => r.selector.ingredients ?? []))).toEqual(PENDING_IN_DRUG_IDENTITY);
});
