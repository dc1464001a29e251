import type { RunningFhirServer } from '../support/fhir-server';
import { startFhirServer } from '../support/fhir-server';
import { PID, condition, patient } from './chart-test-data';

// The loopback FHIR server the chart tests rely on answers as an EHR's would (test/support/fhir-server.ts).

const TOKEN = 'server-test-token';
let fhir: RunningFhirServer;
beforeAll(async () => {
  fhir = await startFhirServer({
    token: TOKEN,
    resources: [
      patient(),
      ...['a', 'b', 'c'].map((id) => condition(id)),
      condition('other', 'Patient/someone-else'),
      { resourceType: 'Medication', id: 'm1', code: { text: 'Warfarin' } },
      { resourceType: 'MedicationRequest', id: 'rx1', status: 'active', intent: 'order', subject: { reference: `Patient/${PID}` }, medicationReference: { reference: 'Medication/m1' } },
    ],
  });
});
afterAll(() => fhir.close());

async function get(path: string, token: string | null = TOKEN): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${fhir.baseUrl}/${path}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const ids = (bundle: Record<string, unknown>): string[] => ((bundle['entry'] ?? []) as { resource: { id: string } }[]).map((e) => e.resource.id);

it('refuses requests without the token (401) and still records them', async () => {
  expect((await get('Patient/pat-1', null)).status).toBe(401);
  expect((await get('Patient/pat-1', 'wrong')).status).toBe(401);
  expect(fhir.requests.slice(-2).map((r) => r.authorization)).toEqual([undefined, 'Bearer wrong']);
});

it('serves a CapabilityStatement at /metadata', async () => {
  expect(await get('metadata')).toMatchObject({ status: 200, body: { resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' } });
});

it('reads a bare patient=<id> as Patient/<id>, and only that patient', async () => {
  const bare = await get(`Condition?patient=${PID}`);
  expect(ids(bare.body).sort()).toEqual(['a', 'b', 'c']);
  expect(ids((await get(`Condition?patient=Patient/${PID}`)).body).sort()).toEqual(['a', 'b', 'c']);
});

it('pages with _count and links the next page until the last', async () => {
  const first = await get(`Condition?patient=${PID}&_count=2`);
  expect(first.body).toMatchObject({ type: 'searchset', total: 3 });
  const next = (first.body['link'] as { relation: string; url: string }[]).find((l) => l.relation === 'next')?.url ?? '';
  expect(next.startsWith(fhir.baseUrl)).toBe(true);
  const second = await get(next.slice(fhir.baseUrl.length + 1));
  expect([...ids(first.body), ...ids(second.body)].sort()).toEqual(['a', 'b', 'c']);
  expect((second.body['link'] as { relation: string }[]).map((l) => l.relation)).toEqual(['self']);
});

it('includes referenced Medications for _include=MedicationRequest:medication', async () => {
  const { body } = await get(`MedicationRequest?patient=${PID}&_include=MedicationRequest:medication`);
  expect(body['entry']).toEqual([
    expect.objectContaining({ resource: expect.objectContaining({ id: 'rx1' }) as unknown, search: { mode: 'match' } }),
    expect.objectContaining({ resource: expect.objectContaining({ id: 'm1' }) as unknown, search: { mode: 'include' } }),
  ]);
});

it('keeps the ids it was given and answers 404 for unknown ones', async () => {
  expect(await get('Patient/pat-1')).toMatchObject({ status: 200, body: { id: 'pat-1' } });
  expect((await get('Patient/nobody')).status).toBe(404);
});

it('injects faults per resource type', async () => {
  fhir.setFault('Condition', { status: 503 });
  expect((await get(`Condition?patient=${PID}`)).status).toBe(503);
  fhir.setFault('Condition', undefined);
  expect((await get(`Condition?patient=${PID}`)).status).toBe(200);
});
