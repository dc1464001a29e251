import { orderRequest } from '../support/hook-requests';
import { outcomeIssues, postJson } from '../support/http';
import type { FaultFhirOptions, FaultFhirServer } from '../support/fault-fhir-server';
import { startFaultFhirServer } from '../support/fault-fhir-server';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// One deadline per hook (HOOK_DEADLINE_MS), over real sockets, against FHIR servers that misbehave:
// whatever is not loaded by the deadline is named on the card, and the hook still answers. Nothing
// here asserts on time: only on the status and on what the answer says.

const PID = 'deadline-pat';
const TOKEN = 'deadline-token';
const AS_OF = new Date('2021-06-01T00:00:00Z');

interface Card {
  summary: string;
  detail?: string;
  links?: { type: string }[];
}

let svc: RunningService;
let fhir: FaultFhirServer | undefined;
beforeAll(async () => {
  // Wide margins (a page every second, 2 s per request, 3 s in all) so a loaded CI machine still reads page 1 in time.
  svc = await startService({ env: { HOOK_DEADLINE_MS: '3000', FHIR_TIMEOUT_MS: '2000' }, now: () => AS_OF });
});
afterAll(() => svc.close());
afterEach(async () => {
  await fhir?.close();
  fhir = undefined;
});

async function faultServer(options: Omit<FaultFhirOptions, 'patientId'>): Promise<FaultFhirServer> {
  fhir = await startFaultFhirServer({ patientId: PID, ...options });
  return fhir;
}

/** A hook request with no prefetch: the service reads the whole chart from `fhirServer`. */
function fromServer(body: Record<string, unknown>, fhirServer: string): Record<string, unknown> {
  const { prefetch: _prefetch, ...rest } = body;
  return { ...rest, fhirServer, fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'chartbrief', patient: PID } };
}

function patientView(fhirServer: string): Record<string, unknown> {
  return fromServer({ hook: 'patient-view', hookInstance: 'deadline-1', context: { userId: 'Practitioner/example', patientId: PID } }, fhirServer);
}

async function briefDetail(body: Record<string, unknown>): Promise<string> {
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, body);
  expect(reply.status).toBe(200);
  const brief = (reply.body as { cards: Card[] }).cards.find((c) => c.links?.some((l) => l.type === 'smart'));
  expect(brief?.detail).toBeDefined();
  return brief?.detail ?? '';
}

it('labs dripping in one page at a time, just under the per-request timeout: 200, the brief says the labs are incomplete because of the deadline', async () => {
  const server = await faultServer({ dripLabsMs: 1000 });
  const detail = await briefDetail(patientView(server.baseUrl));
  expect(detail).toMatch(/Labs incomplete: hook deadline reached after page \d/);
  expect(detail).not.toMatch(/Medications (incomplete|unavailable)/);
  // The page read before the deadline is used.
  expect(detail).toMatch(/Creatinine 1( → 1)? mg\/dL/);
  expect(server.requests.filter((u) => u.includes('category=laboratory')).length).toBeGreaterThanOrEqual(2);
});

it('Medication reads that never answer: 200, the brief says which medications could not be read', async () => {
  const server = await faultServer({ hangMedications: true });
  const detail = await briefDetail(patientView(server.baseUrl));
  expect(detail).toMatch(/Medications incomplete: 2 referenced Medications could not be read: (FHIR server timed out|hook deadline reached)/);
  expect(server.requests.filter((u) => u.startsWith('/fhir/Medication?_id='))).toHaveLength(1);
});

// Order hooks checked without part of the chart say so (rule `unchecked-sections`): no card must never
// read as "checked and safe" when the medication list could not be read.
it.each(['order-select', 'order-sign'] as const)('%s with Medication reads that never answer answers 200 and warns that the medication list was not fully checked', async (hook) => {
  const server = await faultServer({ hangMedications: true });
  const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, fromServer(orderRequest(hook, PID), server.baseUrl));
  expect(reply.status).toBe(200);
  const cards = (reply.body as { cards: Array<{ summary: string; indicator: string; detail: string }> }).cards;
  const unchecked = cards.find((c) => c.summary.startsWith('Checked without part of the chart'));
  expect(unchecked?.indicator).toBe('warning');
  expect(unchecked?.detail).toMatch(/Medications incomplete: \d+ referenced Medications? could not be read/);
});

it('a Patient read that never answers, with no prefetch: 412 with an OperationOutcome', async () => {
  const server = await faultServer({ hangPatient: true });
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, patientView(server.baseUrl));
  expect(reply.status).toBe(412);
  expect((reply.body as { resourceType?: string }).resourceType).toBe('OperationOutcome');
  expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/^The patient's record could not be read/);
});
