import { briefOptionsFor } from '../../cds-hooks/services/brief-options';
import { citationsOfCard } from '../../src/cards/citations';
import type { Finding } from '../../src/rules/rule';
import { cardProblems } from '../support/card-rules';
import { postJson } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';

// The brief card knows the rule cards beside it in a patient-view response: it states the care
// gaps only when no care-gap card does (rule switched off, or its card cut by the info cap), and
// names the drugs of an interaction card among its first lines.

interface Card {
  summary: string;
  detail?: string;
  source: { label: string };
  links?: { type: string }[];
  extension?: Record<string, unknown>;
}

const AS_OF = new Date('2021-06-01T00:00:00Z');
const clarine = fixturePatient('Clarine_OKeefe');

async function cardsFor(svc: RunningService): Promise<{ brief: Card; others: Card[] }> {
  const body = { hook: 'patient-view', hookInstance: 'hi-ctx', context: { userId: 'Practitioner/example', patientId: clarine.patientId }, prefetch: prefetchFromBundle(loadFixtureBundle(clarine.file)) };
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, body);
  expect(reply.status).toBe(200);
  expect(cardProblems(reply.body)).toEqual([]);
  const cards = (reply.body as { cards: Card[] }).cards;
  const brief = cards.find((c) => c.links?.some((l) => l.type === 'smart'));
  if (!brief) throw new Error('no brief card');
  return { brief, others: cards.filter((c) => c !== brief) };
}

describe('patient-view with every rule on', () => {
  let svc: RunningService;
  beforeAll(async () => {
    svc = await startService({ now: () => AS_OF });
  });
  afterAll(() => svc.close());

  it('leaves the care gaps to the care-gap card, and names both drugs of the interaction card', async () => {
    const { brief, others } = await cardsFor(svc);
    expect(others.some((c) => c.summary.startsWith('Care gaps'))).toBe(true);
    expect(brief.detail).not.toContain('**Care gaps**');
    const interaction = others.find((c) => /digoxin/i.test(c.summary));
    if (!interaction) throw new Error('no interaction card');
    const drugs = citationsOfCard(interaction).refs.filter((ref) => ref.startsWith('MedicationRequest/'));
    expect(drugs.length).toBeGreaterThanOrEqual(2);
    const cited = citationsOfCard(brief).refs;
    expect(drugs.filter((ref) => !cited.includes(ref))).toEqual([]);
    expect(brief.detail).toMatch(/Digoxin/);
    expect(brief.detail).toMatch(/Verapamil/);
  });
});

describe('patient-view with the care-gap rule switched off', () => {
  let svc: RunningService;
  beforeAll(async () => {
    svc = await startService({ env: { RULES_DISABLED: 'care-gap' }, now: () => AS_OF });
  });
  afterAll(() => svc.close());

  it('states the care gaps in the brief, as no card does', async () => {
    const { brief, others } = await cardsFor(svc);
    expect(others.some((c) => c.summary.startsWith('Care gaps'))).toBe(false);
    expect(brief.detail).toContain('**Care gaps**');
  });
});

describe('the brief options of a response', () => {
  const finding = (ruleId: string, evidence: string[]): Finding => ({ ruleId, topic: ruleId, severity: 'info', summary: 's', detail: 'd', evidence, source: { label: 'x' }, knowledge: [] });

  it('omit the care gaps only when a care-gap finding became a card, and list the drugs of interaction findings once', () => {
    const asOf = new Date('2021-06-01T00:00:00Z');
    expect(briefOptionsFor([], asOf)).toEqual({ asOf });
    expect(
      briefOptionsFor(
        [
          finding('care-gap', ['Patient/p', 'MedicationRequest/care']),
          finding('drug-interaction', ['MedicationRequest/dig', 'MedicationRequest/ver', 'Observation/k']),
          finding('drug-interaction', ['MedicationRequest/dig', 'MedicationRequest/war']),
        ],
        asOf,
      ),
    ).toEqual({ asOf, omitSections: ['care-gaps'], interactingOrders: ['MedicationRequest/dig', 'MedicationRequest/ver', 'MedicationRequest/war'] });
  });
});
