import { memoryLedger } from '../../src/ledger/memory-ledger';
import { postJson } from '../support/http';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// Alert fatigue, learnt from feedback (issue 12 §4), over HTTP with the in-memory ledger: an
// override given at order-select is honoured at order-sign for the same draft, and one given on
// chart open for 30 days, until the fact behind the card gets worse. No critical is ever downgraded.

interface Card {
  uuid: string;
  summary: string;
  detail: string;
  indicator: 'info' | 'warning' | 'critical';
}

type Request = ReturnType<typeof caseRequest>;

const DAY_MS = 86_400_000;
const WILL_MONITOR = { system: 'https://chartbrief.example.org/fhir/CodeSystem/override-reason', code: 'will-monitor', display: 'Will monitor' };

let clock = new Date('2026-06-01T09:00:00Z');
const ledger = memoryLedger();
let svc: RunningService;

beforeAll(async () => {
  svc = await startService({ now: () => clock, ledger });
});
afterAll(() => svc.close());

function caseNamed(name: string): Request {
  const found = loadRuleCases().find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return structuredClone(caseRequest(found));
}

/** The same request at another order hook (order-select names the draft it selected). */
function atHook(request: Request, hook: 'order-select' | 'order-sign', draft: string): Request {
  const context = { ...request.context };
  if (hook === 'order-select') context['selections'] = [draft];
  else delete context['selections'];
  return { ...request, hook, hookInstance: `${hook}-${clock.getTime()}`, context };
}

/** The request with its one draft order under another id (another draft of the same drug). */
function withDraftId(request: Request, id: string): Request {
  const entry = (request.context['draftOrders'] as { entry: Array<{ resource: { id: string } }> }).entry[0];
  if (!entry) throw new Error('no draft order');
  entry.resource.id = id;
  return request;
}

async function cards(request: Request): Promise<Card[]> {
  const reply = await postJson(`${svc.baseUrl}/cds-services/${request.hook}`, request);
  expect(reply.status).toBe(200);
  return (reply.body as { cards: Card[] }).cards;
}

async function overrideCard(service: string, card: Card, comment?: string, at = new Date(clock.getTime() + 60_000)): Promise<void> {
  const reply = await postJson(`${svc.baseUrl}/cds-services/${service}/feedback`, {
    feedback: [{ card: card.uuid, outcome: 'overridden', overrideReason: { reason: WILL_MONITOR, ...(comment !== undefined && { userComment: comment }) }, outcomeTimestamp: at.toISOString() }],
  });
  expect(reply.status).toBe(200);
}

function only(list: Card[], match: (c: Card) => boolean): Card {
  const found = list.filter(match);
  expect(found).toHaveLength(1);
  return found[0] as Card;
}

const warfarinNsaid = (c: Card): boolean => /warfarin/i.test(c.summary) && /ketorolac/i.test(c.summary);

describe('order-select, then order-sign for the same draft', () => {
  const draft = 'MedicationRequest/ketorolac-draft-order-sign';
  const base = (): Request => caseNamed('drug-safety/pddi-warfarin-nsaids-order-sign-no-coordination');

  it('keeps a critical warfarin + NSAID card critical, now with "acknowledged DATE: REASON"', async () => {
    clock = new Date('2020-04-01T09:00:00Z');
    const selected = only(await cards(atHook(base(), 'order-select', draft)), warfarinNsaid);
    expect(selected.indicator).toBe('critical');
    expect(selected.detail).not.toContain('acknowledged');
    await overrideCard('order-select', selected, 'INR check on Friday');
    clock = new Date(clock.getTime() + 5 * 60_000);
    const signed = only(await cards(atHook(base(), 'order-sign', draft)), warfarinNsaid);
    expect(signed.indicator).toBe('critical');
    expect(signed.detail.split('\n')[0]).toBe('**acknowledged 2020-04-01: Will monitor: INR check on Friday**');
    expect(signed.summary.length).toBeLessThan(140);
  });

  it('gives another draft of the same drugs its card unacknowledged', async () => {
    const signed = only(await cards(atHook(withDraftId(base(), 'ketorolac-draft-2'), 'order-sign', 'MedicationRequest/ketorolac-draft-2')), warfarinNsaid);
    expect(signed.indicator).toBe('critical');
    expect(signed.detail).not.toContain('acknowledged');
  });
});

describe('a warning overridden at order-select', () => {
  const draft = 'MedicationRequest/dph-draft';
  const base = (): Request => caseNamed('clinical-state/80-year-old-diphenhydramine-draft');
  const beers = (c: Card): boolean => /diphenhydramine/i.test(c.summary);

  it('is info with the acknowledgement at order-sign', async () => {
    clock = new Date('2026-06-01T09:00:00Z');
    const selected = only(await cards(atHook(base(), 'order-select', draft)), beers);
    expect(selected.indicator).toBe('warning');
    await overrideCard('order-select', selected);
    clock = new Date(clock.getTime() + 10 * 60_000);
    const signed = only(await cards(atHook(base(), 'order-sign', draft)), beers);
    expect(signed.indicator).toBe('info');
    expect(signed.detail.split('\n')[0]).toBe('**acknowledged 2026-06-01: Will monitor**');
  });

  it('has no effect on an order-sign already answered when the feedback comes after it', async () => {
    clock = new Date('2026-06-03T09:00:00Z');
    const request = withDraftId(base(), 'dph-draft-2');
    const selected = only(await cards(atHook(request, 'order-select', 'MedicationRequest/dph-draft-2')), beers);
    clock = new Date(clock.getTime() + 60_000);
    const signed = only(await cards(atHook(request, 'order-sign', 'MedicationRequest/dph-draft-2')), beers);
    // The clinician overrides the order-select card only after signing.
    await overrideCard('order-select', selected, undefined, new Date(clock.getTime() + 60_000));
    expect(signed.indicator).toBe('warning');
    expect(signed.detail).not.toContain('acknowledged');
    const recorded = await waitFor(() => ledger.cardRecords().find((r) => r.uuid === signed.uuid));
    expect(recorded.indicator).toBe('warning');
  });
});

describe('patient-view within OVERRIDE_QUIET_DAYS', () => {
  const interaction = (c: Card): boolean => /potassium/i.test(c.summary) && /lisinopril/i.test(c.summary);

  /** Potassium chloride and lisinopril both taken, eGFR values as given (newest last): a standing interaction, a warning below eGFR 60. */
  function chartOpen(egfrs: Array<[string, number]>): Request {
    const request = caseNamed('interactions/potassium-chloride-lisinopril-egfr-25-critical');
    const draftOrders = request.context['draftOrders'] as { entry: Array<{ resource: Record<string, unknown> }> };
    const kcl = { ...draftOrders.entry[0]?.resource, id: 'kcl-1', status: 'active', authoredOn: '2026-01-10' };
    const prefetch = request.prefetch as Record<string, { entry: Array<{ fullUrl?: string; resource: Record<string, unknown> }> }>;
    prefetch['medications']?.entry.push({ resource: kcl });
    const observations = prefetch['observations'];
    const egfr = observations?.entry.find((e) => e.resource['id'] === 'egfr-1')?.resource;
    if (!observations || !egfr) throw new Error('case changed: no egfr-1');
    observations.entry = observations.entry.filter((e) => e.resource['id'] !== 'egfr-1');
    egfrs.forEach(([date, value], i) => observations.entry.push({ resource: { ...egfr, id: `egfr-${i + 1}`, effectiveDateTime: date, valueQuantity: { ...(egfr['valueQuantity'] as object), value } } }));
    // No CKD problem: the eGFR alone sets the severity.
    prefetch['conditions'] = { ...prefetch['conditions'], entry: [] };
    const { draftOrders: _drafts, ...context } = request.context;
    return { ...request, hook: 'patient-view', hookInstance: `pv-${clock.getTime()}`, context: { ...context, patientId: 'pd-kcl-lis-ckd' } };
  }

  it('shows an overridden warning as info with the acknowledgement, then as a warning again once the eGFR fell', async () => {
    clock = new Date('2026-06-01T12:00:00Z');
    const first = only(await cards(chartOpen([['2026-05-26', 45]])), interaction);
    expect(first.indicator).toBe('warning');
    await overrideCard('patient-view', first, 'on it for years');

    clock = new Date(clock.getTime() + 10 * DAY_MS);
    const quiet = only(await cards(chartOpen([['2026-05-26', 45]])), interaction);
    expect(quiet.indicator).toBe('info');
    expect(quiet.detail.split('\n')[0]).toBe('**acknowledged 2026-06-01: Will monitor: on it for years**');

    // A newer result, as good or better, does not bring it back; a lower one does.
    expect(only(await cards(chartOpen([['2026-05-26', 45], ['2026-06-08', 47]])), interaction).indicator).toBe('info');
    const worse = only(await cards(chartOpen([['2026-05-26', 45], ['2026-06-08', 38]])), interaction);
    expect(worse.indicator).toBe('warning');
    expect(worse.detail).not.toContain('acknowledged');

    // And after 30 days the override no longer quiets it.
    clock = new Date('2026-07-02T12:00:00Z');
    expect(only(await cards(chartOpen([['2026-05-26', 45]])), interaction).indicator).toBe('warning');
  });
});

describe('when the override history cannot be read', () => {
  const draft = 'MedicationRequest/dph-draft';
  const beers = (c: Card): boolean => /diphenhydramine/i.test(c.summary);

  it.each([
    ['fails', 'failed', () => Promise.reject(new Error('connection to server failed while reading patient cs-elder-dph'))],
    ['never answers', 'late', () => new Promise<never>(() => undefined)],
  ] as const)('the hook still answers, unquieted, when the store %s, and the log names no patient', async (_how, why, overridesFor) => {
    const other = await startService({ now: () => clock, ledger: { ...memoryLedger(), overrides: { overridesFor } } });
    try {
      const request = atHook(caseNamed('clinical-state/80-year-old-diphenhydramine-draft'), 'order-sign', draft);
      const reply = await postJson(`${other.baseUrl}/cds-services/order-sign`, request);
      expect(reply.status).toBe(200);
      expect(only((reply.body as { cards: Card[] }).cards, beers).indicator).toBe('warning');
      const line = other.logs.find((l) => l.includes('override history unavailable'));
      expect(line).toBeDefined();
      expect(JSON.parse(line ?? '{}')).toMatchObject({ level: 40, why });
      expect(other.logs.join('\n')).not.toContain('cs-elder-dph');
    } finally {
      await other.close();
    }
  });
});

/** Polls until `read` gives something (writes land after the answer); the test's own timeout bounds it. */
async function waitFor<T>(read: () => T | undefined): Promise<T> {
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
