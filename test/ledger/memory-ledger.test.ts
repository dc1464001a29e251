import { memoryLedger } from '../../src/ledger/memory-ledger';
import { ledgerContract } from './ledger-contract';

describe('the in-memory ledger', () => {
  ledgerContract(() => Promise.resolve(memoryLedger()));
});

it('forgets the oldest entries past its bounds', async () => {
  const ledger = memoryLedger({ maxCards: 2, maxFeedback: 2, maxAuditEvents: 2 });
  for (const uuid of ['a', 'b', 'c']) {
    await ledger.cards.recordCards({ at: new Date('2026-11-01T00:00:00Z'), service: 's', hookInstance: 'h', requestId: 'r', patientId: 'p', knowledgeVersion: 'kv', cards: [{ uuid, indicator: 'info', knowledge: [], draftRefs: [] }] });
    await ledger.feedback.record({ serviceId: 's', card: uuid, outcome: 'overridden', outcomeTimestamp: '2026-11-01T00:00:00Z' });
    await ledger.audit.record({ at: new Date('2026-11-01T00:00:00Z'), kind: 'hook', requestId: uuid, status: 200, durationMs: 1, sections: [], cards: [] });
  }
  expect(ledger.cardRecords().map((c) => c.uuid)).toEqual(['b', 'c']);
  expect((await ledger.feedback.list()).map((f) => f.card)).toEqual(['b', 'c']);
  expect(ledger.auditEvents().map((e) => e.requestId)).toEqual(['b', 'c']);
});

it('purges audit events older than a date', async () => {
  const ledger = memoryLedger();
  for (const at of ['2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z']) await ledger.audit.record({ at: new Date(at), kind: 'hook', requestId: at, status: 200, durationMs: 1, sections: [], cards: [] });
  expect(await ledger.audit.purge(new Date('2025-01-01T00:00:00Z'))).toBe(1);
  expect(ledger.auditEvents().map((e) => e.requestId)).toEqual(['2026-01-01T00:00:00Z']);
  expect(await ledger.healthy()).toBe(true);
});
