import type { Condition, Observation, Patient } from 'fhir/r4';
import { bannerView, provenanceText } from '../../launch/app-view';
import { citationFor } from '../../launch/resource-labels';
import { fieldLabel, renderResource } from '../../launch/resource-view';
import type { Trend } from '../../launch/trends';
import { buildTrends } from '../../launch/trends';
import type { Chart } from '../../src/chart/chart';
import { ALL_RULES } from '../../src/rules/all-rules';
import { ruleInputFor } from '../../src/rules/rule-input';
import { runRules } from '../../src/rules/run-rules';
import { chartFromBundle } from '../support/chart-builder';
import { cardMarkdown } from '../support/commonmark-outline';
import { fixturePatient, loadFixtureBundle } from '../support/synthea';

// What the page shows, from real Synthea charts: trends with reference ranges (eGFR as the rules read it),
// readable resources, labels (blood pressure systolic first), the banner, finding markdown.

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

describe('blood pressure', () => {
  it('labels a citation chip systolic/diastolic, whatever order the components come in (Synthea sends diastolic first)', () => {
    const bp = withCode(['55284-4', '85354-9'])[0]!;
    const component = (code: string): number => bp.component!.find((c) => c.code.coding?.[0]?.code === code)!.valueQuantity!.value!;
    expect(bp.component!.map((c) => c.code.coding?.[0]?.code)).toEqual(['8462-4', '8480-6']);
    const label = citationFor(`Observation/${bp.id}`, chart).label;
    expect(label).toBe(`Blood Pressure ${Math.round(component('8480-6'))}/${Math.round(component('8462-4'))} mmHg · ${bp.effectiveDateTime!.slice(0, 10)}`);
    const trend = buildTrends(chart).find((t) => t.key === 'blood-pressure')!;
    const i = trend.series[0]!.points.findIndex((p) => p.ref === `Observation/${bp.id}`);
    expect([trend.series[0]!.points[i]!.value, trend.series[1]!.points[i]!.value]).toEqual([component('8480-6'), component('8462-4')]);
  });
});

describe('the eGFR plot', () => {
  const egfrOf = (name: string): { trend: Trend; chart: Chart } => {
    const c = chartFromBundle(loadFixtureBundle(fixturePatient(name).file));
    return { trend: buildTrends(c).find((t) => t.key === 'egfr')!, chart: c };
  };
  const unitOf = (c: Chart, ref: string): string | undefined => (c.get(ref) as Observation).valueQuantity?.unit;

  it('is the mL/min/1.73 m² series even when the latest reading is one Synthea filed in plain mL/min', () => {
    const { trend, chart: elsy } = egfrOf('Elsy');
    const readings = elsy.observations.filter((o) => o.code.coding?.some((c) => c.code === '33914-3'));
    const latest = [...readings].sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? '')).at(-1)!;
    expect(latest.valueQuantity?.unit).toBe('mL/min');
    expect(trend.unit).toBe('mL/min/1.73 m²');
    const points = trend.series[0]!.points;
    expect(points.length).toBe(readings.filter((o) => o.valueQuantity?.unit === 'mL/min/{1.73_m2}').length);
    expect(points.every((p) => unitOf(elsy, p.ref) === 'mL/min/{1.73_m2}')).toBe(true);
    expect(trend.omitted).toBe(readings.length - points.length);
  });

  it('keeps one reading per instant: the normalised one beside a plain mL/min one filed at the same time', () => {
    const { trend, chart: renea } = egfrOf('Renea');
    const points = trend.series[0]!.points;
    expect(new Set(points.map((p) => p.t)).size).toBe(points.length);
    expect(points.every((p) => unitOf(renea, p.ref) === 'mL/min/{1.73_m2}')).toBe(true);
    expect(points.at(-1)!.value).toBeCloseTo(73.0, 0);
  });

  it('reads plain mL/min results as the rules do when the chart has no normalised eGFR', () => {
    const { trend } = egfrOf('Thanh');
    expect(trend.unit).toBe('mL/min/1.73 m²');
    expect(trend.series[0]!.points.length).toBe(16);
    expect(trend.series[0]!.range).toMatchObject({ low: 60 });
  });

  it('prefers the codes in EGFR’s order on one instant (CKD-EPI 2021 over MDRD)', () => {
    const at = '2024-01-10T09:00:00Z';
    const obs = (id: string, code: string, value: number): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code }] },
      subject: { reference: `Patient/${ali.patientId}` },
      effectiveDateTime: at,
      valueQuantity: { value, unit: 'mL/min/{1.73_m2}', system: 'http://unitsofmeasure.org', code: 'mL/min/{1.73_m2}' },
    });
    const bundle = loadFixtureBundle(ali.file);
    const patched = chartFromBundle({ ...bundle, entry: [...(bundle.entry ?? []), { resource: obs('mdrd', '33914-3', 40) }, { resource: obs('ckdepi', '98979-8', 52) }] });
    const points = buildTrends(patched).find((t) => t.key === 'egfr')!.series[0]!.points;
    expect(points.filter((p) => p.date === '2024-01-10').map((p) => p.ref)).toEqual(['Observation/ckdepi']);
  });
});

describe('the banner of a patient who has died', () => {
  const asOf = new Date('2024-06-01T00:00:00Z');
  const base: Patient = { resourceType: 'Patient', id: 'd1', name: [{ given: ['Ernest'], family: 'Labadie' }], birthDate: '1930-05-01' };

  it('says deceased, with the date when the chart gives one, and the age at death', () => {
    expect(bannerView({ ...base, deceasedDateTime: '2007-04-22T03:44:08-04:00' }, asOf)).toMatchObject({ deceased: { date: '2007-04-22' }, age: 76 });
    expect(bannerView({ ...base, deceasedBoolean: true }, asOf)).toMatchObject({ deceased: {} });
  });

  it('says nothing of death when the chart does not (or records it after now)', () => {
    expect(bannerView(base, asOf)).not.toHaveProperty('deceased');
    expect(bannerView({ ...base, deceasedBoolean: false }, asOf)).not.toHaveProperty('deceased');
    expect(bannerView({ ...base, deceasedDateTime: '2030-01-01' }, asOf)).not.toHaveProperty('deceased');
  });
});

it('renders the care-gap finding’s lists as lists (markdown-it, as the page does)', () => {
  const run = runRules(ALL_RULES, ruleInputFor('patient-view', chart, [], new Date('2021-03-16T00:00:00Z')), { disabled: new Set(), maxInfoFindings: 20 });
  const careGap = run.findings.find((f) => f.ruleId === 'care-gap')!;
  const html = cardMarkdown.render(careGap.detail);
  expect(html).toContain('<p><strong>Due</strong></p>\n<ul>\n<li>');
  expect(html.match(/<li>/g)?.length).toBe(careGap.detail.split('\n').filter((l) => l.startsWith('- ')).length);
  expect(html).not.toMatch(/<li>[^<]*<strong>(Up to date|Not assessed|Excluded)/);
});
