import { memoryLedger } from '../../src/ledger/memory-ledger';
import type { AuditEvent, CardsShown, Ledger } from '../../src/ledger/ports';
import { writeBehind } from '../../src/ledger/write-behind';
import { ledgerContract } from './ledger-contract';

// Card records and audit rows written in batches behind the hook: one write per batch, every read
// after the writes queued before it, errors given back to each record of the failed batch.

function shown(uuid: string, patientId = 'p1'): CardsShown {
  return {
    at: new Date('2026-11-01T09:00:00Z'),
    service: 'order-select',
    hookInstance: `h-${uuid}`,
    requestId: `r-${uuid}`,
    patientId,
    knowledgeVersion: 'test',
    cards: [{ uuid, ruleId: 'drug-interaction', findingKey: 'ddi:1+2', indicator: 'warning', knowledge: ['row-1'], draftRefs: ['MedicationRequest/d1'] }],
  };
}

function event(requestId: string): AuditEvent {
  return { at: new Date('2026-11-01T09:00:00Z'), kind: 'hook', requestId, status: 200, durationMs: 5, sections: [], cards: [] };
}

/** A memory ledger that counts the batch writes it is given. */
function counting(): { inner: Ledger; batches: number[]; auditBatches: number[] } {
  const inner = memoryLedger();
  const batches: number[] = [];
  const auditBatches: number[] = [];
  const cards = inner.cards;
  const audit = inner.audit;
  return {
    batches,
    auditBatches,
    inner: {
      ...inner,
      cards: {
        recordCards: (s) => cards.recordCards(s),
        recordCardsBatch: async (items) => {
          batches.push(items.length);
          for (const s of items) await cards.recordCards(s);
        },
      },
      audit: {
        ...audit,
        record: (e) => audit.record(e),
        recordBatch: async (items) => {
          auditBatches.push(items.length);
          for (const e of items) await audit.record(e);
        },
      },
    },
  };
}

ledgerContract(() => Promise.resolve(writeBehind(memoryLedger())));

it('writes the cards of several hook calls in one batch, after a short delay', async () => {
  const { inner, batches } = counting();
  const ledger = writeBehind(inner, { delayMs: 5 });
  await Promise.all([ledger.cards.recordCards(shown('c1')), ledger.cards.recordCards(shown('c2')), ledger.cards.recordCards(shown('c3'))]);
  expect(batches).toEqual([3]);
});

it('writes at once when a batch is full', async () => {
  const { inner, batches } = counting();
  const ledger = writeBehind(inner, { delayMs: 60_000, maxBatch: 2 });
  await Promise.all([ledger.cards.recordCards(shown('c1')), ledger.cards.recordCards(shown('c2'))]);
  expect(batches).toEqual([2]);
});

it('writes what is queued before any read, so a process reads its own records', async () => {
  const { inner, batches } = counting();
  const ledger = writeBehind(inner, { delayMs: 60_000 });
  void ledger.cards.recordCards(shown('c1', 'p9'));
  await ledger.feedback.record({ serviceId: 'order-select', card: 'c1', outcome: 'overridden', outcomeTimestamp: '2026-11-01T09:01:00Z', overrideReason: { reason: { code: 'will-monitor', display: 'Will monitor' } } });
  const overrides = await ledger.overrides.overridesFor('p9', new Date('2026-10-01T00:00:00Z'));
  expect(batches).toEqual([1]);
  expect(overrides.map((o) => o.findingKey)).toEqual(['ddi:1+2']);
});

it('writes queued audit rows on flush (a graceful stop) and before a purge', async () => {
  const { inner, auditBatches } = counting();
  const ledger = writeBehind(inner, { delayMs: 60_000 });
  void ledger.audit.record(event('r1'));
  void ledger.audit.record(event('r2'));
  await ledger.flush();
  expect(auditBatches).toEqual([2]);
  void ledger.audit.record(event('r3'));
  await ledger.audit.purge(new Date('2000-01-01T00:00:00Z'));
  expect(auditBatches).toEqual([2, 1]);
});

it('gives a failed batch\'s error to each of its records, and goes on with the next batch', async () => {
  const inner = memoryLedger();
  let fail = true;
  const ledger = writeBehind(
    {
      ...inner,
      cards: {
        recordCards: (s) => inner.cards.recordCards(s),
        recordCardsBatch: async (items) => {
          if (fail) throw new Error('store down');
          for (const s of items) await inner.cards.recordCards(s);
        },
      },
    },
    { delayMs: 1 },
  );
  const results = await Promise.allSettled([ledger.cards.recordCards(shown('c1')), ledger.cards.recordCards(shown('c2'))]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  fail = false;
  await expect(ledger.cards.recordCards(shown('c3'))).resolves.toBeUndefined();
});
