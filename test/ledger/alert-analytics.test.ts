import { alertReport, daysOf, isRetirementCandidate, overrideRate, overrideSeries, RETIREMENT_OVERRIDE_RATE, tallyAlerts } from '../../src/ledger/alert-analytics';
import type { AlertTally } from '../../src/ledger/ports';
import { EARLY_CALLS, EXPECTED, FEEDBACK, LATE_CARD, WINDOW } from './alert-example';

const cardsOf = [...EARLY_CALLS, LATE_CARD].flatMap((call) => call.cards.map((c) => ({ ...c, shownAt: call.at })));

it('adds up the worked example from shown cards and feedback rows', () => {
  expect(alertReport(tallyAlerts(cardsOf, FEEDBACK, WINDOW), WINDOW)).toEqual(EXPECTED);
});

it('counts each card once, under its latest feedback, whatever order the feedback came in', () => {
  const reversed = alertReport(tallyAlerts(cardsOf, [...FEEDBACK].reverse(), WINDOW), WINDOW);
  expect(reversed).toEqual(EXPECTED);
  for (const rule of reversed.rules) expect(rule.accepted + rule.overridden + rule.ignored).toBe(rule.shown);
});

it('has no override rate when nothing was accepted or overridden', () => {
  expect(overrideRate(0, 0)).toBeNull();
  expect(overrideRate(1, 3)).toBe(0.75);
  expect(overrideRate(0, 2)).toBe(1);
});

it('calls a rule a retirement candidate only above 90% overridden', () => {
  expect(RETIREMENT_OVERRIDE_RATE).toBe(0.9);
  expect(isRetirementCandidate({ overrideRate: 0.9 })).toBe(false);
  expect(isRetirementCandidate({ overrideRate: 0.95 })).toBe(true);
  expect(isRetirementCandidate({ overrideRate: null })).toBe(false);
});

it('lists every UTC day a window touches', () => {
  expect(daysOf({ since: new Date('2026-11-01T15:00:00Z'), until: new Date('2026-11-03T00:00:00Z') })).toEqual(['2026-11-01', '2026-11-02']);
  expect(daysOf({ since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-11-03T08:00:00Z') })).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
});

it('leaves out of the daily series tallies of days outside the window', () => {
  const tallies: AlertTally[] = [
    { ruleId: 'r', knowledgeRows: [], day: '2026-10-31', outcome: 'overridden', cards: 4 },
    { ruleId: 'r', knowledgeRows: [], day: '2026-11-01', outcome: 'accepted', cards: 1 },
    { ruleId: 'r', knowledgeRows: [], day: '2026-11-01', outcome: 'overridden', reason: 'x', cards: 3 },
  ];
  const series = overrideSeries(tallies, { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-11-02T00:00:00Z') });
  expect(series.rules).toEqual([{ ruleId: 'r', accepted: [1], overridden: [3], overrideRate: [0.75] }]);
});

it('sorts rules by cards shown and counts a knowledge row once per card', () => {
  const tallies: AlertTally[] = [
    { ruleId: 'b', knowledgeRows: ['k', 'k'], day: '2026-11-01', outcome: 'ignored', cards: 2 },
    { ruleId: 'a', knowledgeRows: ['k'], day: '2026-11-01', outcome: 'ignored', cards: 2 },
    { ruleId: 'c', knowledgeRows: [], day: '2026-11-01', outcome: 'overridden', cards: 1 },
  ];
  const report = alertReport(tallies, WINDOW);
  expect(report.rules.map((r) => r.ruleId)).toEqual(['a', 'b', 'c']);
  expect(report.rules[1]?.rows).toEqual([{ knowledgeRow: 'k', shown: 2, accepted: 0, overridden: 0 }]);
  expect(report.rules[2]).toMatchObject({ overridden: 1, reasons: {}, rows: [] });
});
