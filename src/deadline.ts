import { performance } from 'node:perf_hooks';

/**
 * The time a hook has left to answer (HOOK_DEADLINE_MS from the request's arrival). Passed down to
 * whatever waits on the outside world — each FHIR request's timeout and the model wait are the
 * smaller of their own limit and what is left — so the whole hook fits in one budget, however
 * many pages and reads it takes.
 */
export interface Deadline {
  /** Milliseconds left; 0 or less once it has passed. */
  remainingMs(): number;
}

/** A deadline `budgetMs` after `startedAt` (a `performance.now()` reading, e.g. the request's arrival). */
export function deadlineAfter(budgetMs: number, startedAt: number = performance.now(), now: () => number = () => performance.now()): Deadline {
  const at = startedAt + budgetMs;
  return { remainingMs: () => at - now() };
}

/** No deadline: the SMART app's page load and offline tools keep only their per-request limits. */
export const NO_DEADLINE: Deadline = { remainingMs: () => Number.POSITIVE_INFINITY };

/** `limitMs`, or less when the deadline leaves less (never below 0). */
export function within(deadline: Deadline | undefined, limitMs: number): number {
  if (deadline === undefined) return limitMs;
  return Math.max(0, Math.min(limitMs, Math.floor(deadline.remainingMs())));
}
