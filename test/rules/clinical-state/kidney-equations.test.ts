import { ckdEpi2021, cockcroftGault } from '../../../src/rules/clinical-state/kidney-equations';

// Worked examples with their sources. The NKF calculator (kidney.org/professionals/gfr_calculator)
// uses CKD-EPI 2021 and rounds to whole numbers; creatinine in µmol/L is divided by 88.4.

describe('CKD-EPI 2021 (Inker, NEJM 2021)', () => {
  it.each([
    // NKF calculator: man, 55 years, creatinine 1.2 mg/dL → 71.
    [1.2, 55, 'male', 71],
    // NKF calculator, as recorded in ml4oncology's unit test: 70 years, 200 and 100 µmol/L.
    [200 / 88.4, 70, 'male', 30],
    [200 / 88.4, 70, 'female', 23],
    [100 / 88.4, 70, 'male', 70],
    [100 / 88.4, 70, 'female', 52],
  ] as const)('creatinine %f mg/dL, age %i, %s → %i mL/min/1.73 m², as the NKF calculator gives', (scr, age, sex, expected) => {
    expect(Math.round(ckdEpi2021(scr, age, sex))).toBe(expected);
  });

  it('uses the α exponent below κ (woman, 50 years, 0.5 mg/dL): 142 × (0.5/0.7)^−0.241 × 0.9938^50 × 1.012', () => {
    const byHand = 142 * (0.5 / 0.7) ** -0.241 * 0.9938 ** 50 * 1.012;
    expect(ckdEpi2021(0.5, 50, 'female')).toBeCloseTo(byHand, 10);
    expect(ckdEpi2021(0.5, 50, 'female')).toBeCloseTo(114.19, 2);
  });

  it('at creatinine = κ both ratio terms are 1 (woman, 40 years, 0.7 mg/dL): 142 × 0.9938^40 × 1.012', () => {
    expect(ckdEpi2021(0.7, 40, 'female')).toBeCloseTo(142 * 0.9938 ** 40 * 1.012, 10);
  });
});

describe('Cockcroft–Gault (Nephron 1976)', () => {
  it('man, 60 years, 80 kg, creatinine 1.2 mg/dL: (140 − 60) × 80 / (72 × 1.2) = 74.1 mL/min', () => {
    expect(cockcroftGault(1.2, 60, 80, 'male')).toBeCloseTo(74.07, 2);
  });

  it('woman, 45 years, 65 kg, creatinine 0.9 mg/dL: × 0.85 = 81.0 mL/min', () => {
    expect(cockcroftGault(0.9, 45, 65, 'female')).toBeCloseTo((95 * 65) / (72 * 0.9) * 0.85, 10);
    expect(cockcroftGault(0.9, 45, 65, 'female')).toBeCloseTo(81.0, 1);
  });
});
