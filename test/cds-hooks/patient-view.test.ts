import type { Bundle, FhirResource } from 'fhir/r4';
import { citationsOfCard } from '../../src/cards/citations';
import { cardProblems } from '../support/card-rules';
import { bundleRefs } from '../support/chart-builder';
import type { RunningFhirServer } from '../support/fhir-server';
import { closedFhirBase, startFhirServer } from '../support/fhir-server';
import { outcomeIssues, postJson } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';
import { bundleResources, fixturePatient, fixturePatients, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';

// patient-view end to end: the service on a real port, charts from prefetch or from a real
// loopback FHIR server, the brief card checked against the spec's card rules and the chart.

interface Card {
  summary: string;
  detail?: string;
  links?: { url: string; type: string }[];
  extension?: Record<string, unknown>;
}

/** The `Type/id`s a card cites (its markers, resolved through its extension). */
const cited = (card: Card): string[] => citationsOfCard(card).refs;

const TOKEN = 'fhir-access-token-for-tests';
const AS_OF = new Date('2021-06-01T00:00:00Z');
let svc: RunningService;

beforeAll(async () => {
  svc = await startService({ env: { FHIR_TIMEOUT_MS: '1500' }, now: () => AS_OF });
});
afterAll(() => svc.close());

function request(patientId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { hook: 'patient-view', hookInstance: `hi-${patientId}`, context: { userId: 'Practitioner/example', patientId }, ...extra };
}

function fhirAccess(fhirServer: string, patientId: string): Record<string, unknown> {
  return { fhirServer, fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'chartbrief', patient: patientId } };
}

async function briefCard(body: Record<string, unknown>): Promise<Card> {
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, body);
  expect(reply.status).toBe(200);
  expect(cardProblems(reply.body)).toEqual([]);
  // The brief is the card with the smart link to the app; rule cards (alerts, gaps) may sit beside it.
  const briefs = (reply.body as { cards: Card[] }).cards.filter((c) => c.links?.some((l) => l.type === 'smart'));
  expect(briefs).toHaveLength(1);
  return briefs[0] as Card;
}

describe.each(fixturePatients().map((p) => [p.file, p] as const))('%s given as prefetch', (_file, patient) => {
  it('yields a brief card whose every citation resolves to a resource in that patient bundle', async () => {
    const bundle = loadFixtureBundle(patient.file);
    const card = await briefCard(request(patient.patientId, { prefetch: prefetchFromBundle(bundle) }));
    expect(citationsOfCard(card).problems).toEqual([]);
    const citations = cited(card);
    expect(citations.length).toBeGreaterThan(3);
    const refs = bundleRefs(bundle);
    expect(citations.filter((c) => !refs.has(c))).toEqual([]);
    expect(card.summary.length).toBeLessThan(140);
    expect(card.links).toEqual([expect.objectContaining({ type: 'smart', url: `${svc.baseUrl}/launch` })]);
  });
});

describe('the same patient from a real FHIR server, with no prefetch', () => {
  const patient = fixturePatient('Ali_Herman');
  let bundle: Bundle<FhirResource>;
  let fhir: RunningFhirServer;

  beforeAll(async () => {
    bundle = loadFixtureBundle(patient.file);
    fhir = await startFhirServer({ resources: bundleResources(bundle), token: TOKEN });
  });
  afterAll(() => fhir.close());
  beforeEach(() => {
    fhir.requests.length = 0;
  });

  it('yields the same non-empty brief as prefetch, asking one query per section, each with the bearer token', async () => {
    const fromPrefetch = await briefCard(request(patient.patientId, { prefetch: prefetchFromBundle(bundle) }));
    const fromRest = await briefCard(request(patient.patientId, fhirAccess(fhir.baseUrl, patient.patientId)));
    expect(fromRest.detail).toBe(fromPrefetch.detail);
    expect(fromRest.extension).toEqual(fromPrefetch.extension);
    expect(fromRest.summary).toBe(fromPrefetch.summary);
    for (const section of ['Problems', 'Medications', 'Labs']) expect(fromRest.detail).toMatch(new RegExp(`${section}`, 'i'));

    const paths = fhir.requests.map((r) => new URL(r.url, fhir.origin).pathname.replace(/^\/fhir\//, ''));
    expect(paths).toEqual(expect.arrayContaining([`Patient/${patient.patientId}`, 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Observation', 'Immunization', 'Procedure', 'Encounter']));
    const categories = fhir.requests.map((r) => new URL(r.url, fhir.origin).searchParams.get('category')).filter((c) => c !== null);
    expect(categories).toEqual(expect.arrayContaining(['laboratory', 'vital-signs']));
    for (const r of fhir.requests) {
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
      // Every search is scoped to this patient (server-made next links may spell it `Patient/<id>`).
      if (!r.url.includes(`/Patient/${patient.patientId}`)) expect([patient.patientId, `Patient/${patient.patientId}`]).toContain(new URL(r.url, fhir.origin).searchParams.get('patient'));
    }
  });

  it('fetches only the sections the EHR did not prefetch', async () => {
    const prefetch: Record<string, unknown> = { ...prefetchFromBundle(bundle) };
    delete prefetch['labs'];
    await briefCard(request(patient.patientId, { prefetch, ...fhirAccess(fhir.baseUrl, patient.patientId) }));
    const urls = fhir.requests.map((r) => r.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.includes('Observation') && u.includes('category=laboratory'))).toBe(true);
  });

  it('still answers when one section fails, and the brief says what was unavailable', async () => {
    fhir.setFault('MedicationRequest', { status: 500 });
    try {
      const card = await briefCard(request(patient.patientId, fhirAccess(fhir.baseUrl, patient.patientId)));
      expect(card.detail).toMatch(/medications?[^\n]*unavailable|unavailable[^\n]*medications?/i);
      expect(cited(card).some((ref) => ref.startsWith('Condition/'))).toBe(true);
    } finally {
      fhir.setFault('MedicationRequest', undefined);
    }
  });
});

describe('an unreachable FHIR server', () => {
  const patient = fixturePatients()[0];
  if (!patient) throw new Error('no fixture patients');

  it('still gives 200 with what prefetch had, saying which sections were unavailable', async () => {
    const prefetch: Record<string, unknown> = { ...prefetchFromBundle(loadFixtureBundle(patient.file)) };
    delete prefetch['medications'];
    const card = await briefCard(request(patient.patientId, { prefetch, ...fhirAccess(await closedFhirBase(), patient.patientId) }));
    expect(cited(card).some((ref) => ref.startsWith('Condition/'))).toBe(true);
    expect(card.detail).toMatch(/medications?[^\n]*unavailable|unavailable[^\n]*medications?/i);
  });

  it('gives 412 with an OperationOutcome when nothing about the patient can be read', async () => {
    const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, request(patient.patientId, fhirAccess(await closedFhirBase(), patient.patientId)));
    expect(reply.status).toBe(412);
    expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/could not be read/);
  });

  it('gives 412 when there is neither prefetch nor a FHIR server', async () => {
    expect((await postJson(`${svc.baseUrl}/cds-services/patient-view`, request(patient.patientId))).status).toBe(412);
  });
});
