import { RENAL_DOSING } from '../../../src/knowledge/renal/renal-dosing';
import { inRange } from '../../../src/rules/clinical-state/in-range';
import { SEVERITY_RANK } from '../../../src/rules/run-rules';
import { unknownToDrugIdentity } from '../../rules/clinical-state/clinical-state-support';

const bands = RENAL_DOSING.flatMap((row) => row.checks.flatMap((c) => (c.measure === 'dose-criteria' ? [] : c.bands)));

it('gives every row, check and band a unique id and a linked source', () => {
  const ids = [...RENAL_DOSING.map((r) => r.id), ...bands.map((b) => b.id), ...RENAL_DOSING.flatMap((r) => r.checks.flatMap((c) => (c.measure === 'dose-criteria' ? [c.id] : [])))];
  expect(new Set(ids).size).toBe(ids.length);
  for (const b of bands) expect(b.source.url).toMatch(/^https:\/\//);
});

it('never makes a drug already taken more severe than a new order of it', () => {
  for (const b of bands) if (b.draft && b.active) expect(SEVERITY_RANK[b.active]).toBeGreaterThanOrEqual(SEVERITY_RANK[b.draft]);
});

it('keeps the bands of a check disjoint, so the first that holds is the only one', () => {
  for (const row of RENAL_DOSING) {
    for (const check of row.checks) {
      if (check.measure === 'dose-criteria') continue;
      for (let v = 0; v <= 150; v += 0.5) expect(check.bands.filter((b) => inRange(v, b.range)).length).toBeLessThanOrEqual(1);
    }
  }
});

it('names only ingredients drug identity knows', () => {
  expect(unknownToDrugIdentity(RENAL_DOSING.flatMap((r) => r.selector.ingredients ?? []))).toEqual([]);
});
