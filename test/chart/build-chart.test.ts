import { buildChart } from '../../src/chart/build-chart';
import type { SectionInput, SectionName } from '../../src/chart/chart-sections';
import type { BuiltChart } from '../../src/chart/chart-load-result';
import { condition, patient, PID, searchset } from './chart-test-data';

// buildChart reads every entry once, scoping it to the patient while the fullUrl index still
// grows; these pin that the result is the same as if the index had been complete from the start.

function section(name: SectionName, ...documents: unknown[]): SectionInput {
  return { section: name, state: 'complete', source: 'prefetch', documents };
}

function collection(...entries: { fullUrl?: string; resource: unknown }[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'collection', entry: entries };
}

function built(sections: SectionInput[], fhirServer?: string): BuiltChart {
  const result = buildChart(PID, sections, fhirServer === undefined ? {} : { fhirServer });
  if (!result.ok) throw new Error(`expected a chart, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const patientByUrn = section('patient', collection({ fullUrl: 'urn:uuid:pppp', resource: patient() }));

describe('urn:uuid subjects', () => {
  it('resolve through the Patient\'s fullUrl even when their section comes before the Patient\'s', () => {
    const conditions = section('conditions', searchset(condition('c1', 'urn:uuid:pppp'), condition('c2', 'urn:uuid:pppp')));
    const chart = built([conditions, patientByUrn]);
    expect(chart.chart.conditions.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(chart.stats.skips.otherPatient).toBe(0);
  });

  it('are dropped when a later entry makes that fullUrl ambiguous, as they would be had it come first', () => {
    const conditions = section('conditions', searchset(condition('c1', 'urn:uuid:pppp')));
    const labs = section('labs', collection({ fullUrl: 'urn:uuid:pppp', resource: { resourceType: 'Observation', id: 'o1', subject: { reference: `Patient/${PID}` } } }));
    const chart = built([patientByUrn, conditions, labs]);
    expect(chart.chart.conditions).toEqual([]);
    expect(chart.chart.has('Observation/o1')).toBe(true);
    expect(chart.stats.skips.otherPatient).toBe(1);
  });
});

describe('one pass over the sections', () => {
  it('keeps the first of a `Type/id` seen in two sections, counted for the first section only', () => {
    const observation = (status: string): Record<string, unknown> => ({ resourceType: 'Observation', id: 'o1', status, subject: { reference: `Patient/${PID}` } });
    const chart = built([section('patient', patient()), section('labs', searchset(observation('final'))), section('vitals', searchset(observation('amended')))]);
    expect(chart.chart.observations.map((o) => o.status)).toEqual(['final']);
    const counts = Object.fromEntries(chart.stats.sections.map((s) => [s.section, s.resources]));
    expect(counts).toMatchObject({ patient: 1, labs: 1, vitals: 0 });
    expect(chart.stats.resources).toBe(2);
  });

  it('lists each type in the order its resources arrived', () => {
    const conditions = Array.from({ length: 5000 }, (_, i) => condition(`c${i}`));
    const chart = built([section('patient', patient()), section('conditions', searchset(...conditions))]);
    expect(chart.chart.conditions.map((c) => c.id)).toEqual(conditions.map((c) => c['id']));
    expect(chart.chart.get('Condition/c4321')?.id).toBe('c4321');
    expect(chart.stats.resources).toBe(5001);
  });

  it('gives the same answer for a subject repeated with and without the request\'s FHIR server as its base', () => {
    const absolute = `https://ehr.example/fhir/Patient/${PID}`;
    const conditions = section('conditions', searchset(condition('c1', absolute), condition('c2', absolute), condition('c3', `https://other.example/fhir/Patient/${PID}`)));
    expect(built([section('patient', patient()), conditions], 'https://ehr.example/fhir').chart.conditions.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(built([section('patient', patient()), conditions]).chart.conditions).toEqual([]);
  });
});

describe('field shapes', () => {
  it('skip as malformed a resource whose read field holds the wrong JSON type, at any depth', () => {
    const observation = (id: string, extra: Record<string, unknown>): Record<string, unknown> => ({
      resourceType: 'Observation', id, status: 'final', subject: { reference: `Patient/${PID}` }, ...extra,
    });
    const labs = section('labs', searchset(
      observation('ok', { code: { coding: [{ system: 'http://loinc.org', code: '2160-0' }] }, valueQuantity: { value: 1.2, unit: 'mg/dL' }, extension: [{ url: 'x', valueInteger: 1 }] }),
      observation('coding-code', { code: { coding: [{ system: 'http://loinc.org', code: 2160 }] } }),
      observation('coding-not-array', { code: { coding: { code: '2160-0' } } }),
      observation('category', { category: [{ text: 7 }] }),
      observation('quantity', { valueQuantity: { value: '1.2' } }),
      observation('subject', { subject: { reference: 5 } }),
      observation('period', { effectivePeriod: { start: 20200101 } }),
    ));
    const chart = built([section('patient', patient()), labs]);
    expect(chart.chart.observations.map((o) => o.id)).toEqual(['ok']);
    expect(chart.stats.skips.malformed).toBe(6);
  });

  it('take a field present but undefined (as code may build it) as absent, and pass fields we do not read', () => {
    const observation = { resourceType: 'Observation', id: 'o1', status: 'final', subject: { reference: `Patient/${PID}` }, code: undefined, valueQuantity: undefined, note: 7 };
    const chart = built([section('patient', patient()), section('labs', searchset(observation))]);
    expect(chart.chart.observations.map((o) => o.id)).toEqual(['o1']);
    expect(chart.stats.skips.malformed).toBe(0);
  });
});
