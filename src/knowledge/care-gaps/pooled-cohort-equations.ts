import type { KnowledgeSource } from '../knowledge-source';

// The pooled cohort equations (PCE): 10-year risk of a first hard ASCVD event (nonfatal MI, CHD
// death, fatal or nonfatal stroke) for adults 40–79 without ASCVD, one Cox model per race and sex.
//   sum  = Σ coefficient × value (ln of age, total cholesterol, HDL-C and systolic BP, their
//          interactions with ln age, current smoking, diabetes)
//   risk = 1 − baselineSurvival ^ exp(sum − meanSum)
// Coefficients, mean sums and baseline survivals as printed in Table A of the guideline; checked
// against its worked example (55 years, TC 213 mg/dL, HDL-C 50 mg/dL, untreated SBP 120 mm Hg,
// non-smoker, no diabetes: 2.1%, 3.0%, 5.3%, 6.1%) in the tests. Some reprints carry errors (the
// sign of Ln Age × Ln TC for white women, the African American women's mean printed as 86.16, the
// individual sum of the example); the values here reproduce the paper's example.

/** Goff DC Jr et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk, Appendix 7, Table A. */
export const GOFF_PCE_2013: KnowledgeSource = {
  label: 'Goff DC Jr et al., 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk (Circulation 2014;129:S49), Table A',
  url: 'https://circ.ahajournals.org/content/129/25_suppl_2/S49.full',
};

/** The four equations. Other races use the white equations (the guideline's advice), and so does a chart with no race recorded. */
export type PceGroup = 'white-female' | 'african-american-female' | 'white-male' | 'african-american-male';

/** One equation's terms; an absent term is 0 in that equation. */
export interface PceEquation {
  group: PceGroup;
  /** How the card names the equation used. */
  label: string;
  lnAge: number;
  lnAgeSquared?: number;
  lnTotalCholesterol: number;
  lnAgeByLnTotalCholesterol?: number;
  lnHdl: number;
  lnAgeByLnHdl?: number;
  lnTreatedSbp: number;
  lnAgeByLnTreatedSbp?: number;
  lnUntreatedSbp: number;
  lnAgeByLnUntreatedSbp?: number;
  currentSmoker: number;
  lnAgeByCurrentSmoker?: number;
  diabetes: number;
  /** The race- and sex-specific overall mean of the sum. */
  meanSum: number;
  /** 10-year survival at the mean. */
  baselineSurvival: number;
  source: KnowledgeSource;
}

export const PCE_EQUATIONS: Readonly<Record<PceGroup, PceEquation>> = {
  'white-female': {
    group: 'white-female',
    label: 'white women',
    lnAge: -29.799,
    lnAgeSquared: 4.884,
    lnTotalCholesterol: 13.54,
    lnAgeByLnTotalCholesterol: -3.114,
    lnHdl: -13.578,
    lnAgeByLnHdl: 3.149,
    lnTreatedSbp: 2.019,
    lnUntreatedSbp: 1.957,
    currentSmoker: 7.574,
    lnAgeByCurrentSmoker: -1.665,
    diabetes: 0.661,
    meanSum: -29.18,
    baselineSurvival: 0.9665,
    source: GOFF_PCE_2013,
  },
  'african-american-female': {
    group: 'african-american-female',
    label: 'African American women',
    lnAge: 17.114,
    lnTotalCholesterol: 0.94,
    lnHdl: -18.92,
    lnAgeByLnHdl: 4.475,
    lnTreatedSbp: 29.291,
    lnAgeByLnTreatedSbp: -6.432,
    lnUntreatedSbp: 27.82,
    lnAgeByLnUntreatedSbp: -6.087,
    currentSmoker: 0.691,
    diabetes: 0.874,
    meanSum: 86.61,
    baselineSurvival: 0.9533,
    source: GOFF_PCE_2013,
  },
  'white-male': {
    group: 'white-male',
    label: 'white men',
    lnAge: 12.344,
    lnTotalCholesterol: 11.853,
    lnAgeByLnTotalCholesterol: -2.664,
    lnHdl: -7.99,
    lnAgeByLnHdl: 1.769,
    lnTreatedSbp: 1.797,
    lnUntreatedSbp: 1.764,
    currentSmoker: 7.837,
    lnAgeByCurrentSmoker: -1.795,
    diabetes: 0.658,
    meanSum: 61.18,
    baselineSurvival: 0.9144,
    source: GOFF_PCE_2013,
  },
  'african-american-male': {
    group: 'african-american-male',
    label: 'African American men',
    lnAge: 2.469,
    lnTotalCholesterol: 0.302,
    lnHdl: -0.307,
    lnTreatedSbp: 1.916,
    lnUntreatedSbp: 1.809,
    currentSmoker: 0.549,
    diabetes: 0.645,
    meanSum: 19.54,
    baselineSurvival: 0.8954,
    source: GOFF_PCE_2013,
  },
};
