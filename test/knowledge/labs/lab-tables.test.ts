import { AKI_CRITERIA, HBA1C_RISE, LAB_ALERTS } from '../../../src/knowledge/labs/lab-alerts';
import { ingredientRxcui } from '../../../src/knowledge/drugs/drug-index';
import { RISK_FACTS } from '../../../src/knowledge/interactions/mechanisms/risk-facts';
import { LAB_AGGRAVATORS } from '../../../src/knowledge/labs/lab-aggravators';
import { CALCIUM, CREATININE, DIGOXIN, EGFR, GLUCOSE, HBA1C, HEMOGLOBIN, INR, MAGNESIUM, PLATELETS, POTASSIUM, QTC, SODIUM, WEIGHT } from '../../../src/knowledge/labs/lab-definitions';
import { SEVERITY_RANK } from '../../../src/rules/run-rules';

const DEFINITIONS = [POTASSIUM, SODIUM, GLUCOSE, HEMOGLOBIN, PLATELETS, INR, HBA1C, CREATININE, EGFR, WEIGHT, MAGNESIUM, QTC, CALCIUM, DIGOXIN];

it('defines each analyte once, with LOINC codes, its canonical unit among its conversions and a source', () => {
  expect(new Set(DEFINITIONS.map((d) => d.key)).size).toBe(DEFINITIONS.length);
  const codes = DEFINITIONS.flatMap((d) => d.loinc);
  expect(new Set(codes).size).toBe(codes.length);
  for (const d of DEFINITIONS) {
    for (const code of d.loinc) expect(code).toMatch(/^\d{1,5}-\d$/);
    expect(d.conversions.some((c) => c.units.includes(d.unit) && c.factor === 1 && c.offset === undefined)).toBe(true);
    expect(d.source.label).toMatch(/\S/);
  }
});

it('cites a source with a link on every lab band and trend, with unique ids', () => {
  const bands = LAB_ALERTS.flatMap((a) => a.bands);
  const ids = [...bands.map((b) => b.id), AKI_CRITERIA.id, HBA1C_RISE.id];
  expect(new Set(ids).size).toBe(ids.length);
  for (const b of bands) {
    expect(b.source.url).toMatch(/^https:\/\//);
    expect(Object.keys(b.range).length).toBeGreaterThan(0);
  }
});

it('lists each analyte’s bands most severe first, current before the recheck window', () => {
  for (const alert of LAB_ALERTS) {
    const ranks = alert.bands.map((b) => SEVERITY_RANK[b.severity]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(alert.currentDays).toBeLessThanOrEqual(alert.recheckDays);
  }
});

it('keeps every band’s summaries under 140 characters (current and unresolved forms, a long value)', () => {
  for (const alert of LAB_ALERTS) {
    for (const b of alert.bands) {
      expect(`${alert.lab.label} 123.45 mmol/L: ${b.finding}. ${b.action}`.length).toBeLessThan(140);
      expect(`${alert.lab.label} 123.45 mmol/L (2026-05-12) unresolved, not repeated: ${b.finding}. Repeat it.`.length).toBeLessThan(140);
    }
  }
});

it('names, for each analyte side, drugs the tables know and risk facts the chart readers know, with a cited source', () => {
  const ids = LAB_AGGRAVATORS.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(LAB_AGGRAVATORS.map((r) => `${r.lab}:${r.direction}`)).size).toBe(LAB_AGGRAVATORS.length);
  for (const row of LAB_AGGRAVATORS) {
    expect(LAB_ALERTS.some((a) => a.lab.key === row.lab)).toBe(true);
    expect(row.ingredients.filter((n) => ingredientRxcui(n) === undefined)).toEqual([]);
    expect((row.conditions?.keys ?? []).every((k) => k in RISK_FACTS)).toBe(true);
    expect(row.source.url).toMatch(/^https:\/\//);
  }
  const potassium = LAB_AGGRAVATORS.find((r) => r.id === 'lab-aggravators/potassium-high');
  expect(potassium?.drugClasses).toEqual(['ace-inhibitor', 'arb', 'arni', 'aldosterone-antagonist', 'potassium-sparing-diuretic', 'potassium-supplement']);
  expect(potassium?.conditions?.keys).toContain('ckd');
});
