import type { AlertTally, FeedbackEntry } from './ports';

/**
 * What a CMIO reads to decide which alerts to keep: per rule, how many cards were shown, accepted,
 * overridden (and why) or ignored, and the override rate, with the same per knowledge row. Pure:
 * the stores tally (SQL groups in the database, the memory ledger calls `tallyAlerts`), this adds up.
 * The answer of `GET /admin/api/alerts` and `npm run report`.
 */

/** Rules overridden more often than this are candidates for retirement (alert-fatigue literature). */
export const RETIREMENT_OVERRIDE_RATE = 0.9;

export interface AlertWindow {
  since: Date;
  until: Date;
}

export interface KnowledgeRowAlerts {
  knowledgeRow: string;
  shown: number;
  accepted: number;
  overridden: number;
}

export interface RuleAlerts {
  ruleId: string;
  shown: number;
  accepted: number;
  overridden: number;
  /** Shown without any feedback. */
  ignored: number;
  /** overridden / (accepted + overridden); null when neither happened. */
  overrideRate: number | null;
  /** Override reason code → cards overridden with it (overrides without a reason are not listed). */
  reasons: Record<string, number>;
  rows: KnowledgeRowAlerts[];
}

export interface AlertReport {
  since: string;
  until: string;
  rules: RuleAlerts[];
}

/** Override rate per rule per UTC day, for the admin page's plot. */
export interface OverrideSeries {
  since: string;
  until: string;
  /** `YYYY-MM-DD`, every day of the window. */
  days: string[];
  rules: Array<{ ruleId: string; overrideRate: Array<number | null>; accepted: number[]; overridden: number[] }>;
}

/** A shown card as the tally needs it. */
export interface ShownForTally {
  uuid: string;
  ruleId?: string;
  knowledge: readonly string[];
  shownAt: Date;
}

export function overrideRate(accepted: number, overridden: number): number | null {
  return accepted + overridden === 0 ? null : overridden / (accepted + overridden);
}

export function isRetirementCandidate(rule: Pick<RuleAlerts, 'overrideRate'>): boolean {
  return rule.overrideRate !== null && rule.overrideRate > RETIREMENT_OVERRIDE_RATE;
}

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A card's deciding feedback: the latest by outcome time; on a tie, the one recorded last. */
function latestFeedback(feedback: readonly FeedbackEntry[]): Map<string, FeedbackEntry> {
  const latest = new Map<string, FeedbackEntry>();
  for (const f of feedback) {
    const seen = latest.get(f.card);
    if (!seen || Date.parse(f.outcomeTimestamp) >= Date.parse(seen.outcomeTimestamp)) latest.set(f.card, f);
  }
  return latest;
}

/**
 * The memory ledger's tally (the SQL ledger groups the same way in the database): cards of a rule
 * shown in the window, joined to their feedback by card uuid whatever the feedback's order of arrival.
 */
export function tallyAlerts(cards: Iterable<ShownForTally>, feedback: readonly FeedbackEntry[], window: AlertWindow): AlertTally[] {
  const decided = latestFeedback(feedback);
  const tallies = new Map<string, AlertTally>();
  for (const card of cards) {
    if (card.ruleId === undefined || card.shownAt < window.since || card.shownAt >= window.until) continue;
    const f = decided.get(card.uuid);
    const reason = f?.outcome === 'overridden' ? f.overrideReason?.reason?.code : undefined;
    const tally: AlertTally = { ruleId: card.ruleId, knowledgeRows: [...card.knowledge], day: utcDay(card.shownAt), outcome: f?.outcome ?? 'ignored', cards: 0 };
    if (reason !== undefined) tally.reason = reason;
    const key = JSON.stringify([tally.ruleId, tally.knowledgeRows, tally.day, tally.outcome, reason ?? null]);
    const existing = tallies.get(key);
    if (existing) existing.cards++;
    else tallies.set(key, { ...tally, cards: 1 });
  }
  return [...tallies.values()];
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

interface Counts {
  shown: number;
  accepted: number;
  overridden: number;
}

function add(counts: Counts, t: AlertTally): void {
  counts.shown += t.cards;
  if (t.outcome === 'accepted') counts.accepted += t.cards;
  if (t.outcome === 'overridden') counts.overridden += t.cards;
}

const byShownThenName = <T extends { shown: number }>(name: (x: T) => string) => (a: T, b: T): number => b.shown - a.shown || name(a).localeCompare(name(b));

/** Adds tallies up per rule and per knowledge row: the `/admin/api/alerts` answer. */
export function alertReport(tallies: readonly AlertTally[], window: AlertWindow): AlertReport {
  const rules = new Map<string, { counts: Counts; reasons: Map<string, number>; rows: Map<string, Counts> }>();
  for (const t of tallies) {
    let rule = rules.get(t.ruleId);
    if (!rule) rules.set(t.ruleId, (rule = { counts: { shown: 0, accepted: 0, overridden: 0 }, reasons: new Map(), rows: new Map() }));
    add(rule.counts, t);
    if (t.outcome === 'overridden' && t.reason !== undefined) bump(rule.reasons, t.reason, t.cards);
    for (const row of new Set(t.knowledgeRows)) {
      let counts = rule.rows.get(row);
      if (!counts) rule.rows.set(row, (counts = { shown: 0, accepted: 0, overridden: 0 }));
      add(counts, t);
    }
  }
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    rules: [...rules.entries()]
      .map(([ruleId, r]) => ({
        ruleId,
        ...r.counts,
        ignored: r.counts.shown - r.counts.accepted - r.counts.overridden,
        overrideRate: overrideRate(r.counts.accepted, r.counts.overridden),
        reasons: Object.fromEntries([...r.reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
        rows: [...r.rows.entries()].map(([knowledgeRow, c]) => ({ knowledgeRow, ...c })).sort(byShownThenName((x) => x.knowledgeRow)),
      }))
      .sort(byShownThenName((x) => x.ruleId)),
  };
}

/** Every UTC day from `since`'s to the one before `until` (or `until`'s own day when it is not midnight). */
export function daysOf(window: AlertWindow): string[] {
  const days: string[] = [];
  const last = new Date(window.until.getTime() - 1);
  for (let d = new Date(`${utcDay(window.since)}T00:00:00Z`); d <= last; d = new Date(d.getTime() + 86_400_000)) days.push(utcDay(d));
  return days;
}

/** Override rate per rule per day shown, for the admin page's plot (null on days without feedback). */
export function overrideSeries(tallies: readonly AlertTally[], window: AlertWindow): OverrideSeries {
  const days = daysOf(window);
  const index = new Map(days.map((d, i) => [d, i]));
  const rules = new Map<string, { accepted: number[]; overridden: number[] }>();
  for (const t of tallies) {
    const i = index.get(t.day);
    if (i === undefined) continue;
    let rule = rules.get(t.ruleId);
    if (!rule) rules.set(t.ruleId, (rule = { accepted: days.map(() => 0), overridden: days.map(() => 0) }));
    if (t.outcome === 'accepted') rule.accepted[i] = (rule.accepted[i] ?? 0) + t.cards;
    if (t.outcome === 'overridden') rule.overridden[i] = (rule.overridden[i] ?? 0) + t.cards;
  }
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    days,
    rules: [...rules.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([ruleId, r]) => ({ ruleId, ...r, overrideRate: r.accepted.map((a, i) => overrideRate(a, r.overridden[i] ?? 0)) })),
  };
}
