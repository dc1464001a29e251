import type { ValueRange } from '../../knowledge/labs/value-range';

/** True when the value satisfies every bound of the range. */
export function inRange(value: number, range: ValueRange): boolean {
  if (range.below !== undefined && !(value < range.below)) return false;
  if (range.atMost !== undefined && !(value <= range.atMost)) return false;
  if (range.atLeast !== undefined && !(value >= range.atLeast)) return false;
  return range.above === undefined || value > range.above;
}
