import type { KnowledgeSource } from '../knowledge-source';
import { CKD_EPI_2021, COCKCROFT_GAULT } from './renal-sources';

/**
 * CKD-EPI 2021 creatinine equation (race-free), Inker et al., NEJM 2021:
 * eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female],
 * Scr in mg/dL; κ 0.7 (female) / 0.9 (male); α −0.241 (female) / −0.302 (male). Adults (≥ 18) only.
 */
export const CKD_EPI_2021_COEFFICIENTS = {
  base: 142,
  female: { kappa: 0.7, alpha: -0.241, factor: 1.012 },
  male: { kappa: 0.9, alpha: -0.302, factor: 1 },
  exponentAboveKappa: -1.2,
  agePerYear: 0.9938,
  minimumAge: 18,
  source: CKD_EPI_2021,
} as const;

/**
 * Cockcroft–Gault 1976: CrCl (mL/min) = (140 − age) × weight (kg) / (72 × Scr mg/dL) × 0.85 [female].
 * Uses actual body weight, as the DOAC and enoxaparin labels' trials did. Adults only.
 */
export const COCKCROFT_GAULT_COEFFICIENTS = {
  ageFrom: 140,
  divisor: 72,
  femaleFactor: 0.85,
  minimumAge: 18,
  source: COCKCROFT_GAULT,
} as const;

/**
 * How fresh renal data must be. A creatinine or eGFR older than a year is stale: the rules say so and
 * ask for a recheck rather than dose on it (KDIGO 2012 monitors CKD G3 at least yearly). A weight
 * older than six months is not used for Cockcroft–Gault: the dose check is then reported as not done.
 */
export const RENAL_DATA_CURRENCY: { staleAfterDays: number; weightWithinDays: number; potassiumWithinDays: number; source: KnowledgeSource } = {
  staleAfterDays: 365,
  weightWithinDays: 182,
  // A potassium used for a drug decision (spironolactone, potassium supplements) must be from the last month.
  potassiumWithinDays: 30,
  source: { label: 'KDIGO 2012 CKD guideline (monitoring frequency)', url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/' },
};
