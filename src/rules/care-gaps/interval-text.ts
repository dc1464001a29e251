import { addMonths, dayText } from './dates';
import type { ChartEvent } from './chart-events';

// How intervals and events read on the card: "10 y", "every 3 mo", "colonoscopy 2017-12-24".

/** "10 y", "6 mo", "once". */
export function intervalText(months: number | undefined): string {
  if (months === undefined) return 'once';
  return months % 12 === 0 ? `${months / 12} y` : `${months} mo`;
}

/** True when an event at `time` still counts at `asOf` for an interval (absent: once is enough). */
export function stillCounts(time: number, months: number | undefined, asOf: Date): boolean {
  return months === undefined || addMonths(time, months) > asOf.getTime();
}

/** "colonoscopy 2017-12-24 `Procedure/p1`". */
export function eventText(label: string, event: ChartEvent): string {
  return `${label} ${dayText(event.time)} \`${event.ref}\``;
}

/** "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.slice(-1).join('')}`;
}
