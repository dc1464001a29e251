import { latestLab } from '../../../src/chart/facts/chart-facts';
import { describeLab, formatLab, labSeries } from '../../../src/chart/facts/lab-values';
import { CREATININE, DIGOXIN, GLUCOSE, HBA1C, HEMOGLOBIN, INR, MAGNESIUM, PLATELETS, POTASSIUM, WEIGHT } from '../../../src/knowledge/labs/lab-definitions';
import { ChartBuilder } from '../../support/chart-builder';
import { AS_OF, daysAgo, obs, type ObsSpec } from '../../rules/clinical-state/clinical-state-support';

function chartWith(...specs: ObsSpec[]): ReturnType<ChartBuilder['build']> {
  const b = new ChartBuilder();
  for (const s of specs) b.resource(obs({ date: daysAgo(1), ...s }));
  return b.build();
}

describe('unit conversion to the analyte unit', () => {
  it.each([
    ['glucose 5.5 mmol/L → 99 mg/dL (× 18.016)', GLUCOSE, { loinc: '2345-7', value: 5.5, unit: 'mmol/L' }, 99.088],
    ['creatinine 221 µmol/L → 2.5 mg/dL (÷ 88.4)', CREATININE, { loinc: '14682-9', value: 221, unit: 'µmol/L', code: 'umol/L' }, 2.5],
    ['creatinine 0.221 mmol/L → 2.5 mg/dL', CREATININE, { loinc: '2160-0', value: 0.221, unit: 'mmol/L' }, 2.5],
    ['HbA1c 64 mmol/mol → 8.0 % (IFCC–NGSP master equation)', HBA1C, { loinc: '59261-8', value: 64, unit: 'mmol/mol' }, 0.09148 * 64 + 2.152],
    ['hemoglobin 85 g/L → 8.5 g/dL', HEMOGLOBIN, { loinc: '718-7', value: 85, unit: 'g/L' }, 8.5],
    ['platelets 30000 /µL → 30 × 10³/µL', PLATELETS, { loinc: '777-3', value: 30000, unit: '/uL' }, 30],
    ['weight 154 lb → 69.9 kg', WEIGHT, { loinc: '29463-7', value: 154, unit: 'lb', code: '[lb_av]' }, 154 * 0.45359237],
    ['potassium 6.1 mEq/L = 6.1 mmol/L', POTASSIUM, { loinc: '2823-3', value: 6.1, unit: 'mEq/L' }, 6.1],
    ['potassium 23.5 mg/dL (mass code 22760-3) → 6.0 mmol/L (÷ 3.91)', POTASSIUM, { loinc: '22760-3', value: 23.5, unit: 'mg/dL' }, 23.5 / 3.91],
    ['magnesium 0.8 mmol/L → 1.94 mg/dL (× 2.43)', MAGNESIUM, { loinc: '2601-3', value: 0.8, unit: 'mmol/L' }, 1.944],
    ['digoxin 1.28 nmol/L → 1 ng/mL', DIGOXIN, { loinc: '10535-3', value: 1.28, unit: 'nmol/L' }, 1],
  ] as const)('%s', (_name, lab, spec, expected) => {
    const v = latestLab(chartWith({ id: 'o1', ...spec }), lab, AS_OF);
    expect(v?.value).toBeCloseTo(expected, 3);
  });

  it('matches units case-insensitively, by UCUM code or unit text', () => {
    expect(latestLab(chartWith({ id: 'o1', loinc: '2345-7', value: 100, unit: 'MG/DL', code: 'x' }), GLUCOSE, AS_OF)?.value).toBe(100);
  });

  it('never guesses a unit it cannot convert, nor a missing one (except for the unitless INR)', () => {
    const chart = chartWith(
      { id: 'g1', loinc: '2345-7', value: 100, unit: 'g/L' },
      { id: 'g2', loinc: '2345-7', value: 100 },
      { id: 'i1', loinc: '6301-6', value: 2.5 },
      { id: 'i2', loinc: '6301-6', value: 2.4, unit: '{INR}', date: daysAgo(2) },
    );
    expect([...labSeries(chart, GLUCOSE, AS_OF)]).toEqual([]);
    expect([...labSeries(chart, INR, AS_OF)].map((v) => [v.ref, v.value])).toEqual([['Observation/i1', 2.5], ['Observation/i2', 2.4]]);
  });

  it('says what unit a converted value was sent in', () => {
    const v = latestLab(chartWith({ id: 'c1', loinc: '14682-9', value: 221, unit: 'umol/L' }), CREATININE, AS_OF);
    expect(v && describeLab(v, CREATININE)).toMatch(/^Creatinine \*\*2\.5 mg\/dL\*\* \(sent as 221 µmol\/L\) on \d{4}-\d{2}-\d{2}$/);
    const w = latestLab(chartWith({ id: 'w1', loinc: '29463-7', value: 154, code: '[lb_av]' }), WEIGHT, AS_OF);
    expect(w?.sent).toBe('154 lb');
  });
});

describe('which results count', () => {
  it('uses only final, amended or corrected results with a number, taken up to asOf (never a preliminary one)', () => {
    const chart = chartWith(
      { id: 'prelim', loinc: '2823-3', value: 7.0, unit: 'mmol/L', status: 'preliminary' },
      { id: 'error', loinc: '2823-3', value: 7.1, unit: 'mmol/L', status: 'entered-in-error' },
      { id: 'future', loinc: '2823-3', value: 7.2, unit: 'mmol/L', date: '2026-06-02T00:00:00Z' },
      { id: 'nan', loinc: '2823-3', unit: 'mmol/L' },
      { id: 'nodate', loinc: '2823-3', value: 7.3, unit: 'mmol/L', date: 'not a date' },
      { id: 'text', loinc: '2823-3', valueString: 'hemolysed' },
      { id: 'other-code', loinc: '2951-2', value: 140, unit: 'mmol/L' },
      { id: 'amended', loinc: '2823-3', value: 4.1, unit: 'mmol/L', status: 'amended', date: daysAgo(3) },
      { id: 'corrected', loinc: '6298-4', value: 4.2, unit: 'mmol/L', status: 'corrected', date: daysAgo(2) },
    );
    expect([...labSeries(chart, POTASSIUM, AS_OF)].map((v) => v.ref)).toEqual(['Observation/corrected', 'Observation/amended']);
  });

  it('orders newest first; at the same instant the preferred code, then the lower value, then the id', () => {
    const at = daysAgo(1);
    const chart = chartWith(
      { id: 'b', loinc: '6298-4', value: 5.0, unit: 'mmol/L', date: at },
      { id: 'a', loinc: '6298-4', value: 5.0, unit: 'mmol/L', date: at },
      { id: 'c', loinc: '6298-4', value: 4.0, unit: 'mmol/L', date: at },
      { id: 'serum', loinc: '2823-3', value: 6.0, unit: 'mmol/L', date: at },
      { id: 'older', loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: daysAgo(5) },
    );
    expect([...labSeries(chart, POTASSIUM, AS_OF)].map((v) => v.ref.slice(12))).toEqual(['serum', 'c', 'a', 'b', 'older']);
  });

  it('reads the series newest first by position, by predicate, or back to a time', () => {
    const chart = chartWith(
      { id: 'k3', loinc: '2823-3', value: 5.1, unit: 'mmol/L', date: daysAgo(1) },
      { id: 'k1', loinc: '2823-3', value: 4.1, unit: 'mmol/L', date: daysAgo(9) },
      { id: 'k2', loinc: '2823-3', value: 3.1, unit: 'mmol/L', date: daysAgo(5) },
    );
    const series = labSeries(chart, POTASSIUM, AS_OF);
    expect([series.latest?.ref, series.get(1)?.ref, series.get(2)?.ref, series.get(3)]).toEqual(['Observation/k3', 'Observation/k2', 'Observation/k1', undefined]);
    expect(series.find((v) => v.value < 4)?.ref).toBe('Observation/k2');
    expect(series.find((v) => v.value > 9)).toBeUndefined();
    expect(series.takenSince(Date.parse(daysAgo(6))).map((v) => v.ref)).toEqual(['Observation/k3', 'Observation/k2']);
    expect([...labSeries(chartWith(), POTASSIUM, AS_OF)]).toEqual([]);
  });

  it('keeps a date it cannot read as a calendar date empty rather than inventing one', () => {
    const v = latestLab(chartWith({ id: 'o1', loinc: '2823-3', value: 4, unit: 'mmol/L', date: 'May 20, 2026' }), POTASSIUM, AS_OF);
    expect(v?.date).toBe('an unreadable date');
  });
});

describe('formatting', () => {
  it('shows comparators and clinician units, and no unit for INR', () => {
    expect(formatLab({ value: 0.456, comparator: '<' }, CREATININE)).toBe('< 0.46 mg/dL');
    expect(formatLab({ value: 4.84 }, INR)).toBe('4.8');
    expect(formatLab({ value: 120 }, PLATELETS)).toBe('120 10³/µL');
    const chart = chartWith({ id: 'k', loinc: '2823-3', value: 6.1, unit: 'mmol/L', comparator: '>' });
    const k = latestLab(chart, POTASSIUM, AS_OF);
    expect(k && describeLab(k, POTASSIUM)).toMatch(/^Potassium \*\*> 6\.1 mmol\/L\*\* on /);
  });
});
