import { estimateCrcl, estimateEgfr, type RenalLookup } from '../../../src/rules/clinical-state/renal-function';
import { ChartBuilder } from '../../support/chart-builder';
import { AS_OF, daysAgo } from './clinical-state-support';

function estimate(lookup: RenalLookup): Extract<RenalLookup, { ok: true }>['estimate'] {
  if (!lookup.ok) throw new Error(`no estimate: ${lookup.missing}`);
  return lookup.estimate;
}

// A 75-year-old woman (born 1951-03-01; 75 at asOf 2026-06-01).
function woman(patient: { birthDate?: string; gender?: 'female' | 'male' | 'other' } = {}): ChartBuilder {
  return new ChartBuilder({ birthDate: '1951-03-01', gender: 'female', ...patient });
}

describe('eGFR', () => {
  it('uses the eGFR the lab reported when no later creatinine exists', () => {
    const chart = woman().observation({ id: 'e1', loinc: '33914-3', value: 24, unit: 'mL/min/{1.73_m2}', date: daysAgo(10) }).build();
    const e = estimate(estimateEgfr(chart, AS_OF));
    expect(e).toMatchObject({ measure: 'egfr', value: 24, method: 'reported', stale: false, evidence: ['Observation/e1'], short: 'eGFR 24 mL/min/1.73 m²' });
    expect(e.basis).toBe(`eGFR **24 mL/min/1.73 m²**, reported on ${daysAgo(10).slice(0, 10)}`);
  });

  it('prefers the reported eGFR of the same day as the creatinine (the lab computed it from that sample)', () => {
    const chart = woman()
      .observation({ id: 'e1', loinc: '33914-3', value: 41, unit: 'mL/min', date: '2026-05-20T08:00:00Z' })
      .observation({ id: 'c1', loinc: '38483-4', value: 1.51, unit: 'mg/dL', date: '2026-05-20T09:00:00Z' })
      .build();
    expect(estimate(estimateEgfr(chart, AS_OF))).toMatchObject({ method: 'reported', value: 41, evidence: ['Observation/e1'] });
  });

  it('computes CKD-EPI 2021 from a creatinine newer than the last eGFR, with age at the sample date, and says so', () => {
    const chart = woman()
      .observation({ id: 'e1', loinc: '33914-3', value: 55, unit: 'mL/min/{1.73_m2}', date: '2025-01-10T08:00:00Z' })
      .observation({ id: 'c1', loinc: '2160-0', value: 2.6, unit: 'mg/dL', date: '2026-02-20T08:00:00Z' })
      .build();
    const e = estimate(estimateEgfr(chart, AS_OF));
    // Age 74 on 2026-02-20 (birthday 1 March): 142 × (2.6/0.7)^−1.2 × 0.9938^74 × 1.012 = 19.0.
    expect(e.value).toBeCloseTo(142 * (2.6 / 0.7) ** -1.2 * 0.9938 ** 74 * 1.012, 8);
    expect(e).toMatchObject({ method: 'ckd-epi-2021', date: '2026-02-20', stale: false, evidence: ['Observation/c1', 'Patient/pat-1'], short: 'eGFR 19 mL/min/1.73 m² (computed)' });
    expect(e.basis).toBe('eGFR **19 mL/min/1.73 m²**, computed with CKD-EPI 2021 from creatinine 2.6 mg/dL on 2026-02-20 (age 74, female)');
  });

  it('falls back to the older reported eGFR when the equation cannot be used (sex not female/male)', () => {
    const chart = woman({ gender: 'other' })
      .observation({ id: 'e1', loinc: '62238-1', value: 55, unit: 'mL/min/{1.73_m2}', date: daysAgo(60) })
      .observation({ id: 'c1', loinc: '2160-0', value: 2.6, unit: 'mg/dL', date: daysAgo(5) })
      .build();
    expect(estimate(estimateEgfr(chart, AS_OF))).toMatchObject({ method: 'reported', value: 55 });
  });

  it('says why there is none: no data at all, or a creatinine without an adult age and sex', () => {
    expect(estimateEgfr(woman().build(), AS_OF)).toEqual({ ok: false, missing: 'no creatinine or eGFR on file', evidence: [] });
    const noBirth = new ChartBuilder({ birthDate: undefined, gender: 'male' }).observation({ id: 'c1', loinc: '2160-0', value: 1, unit: 'mg/dL', date: daysAgo(5) }).build();
    expect(estimateEgfr(noBirth, AS_OF)).toEqual({ ok: false, missing: 'CKD-EPI needs an adult patient with a birth date and sex (female/male)', evidence: ['Observation/c1'] });
    const child = new ChartBuilder({ birthDate: '2015-04-04', gender: 'female' }).observation({ id: 'c1', loinc: '2160-0', value: 0.5, unit: 'mg/dL', date: daysAgo(5) }).build();
    expect(estimateEgfr(child, AS_OF).ok).toBe(false);
  });

  it('marks a value more than 12 months old as stale', () => {
    const chart = woman().observation({ id: 'e1', loinc: '33914-3', value: 24, unit: 'mL/min/{1.73_m2}', date: daysAgo(400) }).build();
    expect(estimate(estimateEgfr(chart, AS_OF)).stale).toBe(true);
  });
});

describe('creatinine clearance (Cockcroft–Gault)', () => {
  it('computes from the latest creatinine and a weight from the last 6 months, citing both', () => {
    const chart = woman()
      .observation({ id: 'c1', loinc: '2160-0', value: 1.5, unit: 'mg/dL', date: '2026-05-20T08:00:00Z' })
      .observation({ id: 'w1', loinc: '29463-7', value: 58, unit: 'kg', date: '2026-04-01T08:00:00Z', category: 'vital-signs' })
      .build();
    const e = estimate(estimateCrcl(chart, AS_OF));
    // (140 − 75) × 58 / (72 × 1.5) × 0.85 = 29.7 mL/min.
    expect(e.value).toBeCloseTo(((140 - 75) * 58) / (72 * 1.5) * 0.85, 8);
    expect(e).toMatchObject({ measure: 'crcl', method: 'cockcroft-gault', short: 'CrCl 30 mL/min', evidence: ['Observation/c1', 'Observation/w1', 'Patient/pat-1'] });
    expect(e.basis).toBe('CrCl **30 mL/min** (Cockcroft–Gault) from creatinine 1.5 mg/dL on 2026-05-20, weight 58 kg on 2026-04-01 (age 75, female)');
  });

  it('does not guess without a creatinine, an adult age and sex, or a recent weight', () => {
    expect(estimateCrcl(woman().build(), AS_OF)).toEqual({ ok: false, missing: 'no creatinine on file', evidence: [] });
    const creatinine = { id: 'c1', loinc: '2160-0', value: 1.5, unit: 'mg/dL', date: daysAgo(3) };
    expect(estimateCrcl(woman({ gender: 'other' }).observation(creatinine).build(), AS_OF)).toEqual({
      ok: false,
      missing: 'Cockcroft–Gault needs an adult patient with a birth date and sex (female/male)',
      evidence: ['Observation/c1'],
    });
    expect(estimateCrcl(woman().observation(creatinine).build(), AS_OF)).toEqual({ ok: false, missing: 'no weight on file', evidence: ['Observation/c1'] });
    const oldWeight = woman().observation(creatinine).observation({ id: 'w1', loinc: '29463-7', value: 58, unit: 'kg', date: '2025-10-01T08:00:00Z', category: 'vital-signs' }).build();
    expect(estimateCrcl(oldWeight, AS_OF)).toEqual({ ok: false, missing: 'the latest weight (2025-10-01) is more than 6 months old', evidence: ['Observation/c1', 'Observation/w1'] });
  });
});
