import type { AlertReport } from '../../src/ledger/alert-analytics';
import type { CardsShown, FeedbackEntry, Ledger, ShownCard } from '../../src/ledger/ports';

// A worked example of the alert analytics, shared by the memory and SQL ledger tests: cards of three
// rules (and a brief card) shown over three days of a week, feedback on them (one card decided
// twice, one overridden without a reason code, feedback that arrives before its card), and cards
// just outside the window.

export const WINDOW = { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-11-08T00:00:00Z') };

const BLEEDING = 'mech:bleeding:warfarin-nsaid';
const QT = 'mech:qt:two-qt-drugs';
const BEERS = 'beers/benzodiazepines';

function card(uuid: string, ruleId: string | undefined, knowledge: string[]): ShownCard {
  return { uuid, ...(ruleId !== undefined && { ruleId, findingKey: `${ruleId}:${uuid}` }), indicator: ruleId === undefined ? 'info' : 'warning', knowledge, draftRefs: [] };
}

function shown(at: string, cards: ShownCard[]): CardsShown {
  return { at: new Date(at), service: 'order-sign', hookInstance: `hook-${at}`, requestId: `req-${at}`, patientId: 'pat-1', userId: 'Practitioner/dr-1', knowledgeVersion: 'kv-1', cards };
}

/** c2's card is recorded last (`LATE_CARD`): its feedback is there before it. */
export const EARLY_CALLS: CardsShown[] = [
  shown('2026-11-01T09:00:00Z', [card('c1', 'drug-interaction', [BLEEDING]), card('brief-1', undefined, []), card('b1', 'beers-criteria', [BEERS])]),
  shown('2026-11-02T09:00:00Z', [card('c3', 'drug-interaction', [QT]), card('c4', 'drug-interaction', [BLEEDING, QT]), card('b2', 'beers-criteria', [BEERS])]),
  shown('2026-11-03T09:00:00Z', [card('c5', 'drug-interaction', [QT]), card('c6', 'drug-interaction', [BLEEDING]), card('b3', 'beers-criteria', [BEERS]), card('b4', 'beers-criteria', [BEERS]), card('g1', 'care-gaps', ['uspstf/colorectal'])]),
  // Outside the window: just before it, and at its (exclusive) end.
  shown('2026-10-31T23:59:59Z', [card('c7', 'drug-interaction', [BLEEDING])]),
  shown('2026-11-08T00:00:00Z', [card('c8', 'drug-interaction', [BLEEDING])]),
];
export const LATE_CARD: CardsShown = shown('2026-11-01T10:00:00Z', [card('c2', 'drug-interaction', [BLEEDING])]);

function overridden(cardUuid: string, at: string, code?: string, comment?: string): FeedbackEntry {
  const reason = { ...(code !== undefined && { reason: { code, system: 'https://chartbrief.example/override-reasons', display: code.replace('-', ' ') } }), ...(comment !== undefined && { userComment: comment }) };
  return { serviceId: 'order-sign', card: cardUuid, outcome: 'overridden', outcomeTimestamp: at, overrideReason: reason };
}

function accepted(cardUuid: string, at: string): FeedbackEntry {
  return { serviceId: 'order-sign', card: cardUuid, outcome: 'accepted', outcomeTimestamp: at, acceptedSuggestions: [{ id: `${cardUuid}-s1` }] };
}

export const FEEDBACK: FeedbackEntry[] = [
  overridden('c1', '2026-11-01T09:01:00Z', 'will-monitor'),
  overridden('c2', '2026-11-01T10:01:00Z', 'will-monitor', 'INR checked today'),
  accepted('c3', '2026-11-02T09:01:00Z'),
  overridden('c5', '2026-11-03T09:01:00Z', undefined, 'discussed with pharmacy'),
  // Overridden, then a suggestion accepted after all: the latest decides.
  overridden('c6', '2026-11-03T09:01:00Z', 'patient-aware'),
  accepted('c6', '2026-11-03T09:05:00Z'),
  overridden('b1', '2026-11-01T09:02:00Z', 'not-applicable'),
  overridden('b2', '2026-11-02T09:02:00Z', 'not-applicable'),
  overridden('b3', '2026-11-03T09:02:00Z', 'benefit-outweighs-risk'),
  accepted('brief-1', '2026-11-01T09:03:00Z'),
  overridden('c7', '2026-11-01T08:00:00Z', 'will-monitor'),
  overridden('c8', '2026-11-08T00:01:00Z', 'will-monitor'),
];

/** The answer for WINDOW once every card and all feedback are recorded. */
export const EXPECTED: AlertReport = {
  since: '2026-11-01T00:00:00.000Z',
  until: '2026-11-08T00:00:00.000Z',
  rules: [
    {
      ruleId: 'drug-interaction',
      shown: 6,
      accepted: 2,
      overridden: 3,
      ignored: 1,
      overrideRate: 0.6,
      reasons: { 'will-monitor': 2 },
      rows: [
        { knowledgeRow: BLEEDING, shown: 4, accepted: 1, overridden: 2 },
        { knowledgeRow: QT, shown: 3, accepted: 1, overridden: 1 },
      ],
    },
    {
      ruleId: 'beers-criteria',
      shown: 4,
      accepted: 0,
      overridden: 3,
      ignored: 1,
      overrideRate: 1,
      reasons: { 'not-applicable': 2, 'benefit-outweighs-risk': 1 },
      rows: [{ knowledgeRow: BEERS, shown: 4, accepted: 0, overridden: 3 }],
    },
    { ruleId: 'care-gaps', shown: 1, accepted: 0, overridden: 0, ignored: 1, overrideRate: null, reasons: {}, rows: [{ knowledgeRow: 'uspstf/colorectal', shown: 1, accepted: 0, overridden: 0 }] },
  ],
};

/** Records the example in a ledger: feedback first for c2, whose card comes last (call `recordLateCard`). */
export async function recordExample(ledger: Ledger): Promise<void> {
  for (const call of EARLY_CALLS) await ledger.cards.recordCards(call);
  for (const f of FEEDBACK) await ledger.feedback.record(f);
}

export function recordLateCard(ledger: Ledger): Promise<void> {
  return ledger.cards.recordCards(LATE_CARD);
}
