import { createServer } from 'node:http';
import type { SectionName } from '../../src/chart/chart-sections';
import { loadChart } from '../../src/chart/chart-loader';
import { fillSectionQuery } from '../../src/chart/section-queries';
import { ORDER_SAFETY_SECTIONS } from '../../cds-hooks/services/prefetch-templates';
import type { RunningFhirServer } from '../support/fhir-server';
import { startFhirServer } from '../support/fhir-server';
import { bundleResources, fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';
import { PID, chartOf, condition, patient, searchset, sectionOf } from './chart-test-data';

// Minimum necessary: a caller that declares its sections reads those and nothing else, and never
// re-reads what the prefetch already holds. Real sockets, the loopback FHIR server.

const TOKEN = 'sections-test-token';
const ali = fixturePatient('Ali_Herman');
const aliBundle = loadFixtureBundle(ali.file);

let fhir: RunningFhirServer;
beforeAll(async () => {
  fhir = await startFhirServer({ token: TOKEN, resources: bundleResources(aliBundle) });
});
afterAll(() => fhir.close());
afterEach(() => {
  fhir.requests.length = 0;
});

/** Ali's prefetch for the order hooks' sections, without `omit`. */
function orderPrefetch(omit: SectionName[] = []): Record<string, unknown> {
  const all = prefetchFromBundle(aliBundle) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of ORDER_SAFETY_SECTIONS) if (!omit.includes(s)) out[s] = all[s];
  return out;
}

function sectionPath(section: SectionName, patientId: string): string {
  const url = new URL(`${fhir.baseUrl}/${fillSectionQuery(section, patientId)}`);
  return `${url.pathname}${url.search}`;
}

describe('declared sections', () => {
  it('with every declared section prefetched, no FHIR request is made', async () => {
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, prefetch: orderPrefetch(), fhirServer: fhir.baseUrl, accessToken: TOKEN, sections: ORDER_SAFETY_SECTIONS }));
    expect(fhir.requests).toEqual([]);
    expect(loaded.stats.fhirRequests).toBe(0);
    expect(loaded.chart.medications.length).toBeGreaterThan(0);
    // Undeclared sections are not read at all, not even from the FHIR server.
    for (const s of ['immunizations', 'encounters'] as const) expect(sectionOf(loaded, s)).toMatchObject({ state: 'missing', source: 'none' });
  });

  it('a declared section missing from prefetch is the only one read from the FHIR server', async () => {
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, prefetch: orderPrefetch(['allergies']), fhirServer: fhir.baseUrl, accessToken: TOKEN, sections: ORDER_SAFETY_SECTIONS }));
    expect(fhir.requests.map((r) => r.url)).toEqual([sectionPath('allergies', ali.patientId)]);
    expect(sectionOf(loaded, 'allergies')).toMatchObject({ state: 'complete', source: 'fhir' });
  });

  it('the Patient is always read, even when not declared', async () => {
    const loaded = chartOf(await loadChart({ patientId: ali.patientId, fhirServer: fhir.baseUrl, accessToken: TOKEN, sections: ['conditions'] }));
    expect(fhir.requests.map((r) => r.url).sort()).toEqual([sectionPath('conditions', ali.patientId), sectionPath('patient', ali.patientId)].sort());
    expect(loaded.chart.patient.id).toBe(ali.patientId);
  });
});

describe('references with a base', () => {
  it('count as this patient\'s only on the request\'s fhirServer', async () => {
    const conditions = searchset(
      condition('relative'),
      condition('on-our-server', `${fhir.baseUrl}/Patient/${PID}`),
      condition('other-ehr', `https://other-ehr.example.org/fhir/Patient/${PID}`),
    );
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), conditions }, fhirServer: fhir.baseUrl, sections: ['conditions'] }));
    expect(fhir.requests).toEqual([]);
    expect(loaded.chart.conditions.map((c) => c.id).sort()).toEqual(['on-our-server', 'relative']);
    expect(loaded.stats.skips.otherPatient).toBe(1);
  });
});

describe('a FHIR server that answers with another patient', () => {
  it('is a patient-mismatch from the fhir source (the EHR request was valid)', async () => {
    // Answers every Patient read with a Patient of another id, and every search with an empty Bundle.
    const server = createServer((req, res) => {
      const body = req.url?.includes('/Patient/') ? patient('someone-else') : searchset();
      res.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/fhir`;
      const result = await loadChart({ patientId: PID, fhirServer: base, accessToken: TOKEN, sections: ['conditions'] });
      expect(result).toMatchObject({ ok: false, error: { kind: 'patient-mismatch', source: 'fhir', field: 'fhirServer' } });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
