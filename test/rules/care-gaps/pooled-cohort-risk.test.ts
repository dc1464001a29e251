import { PCE_EQUATIONS, type PceGroup } from '../../../src/knowledge/care-gaps/pooled-cohort-equations';
import { type PceInputs, pceSum, tenYearAscvdRisk } from '../../../src/rules/care-gaps/pooled-cohort-risk';

// The pooled cohort equations against the worked example of Goff et al. 2013 (Table A): a
// 55-year-old with total cholesterol 213 mg/dL, HDL-C 50 mg/dL, untreated systolic BP 120 mm Hg,
// not a current smoker, no diabetes.

const EXAMPLE: PceInputs = { age: 55, totalCholesterol: 213, hdl: 50, systolicBp: 120, bpTreated: false, currentSmoker: false, diabetes: false };

/** The published 10-year risks (%), printed to one decimal. */
const PUBLISHED: Record<PceGroup, number> = {
  'white-female': 2.1,
  'african-american-female': 3.0,
  'white-male': 5.3,
  'african-american-male': 6.1,
};

describe('the pooled cohort equations (Goff 2013, Table A worked example)', () => {
  it.each(Object.entries(PUBLISHED) as [PceGroup, number][])('%s: %s% for the example patient', (group, percent) => {
    const risk = tenYearAscvdRisk(PCE_EQUATIONS[group], EXAMPLE);
    // The paper rounds Ln(age) and the sums to two decimals before the last step; within 0.1 point.
    expect(Math.abs(risk - percent)).toBeLessThanOrEqual(0.1);
  });

  it('puts the example (the pooled sample’s average profile) within 1 of each equation’s mean sum', () => {
    for (const eq of Object.values(PCE_EQUATIONS)) expect(Math.abs(pceSum(eq, EXAMPLE) - eq.meanSum)).toBeLessThan(1);
  });

  it.each(Object.values(PCE_EQUATIONS).map((eq) => [eq.group, eq] as const))('%s: smoking, diabetes, treated or higher BP and age raise the risk', (_group, eq) => {
    const base = tenYearAscvdRisk(eq, EXAMPLE);
    for (const worse of [{ currentSmoker: true }, { diabetes: true }, { bpTreated: true }, { systolicBp: 160 }, { age: 65 }, { hdl: 35 }]) {
      expect(tenYearAscvdRisk(eq, { ...EXAMPLE, ...worse })).toBeGreaterThan(base);
    }
  });

  it('puts a 60-year-old white man with treated SBP 150, TC 220, HDL 40 above the 10% threshold', () => {
    const risk = tenYearAscvdRisk(PCE_EQUATIONS['white-male'], { age: 60, totalCholesterol: 220, hdl: 40, systolicBp: 150, bpTreated: true, currentSmoker: false, diabetes: false });
    expect(risk).toBeGreaterThan(16);
    expect(risk).toBeLessThan(17);
  });
});
