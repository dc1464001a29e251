import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { CHART_SECTIONS } from '../../src/chart/chart-sections';
import type { SectionName } from '../../src/chart/chart-sections';
import { SECTION_QUERIES, fillSectionQuery } from '../../src/chart/section-queries';
import { CDS_SERVICES } from '../../cds-hooks/services/registry';
import type { RunningFhirServer } from '../support/fhir-server';
import { startFhirServer } from '../support/fhir-server';
import { outcomeIssues, postJson, send } from '../support/http';
import { orderRequest, testPatient } from '../support/hook-requests';
import { CASES_DIR } from '../support/rule-cases';
import { bundleResources, fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// Minimum necessary (each hook reads only the chart sections it declares, and never re-reads what
// the EHR prefetched) and the wrong-patient guards, over real sockets.

const TOKEN = 'minimum-necessary-token';
const ali = fixturePatient('Ali_Herman');
const aliBundle = loadFixtureBundle(ali.file);
const ORDER_HOOKS = ['order-select', 'order-sign'] as const;

let svc: RunningService;
let fhir: RunningFhirServer;
beforeAll(async () => {
  svc = await startService({ env: { FHIR_TIMEOUT_MS: '1500' } });
  fhir = await startFhirServer({ token: TOKEN, resources: bundleResources(aliBundle) });
});
afterAll(async () => {
  await fhir.close();
  await svc.close();
});
afterEach(() => {
  fhir.requests.length = 0;
});

function sectionsOf(id: string): readonly SectionName[] {
  const service = CDS_SERVICES.find((s) => s.definition.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return service.sections;
}

function fhirAccess(fhirServer: string, patientId: string): Record<string, unknown> {
  return { fhirServer, fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'chartbrief', patient: patientId } };
}

/** An order request for Ali, prefetching the hook's declared sections except `omit`. */
function aliOrderRequest(hook: (typeof ORDER_HOOKS)[number], omit: SectionName[] = []): Record<string, unknown> {
  const all = prefetchFromBundle(aliBundle) as unknown as Record<string, unknown>;
  const prefetch: Record<string, unknown> = {};
  for (const s of sectionsOf(hook)) if (!omit.includes(s)) prefetch[s] = all[s];
  return { ...orderRequest(hook, ali.patientId), prefetch, ...fhirAccess(fhir.baseUrl, ali.patientId) };
}

describe('the declared sections', () => {
  it('are each service\'s discovery prefetch templates, one key per section', async () => {
    const reply = await send(`${svc.baseUrl}/cds-services`);
    const services = (reply.body as { services: { id: string; prefetch: Record<string, string> }[] }).services;
    for (const s of services) {
      const expected = Object.fromEntries(sectionsOf(s.id).map((name) => [name, SECTION_QUERIES[name]]));
      expect(s.prefetch).toEqual(expected);
    }
  });

  it('on order hooks are what the order rules read, and no more', () => {
    for (const hook of ORDER_HOOKS) {
      // Procedures (a delivery ends a pregnancy), social history (pregnancy status) and surveys (smoking) are read.
      expect([...sectionsOf(hook)].sort()).toEqual(['allergies', 'conditions', 'labs', 'medications', 'patient', 'procedures', 'socialHistory', 'surveys', 'vitals']);
    }
    expect([...sectionsOf('patient-view')]).toEqual([...CHART_SECTIONS]);
  });
});

describe.each(ORDER_HOOKS)('%s', (hook) => {
  it('with the full prefetch it asked for, makes no FHIR request', async () => {
    const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, aliOrderRequest(hook));
    expect(reply.status).toBe(200);
    expect(fhir.requests).toEqual([]);
  });

  it('with one section missing from prefetch, reads only that section', async () => {
    const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, aliOrderRequest(hook, ['procedures']));
    expect(reply.status).toBe(200);
    const url = new URL(`${fhir.baseUrl}/${fillSectionQuery('procedures', ali.patientId)}`);
    expect(fhir.requests.map((r) => r.url)).toEqual([`${url.pathname}${url.search}`]);
  });

  it('with no prefetch, never reads immunizations or encounters', async () => {
    const request = { ...orderRequest(hook, ali.patientId), ...fhirAccess(fhir.baseUrl, ali.patientId) };
    delete request['prefetch'];
    const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, request);
    expect(reply.status).toBe(200);
    const types = new Set(fhir.requests.map((r) => new URL(r.url, fhir.origin).pathname.split('/')[2]));
    expect(types.has('Immunization')).toBe(false);
    expect(types.has('Encounter')).toBe(false);
    expect(types.has('Procedure')).toBe(true);
  });
});

describe('wrong patient', () => {
  it('a FHIR server answering the Patient read with another patient is 412 with an OperationOutcome', async () => {
    const server = createServer((req, res) => {
      const body = req.url?.includes('/Patient/') ? testPatient('someone-else') : { resourceType: 'Bundle', type: 'searchset', entry: [] };
      res.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/fhir`;
      const request = { ...orderRequest('order-sign', 'pat-1'), ...fhirAccess(base, 'pat-1') };
      delete request['prefetch'];
      const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, request);
      expect(reply.status).toBe(412);
      expect((reply.body as { resourceType: string }).resourceType).toBe('OperationOutcome');
      expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/another id/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a prefetch Patient of another id stays 400 (the EHR\'s bad request)', async () => {
    const request = orderRequest('order-sign', 'pat-1');
    (request['prefetch'] as Record<string, unknown>)['patient'] = testPatient('someone-else');
    const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, request);
    expect(reply.status).toBe(400);
  });

  describe('an allergy whose patient reference has a base', () => {
    const penicillin = JSON.parse(readFileSync(join(CASES_DIR, 'drug-safety', 'amoxicillin-penicillin-allergy.json'), 'utf8')) as {
      request: { context: { patientId: string }; prefetch: { allergies: { entry: { resource: { patient: { reference: string } } }[] } } & Record<string, unknown> };
    };

    /** The penicillin-allergy case with its allergy's patient referenced as `reference`, and our fhirServer. */
    function withAllergyPatient(reference: (patientId: string) => string): Record<string, unknown> {
      const request = structuredClone(penicillin.request);
      const { patientId } = request.context;
      for (const e of request.prefetch.allergies.entry) e.resource.patient.reference = reference(patientId);
      const prefetch: Record<string, unknown> = {};
      for (const s of sectionsOf('order-sign')) prefetch[s] = request.prefetch[s] ?? null;
      return { ...request, hookInstance: 'f0a3c2f4-5b8e-4a57-9d2e-2c0e2d5c8b11', prefetch, ...fhirAccess(fhir.baseUrl, patientId) };
    }

    it('on the request\'s fhirServer is this patient\'s: the allergy card is shown', async () => {
      const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, withAllergyPatient((id) => `${fhir.baseUrl}/Patient/${id}`));
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).toMatch(/penicillin/i);
      expect(fhir.requests).toEqual([]);
    });

    it('on another EHR, with the same id, is not this patient\'s: no allergy card', async () => {
      const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, withAllergyPatient((id) => `https://other-ehr.example.org/fhir/Patient/${id}`));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ cards: [] });
    });
  });
});
