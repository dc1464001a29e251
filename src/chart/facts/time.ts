// Time arithmetic every chart fact shares: days as fractions, calendar dates in UTC (the date a
// pinned `asOf` names is the same on every machine).

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Days from `from` to `to` (epoch ms), fractional. */
export function daysBetween(from: number, to: number): number {
  return (to - from) / DAY_MS;
}

/** The UTC calendar date of an instant, "2026-06-01". */
export function dateOf(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}
