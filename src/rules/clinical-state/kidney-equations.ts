import { CKD_EPI_2021_COEFFICIENTS as EPI, COCKCROFT_GAULT_COEFFICIENTS as CG } from '../../knowledge/renal/kidney-equations';
import type { Sex } from '../../chart/facts/patient';

/**
 * eGFR (mL/min/1.73 m²) by the CKD-EPI 2021 race-free creatinine equation (Inker, NEJM 2021).
 * `creatinine` in mg/dL, `age` in years (the equation is for adults; callers check).
 */
export function ckdEpi2021(creatinine: number, age: number, sex: Sex): number {
  const k = EPI[sex];
  const ratio = creatinine / k.kappa;
  return EPI.base * Math.min(ratio, 1) ** k.alpha * Math.max(ratio, 1) ** EPI.exponentAboveKappa * EPI.agePerYear ** age * k.factor;
}

/** Creatinine clearance (mL/min) by Cockcroft–Gault 1976, actual body weight in kg, creatinine in mg/dL. */
export function cockcroftGault(creatinine: number, age: number, weightKg: number, sex: Sex): number {
  const clearance = ((CG.ageFrom - age) * weightKg) / (CG.divisor * creatinine);
  return sex === 'female' ? clearance * CG.femaleFactor : clearance;
}
