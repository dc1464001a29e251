import type { Observation } from 'fhir/r4';
import type { Brief, Statement } from '../../src/brief/brief';
import { FULL_LIMITS } from '../../src/brief/embedded/bounds';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { spanText } from '../../src/brief/embedded/results';
import { ChartBuilder } from '../support/chart-builder';

const AS_OF = new Date('2021-06-01T00:00:00Z');

function section(brief: Brief, name: 'labs' | 'vitals'): Statement[] {
  return brief.sections.find((s) => s.name === name)?.statements ?? [];
}

function bloodPressure(id: string, date: string, systolic: number, diastolic: number): Observation {
  const LOINC = 'http://loinc.org';
  const mmHg = (value: number) => ({ value, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/p1' },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: '85354-9' }] },
    effectiveDateTime: date,
    component: [
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: mmHg(systolic) },
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: mmHg(diastolic) },
    ],
  };
}

describe('result trends', () => {
  it('words a trend as "Creatinine 1.4 → 2.1 mg/dL over 6 months", with the latest flag and date, citing both results', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .observation({ id: 'cr-1', loinc: '2160-0', value: 1.4, unit: 'mg/dL', date: '2020-11-03T08:00:00Z' })
      .observation({ id: 'cr-2', loinc: '2160-0', value: 2.1, unit: 'mg/dL', date: '2021-05-20T08:00:00Z' })
      .build();
    expect(section(summarizeChart(chart, AS_OF), 'labs')).toEqual([
      { text: 'Creatinine 1.4 → 2.1 mg/dL over 6 months (H, 2021-05-20)', evidence: ['Observation/cr-2', 'Observation/cr-1'], priority: 'high' },
    ]);
  });

  it('compares the latest result with the one just before it, not with the oldest', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .observation({ id: 'k-1', loinc: '2823-3', value: 3.9, unit: 'mmol/L', date: '2019-01-10' })
      .observation({ id: 'k-2', loinc: '2823-3', value: 4.6, unit: 'mmol/L', date: '2021-04-20' })
      .observation({ id: 'k-3', loinc: '2823-3', value: 5.6, unit: 'mmol/L', date: '2021-05-04' })
      .build();
    expect(section(summarizeChart(chart, AS_OF), 'labs')).toEqual([
      { text: 'Potassium 4.6 → 5.6 mmol/L over 2 weeks (H, 2021-05-04)', evidence: ['Observation/k-3', 'Observation/k-2'], priority: 'high' },
    ]);
  });

  it('draws no trend from a result of the same day or in another unit', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .observation({ id: 'cr-umol', loinc: '2160-0', value: 110, unit: 'umol/L', date: '2021-01-10' })
      .observation({ id: 'cr-am', loinc: '2160-0', value: 1.1, unit: 'mg/dL', date: '2021-05-20T07:00:00Z' })
      .observation({ id: 'cr-pm', loinc: '2160-0', value: 1.2, unit: 'mg/dL', date: '2021-05-20T19:00:00Z' })
      .build();
    expect(section(summarizeChart(chart, AS_OF), 'labs')).toEqual([{ text: 'Creatinine 1.2 mg/dL (2021-05-20)', evidence: ['Observation/cr-pm'] }]);
  });

  it('trends blood pressure as systolic/diastolic pairs and marks a preliminary latest result', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .resource(bloodPressure('bp-1', '2020-05-02', 128, 82))
      .resource(bloodPressure('bp-2', '2021-05-02', 152, 94))
      .observation({ id: 'hr', loinc: '8867-4', value: 70, unit: '/min', date: '2021-05-02', category: 'vital-signs', status: 'preliminary' })
      .build();
    expect(section(summarizeChart(chart, AS_OF), 'vitals').map((s) => s.text)).toEqual(['BP 128/82 → 152/94 mmHg over 12 months (H, 2021-05-02)']);
    const full = summarizeChart(chart, AS_OF, FULL_LIMITS);
    expect(section(full, 'vitals').map((s) => s.text)).toContain('Heart rate 70/min (2021-05-02, preliminary)');
  });

  it('states no trend from an entered-in-error result', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .observation({ id: 'wrong', loinc: '2823-3', value: 7.9, unit: 'mmol/L', date: '2021-03-01', status: 'entered-in-error' })
      .observation({ id: 'k', loinc: '2823-3', value: 4.2, unit: 'mmol/L', date: '2021-05-01' })
      .build();
    expect(section(summarizeChart(chart, AS_OF), 'labs')).toEqual([{ text: 'Potassium 4.2 mmol/L (2021-05-01)', evidence: ['Observation/k'] }]);
  });
});

describe('the span of a trend', () => {
  it.each([
    ['2021-05-01', '2021-05-02', '1 day'],
    ['2021-05-01', '2021-05-14', '13 days'],
    ['2021-05-01', '2021-05-15', '2 weeks'],
    ['2021-03-01', '2021-05-02', '8 weeks'],
    ['2021-03-01', '2021-05-03', '2 months'],
    ['2020-08-01', '2021-02-03', '6 months'],
    ['2020-08-05', '2021-02-03', '5 months'],
    ['2019-06-09', '2021-06-08', '23 months'],
    ['2019-06-09', '2021-06-09', '2 years'],
    ['2019', '2021-06-09', '2 years'],
    ['2021-01', '2021-06-09', '5 months'],
  ])('from %s to %s is %s', (from, to, span) => {
    expect(spanText(from, to)).toBe(span);
  });

  it('is undefined for the same day or a date after the latest', () => {
    expect(spanText('2021-05-01', '2021-05-01')).toBeUndefined();
    expect(spanText('2021-05-02', '2021-05-01')).toBeUndefined();
    expect(spanText('not a date', '2021-05-01')).toBeUndefined();
  });
});
