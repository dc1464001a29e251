import { chartFacts, latestLab } from '../../../src/chart/facts/chart-facts';
import { indexedObservations, newestObservations, observationsCoded, observationsWithCode } from '../../../src/chart/facts/observation-index';
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
  expect([...facts.labSeries(POTASSIUM)].map((v) => v.ref)).toEqual(['Observation/k-new', 'Observation/k-old']);
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

it('parses each time once, and lists the dated observations of a set of codes newest first, each once', () => {
  const both = { system: 'http://loinc.org', code: '6298-4' };
  const c = new ChartBuilder()
    .observation({ id: 'b', loinc: '2823-3', value: 4, unit: 'mmol/L', date: '2026-05-01T08:00:00Z' })
    .observation({ id: 'a', loinc: '2823-3', value: 4, unit: 'mmol/L', date: '2026-05-01T08:00:00Z' })
    .observation({ id: 'new', loinc: '6298-4', value: 4, unit: 'mmol/L', date: '2026-05-20T04:00:00-04:00' })
    .observation({ id: 'undated', loinc: '2823-3', value: 4, unit: 'mmol/L', date: 'last spring' })
    .build();
  const twoCodes = c.observations.find((o) => o.id === 'a');
  twoCodes?.code.coding?.push(both);
  expect(indexedObservations(c).map((e) => [e.observation.id, e.at])).toEqual([
    ['b', Date.parse('2026-05-01T08:00:00Z')],
    ['a', Date.parse('2026-05-01T08:00:00Z')],
    ['new', Date.parse('2026-05-20T08:00:00Z')],
    ['undated', undefined],
  ]);
  // Same instant: by id. Carrying both codes: listed once.
  expect([...newestObservations(c, ['2823-3', '6298-4'])].map((e) => e.observation.id)).toEqual(['new', 'a', 'b']);
  expect(newestObservations(c, ['2823-3', '6298-4'])).toBe(newestObservations(c, ['2823-3', '6298-4']));
  expect([...newestObservations(c, ['0000-0'])]).toEqual([]);
});

it('finds observations by a code of any system', () => {
  const c = new ChartBuilder().observation({ id: 'k', loinc: '2823-3', value: 4, unit: 'mmol/L', date: '2026-05-01' }).build();
  c.observations[0]?.code.coding?.push({ system: 'http://snomed.info/sct', code: '59573005' }, { system: 'http://snomed.info/sct', code: '' }, { code: '59573005' });
  expect(observationsWithCode(c, 'http://snomed.info/sct', '59573005').map((e) => e.observation.id)).toEqual(['k']);
  expect(observationsWithCode(c, 'http://snomed.info/sct', '')).toEqual([]);
  expect(observationsWithCode(c, 'http://www.ama-assn.org/go/cpt', '59573005')).toEqual([]);
});
