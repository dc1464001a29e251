import { CHART_SECTIONS } from '../../src/chart/chart-sections';
import type { FetchErrorEvent } from '../../src/chart/fhir-rest-source';
import { loadChart } from '../../src/chart/chart-loader';
import { fillSectionQuery } from '../../src/chart/section-queries';
import type { RunningFhirServer } from '../support/fhir-server';
import { closedFhirBase, startFhirServer, startRecordingServer } from '../support/fhir-server';
import { bundleResources, fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';
import { PID, chartOf, condition, operationOutcome, patient, searchset, sectionOf } from './chart-test-data';

// loadChart against a real loopback FHIR server (medplum's router, test/support/fhir-server.ts).
// https://cds-hooks.hl7.org/2.0/#fhir-resource-access

const TOKEN = 'test-access-token-4f1c';
const FAST = { timeoutMs: 1000 };
const ali = fixturePatient('Ali_Herman');
const aliBundle = loadFixtureBundle(ali.file);

const medicationPatient = [
  patient(),
  condition('c1'),
  { resourceType: 'Medication', id: 'med-w', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '855332', display: 'Warfarin Sodium 5 MG Oral Tablet' }] } },
  { resourceType: 'MedicationRequest', id: 'rx-w', status: 'active', intent: 'order', subject: { reference: `Patient/${PID}` }, medicationReference: { reference: 'Medication/med-w' } },
];

let fhir: RunningFhirServer;
beforeAll(async () => {
  fhir = await startFhirServer({ token: TOKEN, resources: [...bundleResources(aliBundle), ...medicationPatient] });
});
afterAll(() => fhir.close());
afterEach(() => {
  fhir.requests.length = 0;
  for (const type of ['Patient', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Immunization', 'Observation']) fhir.setFault(type, undefined);
});

/** Path and query of a section's advertised query, as the server records it. */
function sectionPath(section: (typeof CHART_SECTIONS)[number], patientId: string): string {
  const url = new URL(`${fhir.baseUrl}/${fillSectionQuery(section, patientId)}`);
  return `${url.pathname}${url.search}`;
}

describe('FHIR REST loading', () => {
  it('a Synthea patient read over FHIR REST gives the same chart as its prefetch', async () => {
    const fromPrefetch = chartOf(await loadChart({ patientId: ali.patientId, prefetch: prefetchFromBundle(aliBundle) }));
    const fromRest = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(fromRest.chart.refs().sort()).toEqual(fromPrefetch.chart.refs().sort());
    for (const name of CHART_SECTIONS) expect(sectionOf(fromRest, name)).toEqual({ section: name, state: 'complete', source: 'fhir' });
    expect(fromRest.chart.conditions.length).toBeGreaterThan(0);
    expect(fromRest.chart.medications.length).toBeGreaterThan(0);
    expect(fromRest.stats).toMatchObject({ skipped: 0, fetchErrors: 0, fhirRequests: fhir.requests.length });
  });

  it('every request carries the bearer token, and each section query is made', async () => {
    chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(fhir.requests.length).toBeGreaterThanOrEqual(CHART_SECTIONS.length);
    for (const r of fhir.requests) expect(r).toMatchObject({ method: 'GET', authorization: `Bearer ${TOKEN}` });
    const urls = fhir.requests.map((r) => r.url);
    for (const section of CHART_SECTIONS) expect(urls).toContain(sectionPath(section, ali.patientId));
  });

  it('asks for large pages: all 220 labs in one round trip', async () => {
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    const labPages = fhir.requests.filter((r) => r.url.includes('category=laboratory'));
    expect(labPages.map((r) => new URL(r.url, fhir.origin).searchParams.get('_count'))).toEqual(['1000']);
    expect(loaded.chart.observations.filter((o) => o.category?.some((c) => c.coding?.some((x) => x.code === 'laboratory')))).toHaveLength(
      prefetchLabCount(),
    );
  });

  it('follows next links when the server pages smaller than asked', async () => {
    const small = await startFhirServer({ token: TOKEN, resources: bundleResources(aliBundle), defaultPageSize: 5 });
    try {
      const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: small.baseUrl, accessToken: TOKEN, sections: ['conditions'] }));
      const pages = small.requests.filter((r) => r.url.startsWith('/fhir/Condition'));
      const conditions = prefetchFromBundle(aliBundle).conditions;
      const expected = conditions.resourceType === 'Bundle' ? (conditions.entry?.length ?? 0) : 0;
      expect(expected).toBeGreaterThan(5);
      expect(pages).toHaveLength(Math.ceil(expected / 5));
      expect(pages[1]?.url).toContain('_offset=5');
      expect(loaded.chart.conditions).toHaveLength(expected);
      expect(sectionOf(loaded, 'conditions')).toEqual({ section: 'conditions', state: 'complete', source: 'fhir' });
    } finally {
      await small.close();
    }
  });

  it('stops after maxPages and marks the section truncated', async () => {
    const small = await startFhirServer({ token: TOKEN, resources: bundleResources(aliBundle), defaultPageSize: 5 });
    try {
      const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: small.baseUrl, accessToken: TOKEN, sections: ['conditions'], limits: { maxPages: 1 } }));
      expect(sectionOf(loaded, 'conditions')).toMatchObject({ state: 'complete', source: 'fhir', truncated: true, reason: 'stopped after 1 pages' });
      expect(small.requests.filter((r) => r.url.startsWith('/fhir/Condition'))).toHaveLength(1);
    } finally {
      await small.close();
    }
  });

  it('reads Medications through _include=MedicationRequest:medication', async () => {
    const loaded = chartOf(await loadChart({ patientId: PID, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(loaded.chart.medications).toMatchObject([{ display: 'Warfarin Sodium 5 MG Oral Tablet', medicationRef: 'Medication/med-w', resolved: true }]);
    expect(fhir.requests.some((r) => r.url.startsWith('/fhir/Medication/'))).toBe(false);
  });

  it('reads a referenced Medication by id when the server ignores _include', async () => {
    fhir.setFault('MedicationRequest', { ignoreInclude: true });
    const loaded = chartOf(await loadChart({ patientId: PID, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(loaded.chart.medications).toMatchObject([{ display: 'Warfarin Sodium 5 MG Oral Tablet', medicationRef: 'Medication/med-w', resolved: true }]);
    expect(fhir.requests.filter((r) => r.url === '/fhir/Medication/med-w')).toEqual([{ method: 'GET', url: '/fhir/Medication/med-w', authorization: `Bearer ${TOKEN}` }]);
  });
});

function prefetchLabCount(): number {
  const labs = prefetchFromBundle(aliBundle).labs;
  return labs.resourceType === 'Bundle' ? (labs.entry?.length ?? 0) : 0;
}

describe('prefetch and FHIR REST together', () => {
  it('a missing key is fetched, a null key is not, an OperationOutcome key is fetched again', async () => {
    const loaded = chartOf(
      await loadChart({
        patientId: PID,
        prefetch: { patient: patient(), conditions: null, allergies: operationOutcome },
        fhirServer: fhir.baseUrl,
        accessToken: TOKEN,
      }),
    );
    const paths = fhir.requests.map((r) => new URL(r.url, fhir.origin).pathname);
    expect(paths).not.toContain('/fhir/Patient/pat-1');
    expect(paths).not.toContain('/fhir/Condition');
    expect(paths).toContain('/fhir/AllergyIntolerance');
    expect(paths).toContain('/fhir/MedicationRequest');
    expect(sectionOf(loaded, 'patient').source).toBe('prefetch');
    expect(sectionOf(loaded, 'conditions')).toEqual({ section: 'conditions', state: 'complete', source: 'prefetch' });
    expect(sectionOf(loaded, 'allergies')).toEqual({ section: 'allergies', state: 'complete', source: 'fhir' });
    expect(loaded.chart.conditions).toEqual([]);
  });

  it('a paged prefetch is continued on the FHIR server', async () => {
    const firstPage = (await (
      await fetch(`${fhir.baseUrl}/Observation?patient=${ali.patientId}&category=laboratory&_count=100`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as Record<string, unknown>;
    fhir.requests.length = 0;
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, prefetch: { labs: firstPage }, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(sectionOf(loaded, 'labs')).toEqual({ section: 'labs', state: 'complete', source: 'prefetch' });
    const labRequests = fhir.requests.filter((r) => r.url.includes('category=laboratory')).map((r) => new URL(r.url, fhir.origin).searchParams.get('_offset'));
    expect(labRequests).toEqual(['100', '200']); // only the pages prefetch did not hold
    expect(loaded.chart.observations.filter((o) => o.category?.some((c) => c.coding?.some((x) => x.code === 'laboratory')))).toHaveLength(prefetchLabCount());
  });
});

describe('next links that leave the FHIR server', () => {
  it('a prefetch next link to another origin is not followed, and that server receives nothing', async () => {
    const attacker = await startRecordingServer();
    try {
      const errors: FetchErrorEvent[] = [];
      const paged = { ...searchset(condition('c1')), link: [{ relation: 'next', url: `${attacker.origin}/fhir/Condition?page=2` }] };
      const loaded = chartOf(
        await loadChart({ patientId: PID, prefetch: { patient: patient(), conditions: paged }, fhirServer: fhir.baseUrl, accessToken: TOKEN, onFetchError: (e) => errors.push(e) }),
      );
      expect(attacker.requests).toEqual([]);
      expect(loaded.chart.conditions.map((c) => c.id)).toEqual(['c1']);
      expect(sectionOf(loaded, 'conditions')).toMatchObject({ state: 'complete', truncated: true, reason: expect.stringMatching(/leaves the FHIR server/) as string });
      expect(errors).toContainEqual({ section: 'conditions', kind: 'off-server' });
      expect(fhir.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    } finally {
      await attacker.close();
    }
  });

  it('a server next link to another origin, or outside the base path, is not followed', async () => {
    const attacker = await startRecordingServer();
    try {
      fhir.setFault('Condition', { nextLink: `${attacker.origin}/fhir/Condition?_offset=50` });
      fhir.setFault('AllergyIntolerance', { nextLink: `${fhir.origin}/admin/AllergyIntolerance?_offset=50` });
      const loaded = chartOf(await loadChart({ patientId: PID, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
      expect(attacker.requests).toEqual([]);
      expect(fhir.requests.filter((r) => r.url.startsWith('/admin'))).toEqual([]);
      expect(sectionOf(loaded, 'conditions')).toMatchObject({ state: 'complete', source: 'fhir', truncated: true });
      expect(sectionOf(loaded, 'allergies')).toMatchObject({ state: 'complete', source: 'fhir', truncated: true });
      expect(loaded.chart.conditions.map((c) => c.id)).toEqual(['c1']);
    } finally {
      await attacker.close();
    }
  });
});

describe('a failing FHIR server', () => {
  it('one section answering 500 is marked failed and the rest of the chart loads', async () => {
    fhir.setFault('AllergyIntolerance', { status: 500 });
    const errors: FetchErrorEvent[] = [];
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN, onFetchError: (e) => errors.push(e) }));
    expect(sectionOf(loaded, 'allergies')).toEqual({ section: 'allergies', state: 'failed', source: 'fhir', reason: 'FHIR server answered 500' });
    expect(loaded.chart.unavailableSections().map((s) => s.section)).toEqual(['allergies']);
    expect(loaded.chart.conditions.length).toBeGreaterThan(0);
    expect(errors).toEqual([{ section: 'allergies', kind: 'http-status', status: 500 }]);
    expect(loaded.stats.fetchErrors).toBe(1);
  });

  it('a redirect is not followed: the section fails and the redirect target receives nothing', async () => {
    const attacker = await startRecordingServer();
    try {
      fhir.setFault('Procedure', { redirectTo: `${attacker.origin}/fhir/Procedure` });
      const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
      expect(sectionOf(loaded, 'procedures')).toEqual({ section: 'procedures', state: 'failed', source: 'fhir', reason: 'FHIR server answered 302' });
      expect(attacker.requests).toEqual([]);
    } finally {
      fhir.setFault('Procedure', undefined);
      await attacker.close();
    }
  });

  it('one section answering 401 is marked failed with a reason free of the token', async () => {
    fhir.setFault('Condition', { status: 401 });
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(sectionOf(loaded, 'conditions')).toEqual({ section: 'conditions', state: 'failed', source: 'fhir', reason: 'FHIR server answered 401' });
    expect(JSON.stringify(loaded.chart.sections)).not.toContain(TOKEN);
  });

  it('one section that never answers times out and is marked failed', async () => {
    fhir.setFault('Immunization', { hang: true });
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN, limits: FAST }));
    expect(sectionOf(loaded, 'immunizations')).toEqual({ section: 'immunizations', state: 'failed', source: 'fhir', reason: 'FHIR server timed out' });
    expect(sectionOf(loaded, 'labs').state).toBe('complete');
  });

  it('the Patient unreadable from both prefetch and the server: patient-unavailable', async () => {
    fhir.setFault('Patient', { status: 500 });
    const result = await loadChart({ patientId: ali.patientId, prefetch: { patient: operationOutcome }, fhirServer: fhir.baseUrl, accessToken: TOKEN });
    expect(result).toMatchObject({ ok: false, error: { kind: 'patient-unavailable' } });
  });

  it('a wrong token gets 401s everywhere: patient-unavailable, never a throw', async () => {
    const result = await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: 'wrong', limits: FAST });
    expect(result).toMatchObject({ ok: false, error: { kind: 'patient-unavailable' } });
  });

  it('server down with prefetch: the chart comes from prefetch and the fetched sections are marked failed', async () => {
    const prefetch = prefetchFromBundle(aliBundle);
    const { patient: p, conditions, medications } = prefetch;
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, prefetch: { patient: p, conditions, medications }, fhirServer: await closedFhirBase(), accessToken: TOKEN, limits: FAST }));
    expect(sectionOf(loaded, 'conditions')).toEqual({ section: 'conditions', state: 'complete', source: 'prefetch' });
    expect(sectionOf(loaded, 'labs')).toEqual({ section: 'labs', state: 'failed', source: 'fhir', reason: 'FHIR server unreachable' });
    expect(loaded.chart.unavailableSections().map((s) => s.section)).toEqual(['allergies', 'labs', 'vitals', 'immunizations', 'procedures', 'encounters', 'socialHistory', 'surveys']);
    expect(loaded.chart.conditions.length).toBeGreaterThan(0);
  });

  it('server down without prefetch: patient-unavailable', async () => {
    const result = await loadChart({ patientId: ali.patientId, fhirServer: await closedFhirBase(), accessToken: TOKEN, limits: FAST });
    expect(result).toMatchObject({ ok: false, error: { kind: 'patient-unavailable' } });
  });

  it('a fhirServer that is not an http(s) URL is never called: its sections are failed', async () => {
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient() }, fhirServer: 'file:///etc/passwd', accessToken: TOKEN }));
    expect(sectionOf(loaded, 'conditions')).toMatchObject({ state: 'failed', source: 'none' });
  });
});
