import type { FhirResource } from 'fhir/r4';
import { Chart } from '../../src/chart/chart';
import { ResourceIndex } from '../../src/chart/resource-index';

const observation = (id: string, status: 'final' | 'amended' = 'final'): FhirResource => ({ resourceType: 'Observation', id, status, code: { text: 'x' } });
const condition = (id: string): FhirResource => ({ resourceType: 'Condition', id, subject: { reference: 'Patient/p' } });

describe('ResourceIndex', () => {
  it('addNew keeps the first of a `Type/id`; set replaces it in its place', () => {
    const index = new ResourceIndex();
    expect(index.addNew(observation('o1'), 'o1')).toBe(true);
    expect(index.addNew(condition('o1'), 'o1')).toBe(true);
    expect(index.addNew(observation('o1', 'amended'), 'o1')).toBe(false);
    index.addNew(observation('o2'), 'o2');
    expect(index.list('Observation').map((o) => [o.id, o.status])).toEqual([['o1', 'final'], ['o2', 'final']]);
    index.set(observation('o1', 'amended'), 'o1');
    expect(index.list('Observation').map((o) => [o.id, o.status])).toEqual([['o1', 'amended'], ['o2', 'final']]);
    expect(index.size).toBe(3);
    expect(index.refs()).toEqual(['Observation/o1', 'Observation/o2', 'Condition/o1']);
  });

  it('finds every one of many thousands of ids, and nothing else', () => {
    const index = new ResourceIndex();
    const ids = Array.from({ length: 12000 }, (_, i) => `${i.toString(36)}-${i % 7}`);
    for (const id of ids) index.addNew(observation(id), id);
    expect(ids.every((id) => index.get(`Observation/${id}`)?.id === id)).toBe(true);
    expect(index.list('Observation').map((o) => o.id)).toEqual(ids);
    for (const ref of ['Observation/', 'Observation', 'Condition/0-0', 'Observation/zzz', '']) expect(index.get(ref)).toBeUndefined();
  });
});

describe('a Chart made from a list', () => {
  it('holds the last of a repeated `Type/id`, in the place of the first, and the Patient under its ref', () => {
    const chart = new Chart(
      { patient: { resourceType: 'Patient', id: 'p' }, resources: [observation('o1'), observation('o2'), observation('o1', 'amended'), { resourceType: 'Observation', status: 'final', code: {} }], sections: [], skipped: 0 },
      [],
    );
    expect(chart.observations.map((o) => [o.id, o.status])).toEqual([['o1', 'amended'], ['o2', 'final']]);
    expect(chart.get('Patient/p')?.resourceType).toBe('Patient');
    expect(chart.size).toBe(3);
  });
});

describe('Chart.resourcesOfType', () => {
  it('lists the resources of a type without a list of its own, in chart order', () => {
    const request = (id: string): FhirResource => ({ resourceType: 'ServiceRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/p' } });
    const chart = new Chart({ patient: { resourceType: 'Patient', id: 'p' }, resources: [request('s2'), observation('o1'), request('s1')], sections: [], skipped: 0 }, []);
    expect(chart.resourcesOfType('ServiceRequest').map((s) => s.id)).toEqual(['s2', 's1']);
    expect(chart.resourcesOfType('Medication')).toEqual([]);
  });
});
