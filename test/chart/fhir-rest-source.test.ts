import type { Deadline } from '../../src/deadline';
import { loadChart } from '../../src/chart/chart-loader';
import { FhirRestSource } from '../../src/chart/fhir-rest-source';
import type { FhirRestOptions } from '../../src/chart/fhir-rest-source';
import type { FaultFhirServer } from '../support/fault-fhir-server';
import { FAULT_MEDICATIONS, startFaultFhirServer } from '../support/fault-fhir-server';
import { startFhirServer } from '../support/fhir-server';
import { PID, chartOf, sectionOf } from './chart-test-data';

// The FHIR REST adapter's round trips: referenced Medications in one `_id` search (single reads
// when the server refuses it), and no request once the hook's deadline has passed. Real sockets;
// deadlines are objects the test controls, so nothing here depends on the clock.

const TOKEN = 'rest-source-token';
const MED_REFS = FAULT_MEDICATIONS.map((m) => `Medication/${m.id}`);

function source(options: Omit<FhirRestOptions, 'accessToken'>): FhirRestSource {
  const created = FhirRestSource.create({ accessToken: TOKEN, ...options });
  if (!created.ok) throw new Error(created.error.reason);
  return created.value;
}

/** A deadline the test moves: `left` milliseconds remain until the test sets it to 0. */
function controlledDeadline(): Deadline & { left: number } {
  const d = { left: 60_000, remainingMs: () => d.left };
  return d;
}

const servers: FaultFhirServer[] = [];
async function faultServer(options: Omit<Parameters<typeof startFaultFhirServer>[0], 'patientId'>): Promise<FaultFhirServer> {
  const s = await startFaultFhirServer({ patientId: PID, ...options });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('reading referenced Medications', () => {
  it('asks for all of them in one Medication?_id= search (a real FHIR server)', async () => {
    const fhir = await startFhirServer({ token: TOKEN, resources: [...FAULT_MEDICATIONS] });
    try {
      const reads = await source({ fhirServer: fhir.baseUrl }).readMedications([...MED_REFS, `${fhir.baseUrl}/Medication/med-warfarin`]);
      expect(fhir.requests.map((r) => r.url)).toEqual(['/fhir/Medication?_id=med-warfarin,med-ibuprofen']);
      expect(reads.unread).toBe(0);
      expect(reads.resources.map((r) => (r as { id: string }).id).sort()).toEqual(['med-ibuprofen', 'med-warfarin']);
    } finally {
      await fhir.close();
    }
  });

  it('reads them one by one when the server refuses the search', async () => {
    const fhir = await faultServer({ refuseMedicationSearch: true });
    const reads = await source({ fhirServer: fhir.baseUrl }).readMedications(MED_REFS);
    expect(fhir.requests[0]).toBe('/fhir/Medication?_id=med-warfarin,med-ibuprofen');
    expect([...fhir.requests.slice(1)].sort()).toEqual(['/fhir/Medication/med-ibuprofen', '/fhir/Medication/med-warfarin']);
    expect(reads.unread).toBe(0);
    expect(reads.resources).toHaveLength(2);
  });

  it('reads one by one the ids the search did not return, and counts those not found', async () => {
    const fhir = await faultServer({});
    const reads = await source({ fhirServer: fhir.baseUrl }).readMedications([...MED_REFS, 'Medication/med-gone']);
    expect(fhir.requests).toEqual(['/fhir/Medication?_id=med-warfarin,med-ibuprofen,med-gone', '/fhir/Medication/med-gone']);
    expect(reads).toMatchObject({ unread: 1, reason: 'FHIR server answered 404' });
    expect(reads.resources).toHaveLength(2);
  });

  it('keeps to maxMedicationReads and to the FHIR server, and says what was left unread', async () => {
    const fhir = await faultServer({});
    const reads = await source({ fhirServer: fhir.baseUrl, limits: { maxMedicationReads: 1 } }).readMedications([...MED_REFS, 'https://elsewhere.example.org/fhir/Medication/x']);
    expect(fhir.requests).toEqual(['/fhir/Medication/med-warfarin']);
    expect(reads).toMatchObject({ unread: 2, reason: 'more than 1 Medications referenced' });
  });

  it('a search that times out is not followed by single reads', async () => {
    const fhir = await faultServer({ hangMedications: true });
    const reads = await source({ fhirServer: fhir.baseUrl, limits: { timeoutMs: 200 } }).readMedications(MED_REFS);
    expect(fhir.requests).toEqual(['/fhir/Medication?_id=med-warfarin,med-ibuprofen']);
    expect(reads).toEqual({ resources: [], unread: 2, reason: 'FHIR server timed out' });
  });
});

describe('the hook deadline', () => {
  it('once passed, no request is sent: the section fails saying so', async () => {
    const fhir = await faultServer({});
    const rest = source({ fhirServer: fhir.baseUrl, deadline: { remainingMs: () => 0 } });
    expect(await rest.fetchSection('conditions', PID)).toEqual({ ok: false, error: { kind: 'timeout', reason: 'hook deadline reached before the FHIR request' } });
    expect(await rest.readMedications(MED_REFS)).toMatchObject({ resources: [], unread: 2, reason: 'hook deadline reached before the FHIR request' });
    expect(fhir.requests).toEqual([]);
    expect(rest.counters).toEqual({ requests: 0, errors: 2 });
  });

  it('stops a page loop as soon as it has passed, keeping the pages read and marking the section truncated', async () => {
    const deadline = controlledDeadline();
    const fhir = await faultServer({ dripLabsMs: 0, onRequest: () => void (deadline.left = 0) });
    const result = await source({ fhirServer: fhir.baseUrl, deadline }).fetchSection('labs', PID);
    expect(result).toMatchObject({ ok: true, value: { truncated: true, reason: 'hook deadline reached after page 1' } });
    expect(result.ok && result.value.documents).toHaveLength(1);
    expect(fhir.requests).toHaveLength(1);
  });

  it('cuts a wait short: a request outliving the deadline fails naming the deadline, not the server', async () => {
    const fhir = await faultServer({ hangPatient: true });
    const rest = source({ fhirServer: fhir.baseUrl, deadline: { remainingMs: () => 100 }, limits: { timeoutMs: 60_000 } });
    expect(await rest.fetchSection('patient', PID)).toEqual({ ok: false, error: { kind: 'timeout', reason: 'hook deadline reached before the FHIR server answered' } });
  });
});

describe('a chart whose Medications cannot be read', () => {
  it('marks the medications section truncated with how many and why', async () => {
    const fhir = await faultServer({ hangMedications: true });
    const loaded = chartOf(await loadChart({ patientId: PID, fhirServer: fhir.baseUrl, accessToken: TOKEN, limits: { timeoutMs: 300 } }));
    expect(sectionOf(loaded, 'medications')).toEqual({
      section: 'medications',
      state: 'complete',
      source: 'fhir',
      truncated: true,
      reason: '2 referenced Medications could not be read: FHIR server timed out',
    });
    expect(loaded.chart.medications.map((m) => m.resolved)).toEqual([false, false]);
  });

  it('leaves the section whole when every one is read', async () => {
    const fhir = await faultServer({});
    const loaded = chartOf(await loadChart({ patientId: PID, fhirServer: fhir.baseUrl, accessToken: TOKEN }));
    expect(sectionOf(loaded, 'medications')).toEqual({ section: 'medications', state: 'complete', source: 'fhir' });
    expect(loaded.chart.medications.map((m) => m.display).sort()).toEqual(['Ibuprofen 200 MG Oral Tablet', 'Warfarin Sodium 5 MG Oral Tablet']);
  });
});
