import type { Condition, Observation } from 'fhir/r4';
import { bannerView, provenanceText } from '../../launch/app-view';
import { citationFor } from '../../launch/resource-labels';
import { fieldLabel, renderResource } from '../../launch/resource-view';
import { buildTrends } from '../../launch/trends';
import { chartFromBundle } from '../support/chart-builder';
import { fixturePatient, loadFixtureBundle } from '../support/synthea';

// What the page shows, from a real Synthea chart: trends with reference ranges, readable resources, labels.

const ali = fixturePatient('Ali_Herman');
const chart = chartFromBundle(loadFixtureBundle(ali.file));
const withCode = (codes: string[]): Observation[] => chart.observations.filter((o) => o.code.coding?.some((c) => codes.includes(c.code ?? '')) === true);

it('builds the trend series: one point per reading, oldest first, with the reference range and its source', () => {
  const trends = buildTrends(chart);
  expect(trends.map((t) => t.key)).toEqual(['creatinine', 'egfr', 'potassium', 'hba1c', 'blood-pressure', 'weight']);
  const creatinine = trends.find((t) => t.key === 'creatinine')!;
  expect(creatinine.unit).toBe('mg/dL');
  expect(creatinine.series).toHaveLength(1);
  const points = creatinine.series[0]!.points;
  expect(points).toHaveLength(withCode(['38483-4', '2160-0']).length);
  expect(points.map((p) => p.t)).toEqual([...points.map((p) => p.t)].sort((a, b) => a - b));
  expect(points.every((p) => p.ref.startsWith('Observation/') && chart.has(p.ref))).toBe(true);
  expect(creatinine.series[0]!.range).toEqual({ low: 0.6, high: 1.3, source: expect.stringContaining('MedlinePlus') as unknown });
  const bp = trends.find((t) => t.key === 'blood-pressure')!;
  expect(bp.series.map((s) => s.label)).toEqual(['Systolic', 'Diastolic']);
  expect(bp.series[0]!.range).toMatchObject({ low: 90, high: 139 });
  expect(trends.find((t) => t.key === 'weight')!.series[0]!.range).toBeUndefined();
});

it('prefers the laboratory’s own reference range over the table', () => {
  const obs = withCode(['6298-4', '2823-3']).at(-1)!;
  const withRange: Observation = { ...obs, referenceRange: [{ low: { value: 3.6, unit: obs.valueQuantity?.unit }, high: { value: 5.2, unit: obs.valueQuantity?.unit } }], effectiveDateTime: '2099-01-01' };
  const patched = chartFromBundle({ resourceType: 'Bundle', type: 'collection', entry: [...(loadFixtureBundle(ali.file).entry ?? []), { resource: { ...withRange, id: 'lab-range' } }] });
  const potassium = buildTrends(patched).find((t) => t.key === 'potassium')!;
  expect(potassium.series[0]!.range).toEqual({ low: 3.6, high: 5.2, source: 'the laboratory’s reference range' });
});

it('renders a resource readably: labelled fields by datatype meaning, no narrative or metadata', () => {
  const condition = chart.conditions.find((c) => c.code?.text !== undefined || c.code?.coding?.[0]?.display !== undefined) as Condition;
  const view = renderResource({ ...condition, meta: { versionId: '1' }, text: { status: 'generated', div: '<div>x</div>' } }, chart);
  const labels = view.fields.map((f) => f.label);
  expect(labels).toEqual(expect.arrayContaining(['Clinical status', 'Code', 'Subject']));
  expect(labels).not.toContain('Meta');
  expect(labels).not.toContain('Text');
  expect(view.fields.find((f) => f.label === 'Clinical status')?.value).toBe('active');
  expect(view.title).toBe(citationFor(`Condition/${condition.id}`, chart).label);
  const obs = withCode(['38483-4'])[0]!;
  expect(renderResource(obs, chart).fields.find((f) => f.label === 'Value')?.value).toBe(`${obs.valueQuantity!.value} ${obs.valueQuantity!.unit}`);
  expect(fieldLabel('effectiveDateTime')).toBe('Effective');
  expect(fieldLabel('verificationStatus')).toBe('Verification status');
});

it('labels citations by what they are, and marks references the chart does not hold', () => {
  const obs = withCode(['38483-4'])[0]!;
  expect(citationFor(`Observation/${obs.id}`, chart).label).toMatch(/^Creatinine.* \d+(\.\d{1,2})? mg\/dL · \d{4}-\d{2}-\d{2}$/);
  expect(citationFor(`Patient/${ali.patientId}`, chart)).toEqual({ ref: `Patient/${ali.patientId}`, label: 'Ali Herman', available: true });
  expect(citationFor('Condition/elsewhere', chart)).toEqual({ ref: 'Condition/elsewhere', label: 'Condition/elsewhere', available: false });
});

it('states provenance and the banner in words', () => {
  expect(provenanceText({ provider: 'embedded', generatedAt: '2024-05-01T12:00:00.000Z' })).toBe('Brief written by the embedded summarizer (deterministic, no model) at 2024-05-01 12:00:00 UTC');
  expect(provenanceText({ provider: 'azure-openai', model: 'gpt-4o', verified: 9, dropped: 1, promptVersion: 'chart-brief.v1' })).toBe(
    'Brief written by Azure OpenAI (gpt-4o) · verified 9/10 statements against the chart (1 dropped) · prompt chart-brief.v1',
  );
  expect(bannerView(chart.patient, new Date('2021-03-16T00:00:00Z'))).toMatchObject({ name: 'Ali Herman', gender: 'male', birthDate: '1952-03-16', age: 69 });
});
