import type { Brief } from './brief';
import type { ModelFailureKind } from './model/chat-model';

/** What a claim on one chart's model call found. */
export type BriefClaim =
  /** This replica makes the call; `token` ends the lease. */
  | { kind: 'claimed'; token: string }
  /** Another replica is making it: wait for its brief. */
  | { kind: 'busy' }
  /** Another replica's call for this chart failed a moment ago: do not call again yet. */
  | { kind: 'failed'; failure: ModelFailureKind }
  /** The shared store cannot be reached: go on alone, as a single replica would. */
  | { kind: 'unavailable' };

/**
 * Verified model briefs shared by every replica (REDIS_URL; adapter: redis/brief-cache.ts), and a
 * lease per chart so that one replica at a time asks the model about it while the others wait for
 * its brief. Keys are the summarizer's cache keys, which name the patient: an adapter must not
 * store them as they are, and must keep briefs (PHI) encrypted and only for their TTL. Never
 * throws: an unreachable store reads as a miss (or `unavailable` for a claim).
 */
export interface SharedBriefs {
  get(key: string): Promise<Brief | undefined>;
  /** Takes the lease of `key` for `leaseMs` (the longest a model call may take). */
  claim(key: string, leaseMs: number): Promise<BriefClaim>;
  /** Stores the verified brief for `ttlMs` and ends the lease `token`: waiting replicas get it. */
  fulfil(key: string, token: string, brief: Brief, ttlMs: number): Promise<void>;
  /** Ends the lease `token` after a failed call; the chart then reads as `failed` for `holdMs`. */
  fail(key: string, token: string, failure: ModelFailureKind, holdMs: number): Promise<void>;
  /** Ends the lease `token` without a brief (another replica's brief was found meanwhile). */
  release(key: string, token: string): Promise<void>;
  /**
   * Waits up to `waitMs` for the brief another replica is writing: undefined when its call
   * failed, its lease ended without a brief (it stopped), or time ran out.
   */
  waitFor(key: string, waitMs: number): Promise<Brief | undefined>;
}
