// Calendar arithmetic for care-gap intervals, in UTC so a test's pinned `asOf` means the same
// everywhere. Months are calendar months ("colonoscopy 10 years" is 120 of them).

const DAY_MS = 86_400_000;

/** `time` moved by `months` calendar months, the day clamped to the target month's length. */
export function addMonths(time: number, months: number): number {
  const d = new Date(time);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime() + (time % DAY_MS + DAY_MS) % DAY_MS;
}

/** "2021-06-01": the UTC calendar day of an instant. */
export function dayText(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The most recent `month`/`day` (1-based month) on or before `asOf`: the start of this season. */
export function seasonStart(asOf: Date, month: number, day: number): number {
  const year = asOf.getUTCFullYear();
  const thisYear = Date.UTC(year, month - 1, day);
  return thisYear <= asOf.getTime() ? thisYear : Date.UTC(year - 1, month - 1, day);
}
