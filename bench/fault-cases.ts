// `npm run bench`'s fault cases (issue 11 §2): a patient-view call with no prefetch against a FHIR
// server that misbehaves (test/support/fault-fhir-server.ts, started here on loopback), timed from
// outside. Prints the answer time and whether it is within HOOK_DEADLINE_MS + 200 ms; asserts nothing.
import { performance } from 'node:perf_hooks';
import type { FaultFhirOptions } from '../test/support/fault-fhir-server';
import { startFaultFhirServer } from '../test/support/fault-fhir-server';

const PATIENT_ID = 'bench-fault-patient';
/** Each case is called this many times; the slowest answer is printed. */
const CALLS = 3;
/** Lab pages come slower than this service can wait for all of them, and always link one more. */
const DRIP_MS = 1000;

interface FaultCase {
  name: string;
  server: Omit<FaultFhirOptions, 'patientId'>;
}

const CASES: FaultCase[] = [
  { name: `lab pages drip (one every ${DRIP_MS} ms, next link forever)`, server: { dripLabsMs: DRIP_MS } },
  { name: 'Medication reads never answer', server: { hangMedications: true } },
];

function hookBody(fhirServer: string): string {
  return JSON.stringify({
    hook: 'patient-view',
    hookInstance: 'bench-fault-0001',
    context: { userId: 'Practitioner/bench', patientId: PATIENT_ID },
    fhirServer,
    fhirAuthorization: { access_token: 'bench-fault-token', token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'chartbrief', patient: PATIENT_ID },
  });
}

/** What the brief card says was cut short or missing ("Labs incomplete: …"), or the status when there is no card. */
function whatWasMissing(status: number, body: unknown): string {
  const cards = (body as { cards?: { detail?: string }[] } | undefined)?.cards ?? [];
  const lines = cards.flatMap((c) => (c.detail ?? '').split('\n')).flatMap((l) => /\b(?:Labs|Medications) (?:incomplete|unavailable): [^[\n]*/.exec(l)?.[0].trim() ?? []);
  return lines.length > 0 ? lines.join(' / ') : `HTTP ${status}, nothing stated`;
}

async function timeCase(url: string, c: FaultCase): Promise<{ status: number; slowestMs: number; said: string }> {
  const fhir = await startFaultFhirServer({ patientId: PATIENT_ID, ...c.server });
  try {
    let slowestMs = 0;
    let status = 0;
    let said = '';
    for (let i = 0; i < CALLS; i++) {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hookBody(fhir.baseUrl) });
      const body: unknown = await res.json();
      slowestMs = Math.max(slowestMs, performance.now() - started);
      status = res.status;
      said = whatWasMissing(res.status, body);
    }
    return { status, slowestMs, said };
  } finally {
    await fhir.close();
  }
}

/** Runs the fault cases against the service at `baseUrl` and returns the lines to print. */
export async function faultCaseReport(baseUrl: string, env: NodeJS.ProcessEnv): Promise<string> {
  const deadlineMs = Number(env['HOOK_DEADLINE_MS'] ?? 3000);
  const timeoutMs = Number(env['FHIR_TIMEOUT_MS'] ?? 4000);
  const rows: string[][] = [];
  for (const c of CASES) {
    const r = await timeCase(`${baseUrl}/cds-services/patient-view`, c);
    rows.push([c.name, String(r.status), r.slowestMs.toFixed(0), r.slowestMs <= deadlineMs + 200 ? 'yes' : 'NO', r.said]);
  }
  const header = ['fault case', 'status', `answer ms (slowest of ${CALLS})`, `<= ${deadlineMs + 200} ms`, 'what the brief says'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `\nfault cases: patient-view, no prefetch, HOOK_DEADLINE_MS ${deadlineMs}, FHIR_TIMEOUT_MS ${timeoutMs} (printed, not asserted)\n${line(header)}\n${rows.map(line).join('\n')}\n`;
}
