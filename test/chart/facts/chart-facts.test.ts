import { chartFacts, latestLab } from '../../../src/chart/facts/chart-facts';
import { observationsCoded } from '../../../src/chart/facts/observation-index';
import { CREATININE, POTASSIUM } from '../../../src/knowledge/labs/lab-definitions';
import { ChartBuilder } from '../../support/chart-builder';

// The facts of a chart at a time are computed once and shared by every rule and the brief.

const AS_OF = new Date('2026-06-01T12:00:00Z');

function chart(): ReturnType<ChartBuilder['build']> {
  return new ChartBuilder({ birthDate: '1950-06-02', gender: 'male', deceasedDateTime: '2030-01-01' })
    .medication({ id: 'lis', name: 'Lisinopril 10 MG Oral Tablet' })
    .allergy({ id: 'pen', display: 'Penicillin' })
    .observation({ id: 'k-old', loinc: '2823-3', value: 5.9, unit: 'mmol/L', date: '2026-05-01T08:00:00Z' })
    .observation({ id: 'k-new', loinc: '6298-4', value: 4.4, unit: 'mmol/L', date: '2026-05-28T08:00:00Z' })
    .observation({ id: 'cr', loinc: '2160-0', value: 1.1, unit: 'mg/dL', date: '2026-05-28T08:00:00Z' })
    .build();
}

it('remembers the facts per chart and clock', () => {
  const c = chart();
  const facts = chartFacts(c, AS_OF);
  expect(chartFacts(c, new Date(AS_OF.getTime()))).toBe(facts);
  expect(chartFacts(c, new Date('2026-06-02T00:00:00Z'))).not.toBe(facts);
  expect(chartFacts(chart(), AS_OF)).not.toBe(facts);
  expect(facts.activeOrders()).toBe(facts.activeOrders());
  expect(facts.currentAllergies()).toBe(facts.currentAllergies());
  expect(facts.labSeries(POTASSIUM)).toBe(facts.labSeries(POTASSIUM));
  expect(facts.patient).toBe(facts.patient);
});

it('knows the patient as of the clock', () => {
  expect(chartFacts(chart(), AS_OF).patient).toEqual({ age: { years: 75, months: 911 }, sex: 'male', deceased: false, deathDate: '2030-01-01' });
  expect(chartFacts(new ChartBuilder({ birthDate: '1950', gender: 'other', deceasedBoolean: true }).build(), AS_OF).patient).toEqual({ deceased: true });
});

it('gives the latest final result of an analyte over all its codes, and within a window', () => {
  const c = chart();
  const facts = chartFacts(c, AS_OF);
  expect(facts.labSeries(POTASSIUM).map((v) => v.ref)).toEqual(['Observation/k-new', 'Observation/k-old']);
  expect(facts.latestLab(POTASSIUM)?.ref).toBe('Observation/k-new');
  expect(latestLab(c, CREATININE, AS_OF)?.value).toBe(1.1);
  expect(facts.latestLabWithin(POTASSIUM, 5)?.ref).toBe('Observation/k-new');
  expect(facts.latestLabWithin(POTASSIUM, 4)).toBeUndefined();
});

it('indexes observations by LOINC code once, each observation once per lookup', () => {
  const c = chart();
  expect(observationsCoded(c, ['2823-3', '6298-4', '2823-3']).map((o) => o.id)).toEqual(['k-old', 'k-new']);
  expect(observationsCoded(c, ['0000-0'])).toEqual([]);
});
