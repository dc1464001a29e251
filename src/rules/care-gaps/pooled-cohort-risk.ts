import type { PceEquation } from '../../knowledge/care-gaps/pooled-cohort-equations';

// The pooled cohort equations' arithmetic (pooled-cohort-equations.ts), pure.

/** The equations' inputs: age in years, lipids in mg/dL, systolic BP in mm Hg. */
export interface PceInputs {
  age: number;
  totalCholesterol: number;
  hdl: number;
  systolicBp: number;
  bpTreated: boolean;
  currentSmoker: boolean;
  diabetes: boolean;
}

/** Σ coefficient × value for one equation (Table A's "Individual Sum"). */
export function pceSum(eq: PceEquation, x: PceInputs): number {
  const lnAge = Math.log(x.age);
  const lnTc = Math.log(x.totalCholesterol);
  const lnHdl = Math.log(x.hdl);
  const lnSbp = Math.log(x.systolicBp);
  const sbp = x.bpTreated ? eq.lnTreatedSbp * lnSbp + (eq.lnAgeByLnTreatedSbp ?? 0) * lnAge * lnSbp : eq.lnUntreatedSbp * lnSbp + (eq.lnAgeByLnUntreatedSbp ?? 0) * lnAge * lnSbp;
  const smoking = x.currentSmoker ? eq.currentSmoker + (eq.lnAgeByCurrentSmoker ?? 0) * lnAge : 0;
  return (
    eq.lnAge * lnAge +
    (eq.lnAgeSquared ?? 0) * lnAge * lnAge +
    eq.lnTotalCholesterol * lnTc +
    (eq.lnAgeByLnTotalCholesterol ?? 0) * lnAge * lnTc +
    eq.lnHdl * lnHdl +
    (eq.lnAgeByLnHdl ?? 0) * lnAge * lnHdl +
    sbp +
    smoking +
    (x.diabetes ? eq.diabetes : 0)
  );
}

/** 10-year risk of a first hard ASCVD event, in percent: 100 × (1 − S₁₀ ^ exp(sum − mean)). */
export function tenYearAscvdRisk(eq: PceEquation, x: PceInputs): number {
  return 100 * (1 - eq.baselineSurvival ** Math.exp(pceSum(eq, x) - eq.meanSum));
}
