import { outcomeIssues, postJson, send } from '../support/http';
import { orderRequest, patientViewRequest, testPatient } from '../support/hook-requests';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// The bad-input matrix of CDS Hooks calls: each gets its precise 4xx (or, where the garbage is
// recoverable, a correct 200) and the process keeps serving.

const LIMIT = 64 * 1024;
let svc: RunningService;
let url: string;

beforeAll(async () => {
  svc = await startService({ env: { MAX_BODY_BYTES: String(LIMIT), FHIR_TIMEOUT_MS: '300' } });
  url = `${svc.baseUrl}/cds-services/patient-view`;
});
afterAll(() => svc.close());

afterEach(async () => {
  // Whatever the last call did, the service still answers.
  expect((await send(`${svc.baseUrl}/healthz`)).status).toBe(200);
});

function withPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function expectFieldNamed(reply: { status: number; body: unknown }, status: number, field: string): void {
  expect(reply.status).toBe(status);
  const issues = outcomeIssues(reply.body);
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.some((i) => i.expression.includes(field) || i.diagnostics.startsWith(`${field}:`))).toBe(true);
}

describe('transport errors', () => {
  it('answers invalid JSON with 400 and an OperationOutcome', async () => {
    const reply = await postJson(url, '{"hook": "patient-view",');
    expect(reply.status).toBe(400);
    expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/not valid JSON/);
  });

  it('answers a JSON array or a bare string with 400', async () => {
    expect((await postJson(url, '[1,2]')).status).toBe(400);
    expect((await postJson(url, '"patient-view"')).status).toBe(400);
  });

  it('answers a non-JSON content type with 415', async () => {
    const reply = await send(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(patientViewRequest()) });
    expect(reply.status).toBe(415);
    expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/application\/json/);
  });

  it('answers a body over MAX_BODY_BYTES with 413', async () => {
    const big = patientViewRequest('pat-1', { padding: 'x'.repeat(LIMIT + 10) });
    const reply = await postJson(url, big);
    expect(reply.status).toBe(413);
    expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(String(LIMIT));
  });

  it('answers an unknown service with 404', async () => {
    const reply = await postJson(`${svc.baseUrl}/cds-services/no-such-service`, patientViewRequest());
    expect(reply.status).toBe(404);
    expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/no-such-service/);
  });

  it('answers an unknown route with a JSON 404, not an HTML page', async () => {
    const reply = await send(`${svc.baseUrl}/nowhere`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toMatch(/json/);
  });
});

describe('request shape errors name the field', () => {
  it.each([
    ['hook', ['hook']],
    ['hookInstance', ['hookInstance']],
    ['context', ['context']],
    ['context.patientId', ['context', 'patientId']],
  ])('a missing %s is 400', async (field, path) => {
    expectFieldNamed(await postJson(url, withPath(patientViewRequest(), path, undefined)), 400, field);
  });

  it.each([
    ['hook', ['hook'], 42],
    ['hookInstance', ['hookInstance'], { id: 1 }],
    ['fhirServer', ['fhirServer'], 'not a url'],
    ['fhirServer', ['fhirServer'], 'ftp://ehr.example.org/fhir'],
    ['context', ['context'], 'patient'],
    ['context.patientId', ['context', 'patientId'], 1288992],
    ['context.patientId', ['context', 'patientId'], ''],
    ['context.userId', ['context', 'userId'], ['Practitioner/1']],
    ['prefetch', ['prefetch'], ['Patient/1']],
    ['fhirAuthorization', ['fhirAuthorization'], 'Bearer abc'],
  ])('a wrong type in %s is 400', async (field, path, value) => {
    expectFieldNamed(await postJson(url, withPath(patientViewRequest(), path, value)), 400, field);
  });

  it('a fhirAuthorization without fhirServer is 400 naming fhirServer', async () => {
    const request = patientViewRequest('pat-1', { fhirAuthorization: { access_token: 'abc', token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'cds' } });
    expectFieldNamed(await postJson(url, request), 400, 'fhirServer');
  });

  it('a fhirAuthorization with an empty access_token is 400 naming it', async () => {
    const request = patientViewRequest('pat-1', { fhirServer: 'https://ehr.example.org/fhir', fhirAuthorization: { access_token: '', token_type: 'Bearer' } });
    expectFieldNamed(await postJson(url, request), 400, 'fhirAuthorization.access_token');
  });

  it('a hook sent to the service of another hook is 400 naming hook', async () => {
    expectFieldNamed(await postJson(`${svc.baseUrl}/cds-services/order-sign`, patientViewRequest()), 400, 'hook');
  });

  it.each(['order-select', 'order-sign'] as const)('%s with draftOrders that are not a Bundle is 400 naming context.draftOrders', async (hook) => {
    const request = orderRequest(hook);
    const notBundle = withPath(request, ['context', 'draftOrders'], { resourceType: 'MedicationRequest', id: 'x', status: 'draft' });
    expectFieldNamed(await postJson(`${svc.baseUrl}/cds-services/${hook}`, notBundle), 400, 'context.draftOrders');
    const missing = withPath(request, ['context', 'draftOrders'], undefined);
    expectFieldNamed(await postJson(`${svc.baseUrl}/cds-services/${hook}`, missing), 400, 'context.draftOrders');
  });

  it('a fhirAuthorization.patient other than context.patientId is 400', async () => {
    const request = patientViewRequest('pat-1', { fhirServer: 'http://127.0.0.1:9/fhir', fhirAuthorization: { access_token: 'abc', token_type: 'Bearer', patient: 'someone-else' } });
    expectFieldNamed(await postJson(url, request), 400, 'fhirAuthorization.patient');
  });
});

describe('wrong-patient data is never summarized', () => {
  it('a prefetch Patient with another id than context.patientId is refused with 400 naming prefetch.patient', async () => {
    const request = patientViewRequest('pat-1');
    (request['prefetch'] as Record<string, unknown>)['patient'] = testPatient('pat-2');
    const reply = await postJson(url, request);
    expectFieldNamed(reply, 400, 'prefetch.patient');
    expect(reply.text).not.toMatch(/Testperson/);
  });

  it('resources about another patient inside a prefetch Bundle are ignored, and the rest is summarized', async () => {
    const request = patientViewRequest('pat-1');
    const condition = (id: string, patient: string, text: string): Record<string, unknown> => ({
      resourceType: 'Condition', id, subject: { reference: `Patient/${patient}` }, code: { text },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    });
    (request['prefetch'] as Record<string, unknown>)['conditions'] = {
      resourceType: 'Bundle', type: 'searchset',
      entry: [{ resource: condition('c-mine', 'pat-1', 'Essential hypertension') }, { resource: condition('c-theirs', 'pat-2', 'Pulmonary tuberculosis') }],
    };
    const reply = await postJson(url, request);
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/Condition\/c-mine/);
    expect(reply.text).not.toMatch(/c-theirs|tuberculosis/i);
  });
});

describe('recoverable garbage gets a correct 200', () => {
  it('skips malformed, untyped and wrong-type prefetch entries and summarizes the good ones', async () => {
    const request = patientViewRequest('pat-1');
    const prefetch = request['prefetch'] as Record<string, unknown>;
    prefetch['conditions'] = {
      resourceType: 'Bundle', type: 'searchset',
      entry: [
        null, 42, 'Condition/1', {}, { resource: null }, { resource: { id: 'no-type' } },
        { resource: { resourceType: 'Condition', id: 'bad-code', subject: { reference: 'Patient/pat-1' }, code: 'diabetes' } },
        { resource: { resourceType: 'Observation', id: 'wrong-section', subject: { reference: 'Patient/pat-1' }, status: 'final', code: { text: 'x' } } },
        { resource: { resourceType: 'Condition', id: 'good', subject: { reference: 'Patient/pat-1' }, code: { text: 'Asthma' }, clinicalStatus: { coding: [{ code: 'active' }] } } },
      ],
    };
    prefetch['medications'] = { resourceType: 'Bundle', type: 'searchset', entry: 'not-an-array' };
    prefetch['labs'] = 'garbage';
    prefetch['vitals'] = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] };
    const reply = await postJson(url, request);
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/Condition\/good/);
    expect(reply.text).not.toMatch(/bad-code|wrong-section/);
  });
});
