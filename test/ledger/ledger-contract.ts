import { alertReport, overrideSeries } from '../../src/ledger/alert-analytics';
import type { Ledger } from '../../src/ledger/ports';
import { EXPECTED, FEEDBACK, recordExample, recordLateCard, WINDOW } from './alert-example';

// What every ledger (memory, PGlite, PostgreSQL) must do, run by each ledger's test on a fresh one.

const report = async (ledger: Ledger) => alertReport(await ledger.analytics.alertTallies(WINDOW.since, WINDOW.until), WINDOW);

export function ledgerContract(fresh: () => Promise<Ledger>): void {
  it('counts the worked example: shown, accepted, overridden, ignored, reasons and knowledge rows per rule', async () => {
    const ledger = await fresh();
    await recordExample(ledger);
    await recordLateCard(ledger);
    expect(await report(ledger)).toEqual(EXPECTED);
  });

  it('matches feedback that came before its card once the card is recorded', async () => {
    const ledger = await fresh();
    await recordExample(ledger);
    const before = (await report(ledger)).rules.find((r) => r.ruleId === 'drug-interaction');
    expect(before).toMatchObject({ shown: 5, overridden: 2, reasons: { 'will-monitor': 1 } });
    await recordLateCard(ledger);
    const after = (await report(ledger)).rules.find((r) => r.ruleId === 'drug-interaction');
    expect(after).toMatchObject({ shown: 6, overridden: 3, reasons: { 'will-monitor': 2 } });
  });

  it('gives the override rate per rule per day shown', async () => {
    const ledger = await fresh();
    await recordExample(ledger);
    await recordLateCard(ledger);
    const series = overrideSeries(await ledger.analytics.alertTallies(WINDOW.since, WINDOW.until), WINDOW);
    expect(series.days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07']);
    const rule = (id: string) => series.rules.find((r) => r.ruleId === id)?.overrideRate;
    expect(rule('drug-interaction')).toEqual([1, 0, 0.5, null, null, null, null]);
    expect(rule('beers-criteria')).toEqual([1, 1, 1, null, null, null, null]);
    expect(rule('care-gaps')).toEqual([null, null, null, null, null, null, null]);
  });

  it('keeps feedback once: a repeat (the same instant written another way) is a duplicate', async () => {
    const ledger = await fresh();
    const entry = FEEDBACK[0]!;
    expect(await ledger.feedback.record(entry)).toBe(true);
    expect(await ledger.feedback.record({ ...entry, outcomeTimestamp: '2026-11-01T10:01:00.000+01:00' })).toBe(false);
    expect(await ledger.feedback.record({ ...entry, outcomeTimestamp: '2026-11-01T09:02:00Z' })).toBe(true);
    const kept = await ledger.feedback.list('order-sign');
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatchObject({ serviceId: 'order-sign', card: 'c1', outcome: 'overridden', overrideReason: { reason: { code: 'will-monitor' } } });
    expect(await ledger.feedback.list('patient-view')).toEqual([]);
  });

  it("gives a patient's overrides since a date, with the reason in words, the severity fact and the knowledge rows", async () => {
    const ledger = await fresh();
    const fact = { code: 'inr', value: 4.6, unit: '{INR}', ref: 'Observation/inr-1', date: '2026-10-30' };
    await ledger.cards.recordCards({
      at: new Date('2026-11-01T09:00:00Z'),
      service: 'order-select',
      hookInstance: 'h-1',
      requestId: 'r-1',
      patientId: 'pat-9',
      knowledgeVersion: 'kv-1',
      cards: [
        { uuid: 'o1', ruleId: 'drug-interaction', findingKey: 'ddi:11289+5640', indicator: 'critical', knowledge: ['mech:bleeding:warfarin-nsaid'], severityFact: fact, draftRefs: ['MedicationRequest/draft-1'] },
        { uuid: 'o2', ruleId: 'beers-criteria', findingKey: 'beers:draft-2', indicator: 'warning', knowledge: [], draftRefs: [] },
      ],
    });
    await ledger.feedback.record({ serviceId: 'order-select', card: 'o1', outcome: 'overridden', outcomeTimestamp: '2026-11-01T09:01:00Z', overrideReason: { reason: { code: 'will-monitor', display: 'Will monitor' }, userComment: 'INR tomorrow' } });
    await ledger.feedback.record({ serviceId: 'order-select', card: 'o2', outcome: 'overridden', outcomeTimestamp: '2026-10-01T09:01:00Z' });
    await ledger.feedback.record({ serviceId: 'order-select', card: 'o2', outcome: 'accepted', outcomeTimestamp: '2026-11-01T09:02:00Z', acceptedSuggestions: [{ id: 's' }] });
    const past = await ledger.overrides.overridesFor('pat-9', new Date('2026-10-15T00:00:00Z'));
    expect(past).toEqual([
      { ruleId: 'drug-interaction', findingKey: 'ddi:11289+5640', service: 'order-select', draftRefs: ['MedicationRequest/draft-1'], knowledge: ['mech:bleeding:warfarin-nsaid'], at: new Date('2026-11-01T09:01:00Z'), reason: 'Will monitor: INR tomorrow', severityFact: fact },
    ]);
    expect(await ledger.overrides.overridesFor('pat-other', new Date(0))).toEqual([]);
  });

  it('records a card uuid once', async () => {
    const ledger = await fresh();
    const call = { at: new Date('2026-11-02T09:00:00Z'), service: 'patient-view', hookInstance: 'h', requestId: 'r', patientId: 'p', knowledgeVersion: 'kv', cards: [{ uuid: 'x1', ruleId: 'care-gaps', indicator: 'info' as const, knowledge: ['k'], draftRefs: [] }] };
    await ledger.cards.recordCards(call);
    await ledger.cards.recordCards(call);
    expect((await report(ledger)).rules).toEqual([expect.objectContaining({ ruleId: 'care-gaps', shown: 1 })]);
  });
}
