import { performance } from 'node:perf_hooks';
import type { Chart } from '../chart/chart';
import { within as withinDeadline } from '../deadline';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { Brief } from './brief';
import type { ModelFailure, ModelFailureKind } from './model/chat-model';
import type { DropReason } from './model/verify';
import { TtlCache } from './model/ttl-cache';
import type { SharedBriefs } from './shared-briefs';
import type { SummarizeOptions, Summarizer } from './summarizer';

/** A model brief source that can be started in the background: ModelSummarizer (./model/model-summarizer.ts). */
export interface BackgroundSummarizer<P extends { key: string }> {
  /** Renders the chart and builds the call; `key` identifies (patient, chart content, model, prompt version). */
  prepare(chart: Chart, options: SummarizeOptions): P;
  /** The call itself; never throws. */
  run(prepared: P): Promise<Result<{ brief: Brief; verification: { verified: number; dropped: number; dropReasons: Partial<Record<DropReason, number>> } }, ModelFailure>>;
}

/** Why a hook got the embedded brief. Carries no chart data: safe to log. */
export type FallbackEvent =
  | { reason: 'late'; budgetMs: number }
  | { reason: 'backing-off'; retryInMs: number; cause: ModelFailureKind }
  | { reason: 'failed'; failure: ModelFailure; cached: boolean }
  /** Another replica holds this chart's model call and its brief did not come in time. */
  | { reason: 'elsewhere' };

/** How each model call ended (also those that finish after the hook has answered). Safe to log. */
export type ModelOutcome =
  | { ok: true; verified: number; dropped: number; dropReasons: Partial<Record<DropReason, number>>; durationMs: number }
  | { ok: false; failure: ModelFailure; durationMs: number };

export interface BudgetedSummarizerOptions<P extends { key: string }> {
  model: BackgroundSummarizer<P>;
  /** The embedded summarizer: what a hook gets whenever the model is late or fails. */
  fallback: Summarizer;
  /** MODEL_BUDGET_MS: the longest a hook waits for the model (0: never waits, answers from cache or embedded). */
  budgetMs: number;
  /** MODEL_CACHE_TTL_MS and MODEL_CACHE_MAX_ENTRIES. */
  cacheTtlMs: number;
  cacheMaxEntries: number;
  /** How long a chart whose call failed is not asked about again (default 60 s). */
  failureTtlMs?: number;
  /** The clock for cache expiry and back-off (injected in tests). */
  now?: () => number;
  onFallback?: (event: FallbackEvent) => void;
  onModelOutcome?: (outcome: ModelOutcome) => void;
  /** Replicas (REDIS_URL): verified briefs and one model call per chart shared by all of them. */
  shared?: SharedBriefs;
  /** How long one replica's claim on a chart's model call lasts: the longest a call takes (default 60 s). */
  leaseMs?: number;
}

/** How a model flight ended for the hooks waiting on it: the brief, or why they get the embedded one. */
type Flight = Result<Brief, FallbackEvent>;

const LATE = Symbol('late');
const DEFAULT_FAILURE_TTL_MS = 60_000;
const DEFAULT_LEASE_MS = 60_000;
/** A 429 without retry-after: wait this long. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
/** Back-off after consecutive transient failures: 1 s, 2 s, 4 s … up to a minute. */
const MAX_BACKOFF_MS = 60_000;
const TRANSIENT: ReadonlySet<ModelFailureKind> = new Set(['server-error', 'timeout', 'unreachable', 'auth', 'not-found']);

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function quietly(callback: () => void): void {
  try {
    callback();
  } catch {
    // A logging callback must never break a hook or a background call.
  }
}

/**
 * The summarizer hooks use when a model is configured. It answers within `budgetMs`: with the
 * model's verified brief if it is cached or arrives in time, else with the embedded brief, while
 * the model call goes on and caches its result for the next hook call and the app. One call per
 * chart at a time (concurrent requests share it); a failed chart is not retried for a while; a 429
 * holds every call until its `retry-after` has passed, and repeated 5xx/timeouts back off.
 * With `shared` (several replicas) the cache and the one-call-per-chart hold across replicas: a
 * replica that finds another one calling the model waits for that brief within the same budget.
 */
export class BudgetedSummarizer<P extends { key: string }> implements Summarizer {
  private readonly briefs: TtlCache<Brief>;
  private readonly failures: TtlCache<ModelFailure>;
  private readonly inflight = new Map<string, Promise<Flight>>();
  private readonly now: () => number;
  private blockedUntil = 0;
  private blockedBy: ModelFailureKind = 'rate-limited';
  private consecutiveFailures = 0;

  constructor(private readonly options: BudgetedSummarizerOptions<P>) {
    this.now = options.now ?? Date.now;
    this.briefs = new TtlCache<Brief>(options.cacheTtlMs, options.cacheMaxEntries, this.now);
    this.failures = new TtlCache<ModelFailure>(options.failureTtlMs ?? DEFAULT_FAILURE_TTL_MS, options.cacheMaxEntries, this.now);
  }

  async summarize(chart: Chart, options: SummarizeOptions): Promise<Brief> {
    let prepared: P;
    try {
      prepared = this.options.model.prepare(chart, options);
    } catch {
      // A chart the renderer cannot read must still get its embedded brief.
      return this.fallback(chart, options, { reason: 'failed', failure: { kind: 'error' }, cached: false });
    }
    const cached = this.briefs.get(prepared.key) ?? (await this.options.shared?.get(prepared.key));
    if (cached) return cached;
    const failed = this.failures.get(prepared.key);
    if (failed) return this.fallback(chart, options, { reason: 'failed', failure: failed, cached: true });
    let flight = this.inflight.get(prepared.key);
    if (!flight) {
      const wait = this.blockedUntil - this.now();
      if (wait > 0) return this.fallback(chart, options, { reason: 'backing-off', retryInMs: wait, cause: this.blockedBy });
      flight = this.start(prepared);
    }
    const budget = withinDeadline(options.deadline, this.options.budgetMs);
    const result = budget > 0 ? await within(flight, budget) : LATE;
    if (result === LATE) return this.fallback(chart, options, { reason: 'late', budgetMs: budget });
    if (result.ok) return result.value;
    return this.fallback(chart, options, result.error);
  }

  /** Resolves when no model call is in flight (tests and graceful shutdown). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight.values()]);
  }

  private async fallback(chart: Chart, options: SummarizeOptions, event: FallbackEvent): Promise<Brief> {
    quietly(() => this.options.onFallback?.(event));
    return this.options.fallback.summarize(chart, options);
  }

  private start(prepared: P): Promise<Flight> {
    const shared = this.options.shared;
    const flight = (shared ? this.callShared(prepared, shared) : this.call(prepared)).finally(() => this.inflight.delete(prepared.key));
    this.inflight.set(prepared.key, flight);
    return flight;
  }

  /** One model call from this replica: its brief cached here, its failure held back here. */
  private async call(prepared: P): Promise<Flight> {
    const started = performance.now();
    const result = await this.options.model.run(prepared).catch(() => err<ModelFailure>({ kind: 'error' }));
    const durationMs = Math.round(performance.now() - started);
    if (result.ok) {
      this.briefs.set(prepared.key, result.value.brief);
      this.consecutiveFailures = 0;
      const { verified, dropped, dropReasons } = result.value.verification;
      quietly(() => this.options.onModelOutcome?.({ ok: true, verified, dropped, dropReasons, durationMs }));
      return ok(result.value.brief);
    }
    this.failures.set(prepared.key, result.error);
    this.noteFailure(result.error);
    quietly(() => this.options.onModelOutcome?.({ ok: false, failure: result.error, durationMs }));
    return err({ reason: 'failed', failure: result.error, cached: false });
  }

  /** The call when replicas share it: made here under the chart's lease, or awaited from the replica holding it. */
  private async callShared(prepared: P, shared: SharedBriefs): Promise<Flight> {
    const { key } = prepared;
    const claim = await shared.claim(key, this.options.leaseMs ?? DEFAULT_LEASE_MS);
    switch (claim.kind) {
      case 'unavailable':
        return this.call(prepared);
      case 'failed':
        return err({ reason: 'failed', failure: { kind: claim.failure }, cached: true });
      case 'busy': {
        const brief = await shared.waitFor(key, this.options.leaseMs ?? DEFAULT_LEASE_MS);
        return brief ? ok(brief) : err({ reason: 'elsewhere' });
      }
      case 'claimed': {
        // Another replica may have stored the brief between our lookup and the claim.
        const stored = await shared.get(key);
        if (stored) {
          await shared.release(key, claim.token);
          return ok(stored);
        }
        const flight = await this.call(prepared);
        if (flight.ok) await shared.fulfil(key, claim.token, flight.value, this.options.cacheTtlMs);
        else await shared.fail(key, claim.token, flight.error.reason === 'failed' ? flight.error.failure.kind : 'error', this.options.failureTtlMs ?? DEFAULT_FAILURE_TTL_MS);
        return flight;
      }
    }
  }

  /** 429: nobody calls before retry-after. Transient failures: exponential back-off for everyone. */
  private noteFailure(failure: ModelFailure): void {
    let wait = 0;
    if (failure.kind === 'rate-limited') {
      wait = failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    } else if (TRANSIENT.has(failure.kind)) {
      this.consecutiveFailures += 1;
      wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.consecutiveFailures - 1));
    }
    const until = this.now() + wait;
    if (wait > 0 && until > this.blockedUntil) {
      this.blockedUntil = until;
      this.blockedBy = failure.kind;
    }
  }
}
