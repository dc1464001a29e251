import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A misbehaving FHIR server on loopback, a plain node:http server: one small patient whose labs
 * drip in one page at a time with a `next` link forever, whose Medication reads hang, or whose
 * Patient read hangs. Used by the hook-deadline tests and by `npm run bench`'s fault cases.
 * Any bearer token is accepted; every request is recorded (path and query).
 */

export interface FaultFhirOptions {
  patientId: string;
  /** Every lab page (`category=laboratory`) is answered after this long, with a `next` link to one more page. */
  dripLabsMs?: number;
  /** Medication reads and searches never answer. */
  hangMedications?: boolean;
  /** `Medication?_id=` searches answer 400 (single reads still answer). */
  refuseMedicationSearch?: boolean;
  /** The Patient read never answers. */
  hangPatient?: boolean;
  /** Called with each request's path and query as it arrives, before it is answered. */
  onRequest?: (url: string) => void;
}

export interface FaultFhirServer {
  /** `http://127.0.0.1:<port>/fhir` */
  baseUrl: string;
  /** Path and query of every request, in order of arrival. */
  requests: string[];
  close(): Promise<void>;
}

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** The two Medications the MedicationRequests reference (RxNorm SCDs, as in the other chart tests). */
export const FAULT_MEDICATIONS = [
  { resourceType: 'Medication', id: 'med-warfarin', code: { coding: [{ system: RXNORM, code: '855332', display: 'Warfarin Sodium 5 MG Oral Tablet' }] } },
  { resourceType: 'Medication', id: 'med-ibuprofen', code: { coding: [{ system: RXNORM, code: '310965', display: 'Ibuprofen 200 MG Oral Tablet' }] } },
] as const;

function searchset(base: string, url: string, resources: readonly object[], next?: string): object {
  const link = [{ relation: 'self', url: `${base}${url.slice(url.indexOf('/', 1))}` }, ...(next !== undefined ? [{ relation: 'next', url: next }] : [])];
  return { resourceType: 'Bundle', type: 'searchset', link, entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })) };
}

/** One serum creatinine (LOINC 2160-0) per page, each a day older than the page before. */
function labPage(patientId: string, page: number): object {
  const day = new Date(Date.UTC(2021, 4, 31) - page * 86_400_000).toISOString();
  return {
    resourceType: 'Observation',
    id: `lab-${page}`,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: day,
    valueQuantity: { value: 1.0, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
  };
}

function medicationRequest(patientId: string, medication: (typeof FAULT_MEDICATIONS)[number]): object {
  return {
    resourceType: 'MedicationRequest',
    id: `rx-${medication.id}`,
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2021-01-04',
    medicationReference: { reference: `Medication/${medication.id}` },
  };
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
}

/** Starts the server on 127.0.0.1 (any free port). */
export async function startFaultFhirServer(options: FaultFhirOptions): Promise<FaultFhirServer> {
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const pid = options.patientId;
  let base = '';

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '';
    requests.push(url);
    options.onRequest?.(url);
    const parsed = new URL(url, 'http://loopback');
    const path = parsed.pathname.replace(/^\/fhir\/?/, '');
    const params = parsed.searchParams;
    if (path === `Patient/${pid}`) {
      if (!options.hangPatient) send(res, 200, { resourceType: 'Patient', id: pid, gender: 'female', birthDate: '1950-04-02', name: [{ family: 'Testperson', given: ['Ada'] }] });
      return;
    }
    if (path === 'Medication' || path.startsWith('Medication/')) {
      if (options.hangMedications) return;
      if (path === 'Medication' && options.refuseMedicationSearch) {
        return send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'search by _id is not supported' }] });
      }
      const ids = path === 'Medication' ? (params.get('_id') ?? '').split(',') : [path.slice('Medication/'.length)];
      const found = FAULT_MEDICATIONS.filter((m) => ids.includes(m.id));
      if (path === 'Medication') return send(res, 200, searchset(base, url, found));
      return found[0] ? send(res, 200, found[0]) : send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    }
    if (path === 'MedicationRequest') return send(res, 200, searchset(base, url, FAULT_MEDICATIONS.map((m) => medicationRequest(pid, m))));
    if (path === 'Observation' && params.get('category') === 'laboratory' && options.dripLabsMs !== undefined) {
      const page = Number(params.get('page') ?? '1');
      const next = new URLSearchParams(params);
      next.set('page', String(page + 1));
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, 200, searchset(base, url, [labPage(pid, page)], `${base}/Observation?${next.toString()}`));
      }, options.dripLabsMs);
      timers.add(timer);
      return;
    }
    // Every other section: no data.
    send(res, 200, searchset(base, url, []));
  };

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/fhir`;
  return {
    baseUrl: base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
