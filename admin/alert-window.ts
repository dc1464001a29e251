import type { AlertWindow } from '../src/ledger/alert-analytics';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';

/**
 * The window of `GET /admin/api/alerts?since=&until=`: dates (`2025-03-01`, a whole UTC day) or
 * ISO date-times with an offset; by default the last 30 days up to now. A date `until` includes
 * that day (the window ends at the next midnight UTC).
 */

export const DEFAULT_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface WindowIssue {
  path: 'since' | 'until';
  message: string;
}

function parseBound(name: 'since' | 'until', raw: unknown): Result<Date | undefined, WindowIssue> {
  if (raw === undefined) return ok(undefined);
  const bad = err<WindowIssue>({ path: name, message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with an offset' });
  if (typeof raw !== 'string') return bad;
  if (DATE.test(raw)) {
    const start = new Date(`${raw}T00:00:00Z`);
    // Date.parse rolls 2025-02-30 over to March: a real date prints back as itself.
    if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== raw) return bad;
    return ok(name === 'until' ? new Date(start.getTime() + DAY_MS) : start);
  }
  if (!DATE_TIME.test(raw)) return bad;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? bad : ok(at);
}

/** The analytics window from the query string, or the field that is wrong. */
export function alertWindow(query: { since?: unknown; until?: unknown }, now: Date): Result<AlertWindow, WindowIssue> {
  const since = parseBound('since', query.since);
  if (!since.ok) return since;
  const until = parseBound('until', query.until);
  if (!until.ok) return until;
  const end = until.value ?? now;
  const start = since.value ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (start >= end) return err({ path: 'since', message: 'must be before until' });
  return ok({ since: start, until: end });
}
