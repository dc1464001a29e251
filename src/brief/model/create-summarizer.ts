import { BudgetedSummarizer } from '../budgeted-summarizer';
import type { FallbackEvent, ModelOutcome } from '../budgeted-summarizer';
import { EmbeddedSummarizer } from '../embedded/embedded-summarizer';
import type { SharedBriefs } from '../shared-briefs';
import type { Summarizer } from '../summarizer';
import type { ModelSettings } from './model-settings';
import { ModelSummarizer } from './model-summarizer';
import type { ChatModelDeps } from './openai-chat-model';
import { createChatModel } from './openai-chat-model';

/** A summarizer as the service runs it; `settled` waits for background model calls (shutdown, tests). */
export interface ConfiguredSummarizer extends Summarizer {
  settled(): Promise<void>;
}

export interface SummarizerDeps extends ChatModelDeps {
  /** Each hook answered with the embedded brief, and why (no PHI: log it). */
  onFallback?: (event: FallbackEvent) => void;
  /** Each finished model call: verified/dropped counts or the failure kind (no PHI). */
  onModelOutcome?: (outcome: ModelOutcome) => void;
  /** Base summarizer; default: a new EmbeddedSummarizer. */
  embedded?: Summarizer;
  /** Clock for cache expiry and back-off. */
  now?: () => number;
  dateShiftSecret?: Uint8Array | string;
  /** Several replicas (REDIS_URL): the verified briefs and one model call per chart, shared. */
  shared?: SharedBriefs;
}

/**
 * The summarizer the settings ask for: the embedded one for `embedded`; otherwise the model
 * (Azure OpenAI or OpenAI-compatible) behind the budget, cache and single-flight wrapper, with
 * the embedded brief as its fallback and base.
 */
export function createSummarizer(settings: ModelSettings, deps: SummarizerDeps = {}): ConfiguredSummarizer {
  const embedded = deps.embedded ?? new EmbeddedSummarizer();
  if (settings.provider === 'embedded') {
    return { summarize: (chart, options) => embedded.summarize(chart, options), settled: () => Promise.resolve() };
  }
  const model = new ModelSummarizer({
    model: createChatModel(settings, deps),
    base: embedded,
    promptTokens: settings.promptTokens,
    maxOutputTokens: settings.maxOutputTokens,
    temperature: settings.temperature,
    dateShift: settings.dateShift,
    ...(deps.dateShiftSecret !== undefined ? { dateShiftSecret: deps.dateShiftSecret } : {}),
  });
  const budgeted = new BudgetedSummarizer({
    model,
    fallback: embedded,
    budgetMs: settings.budgetMs,
    cacheTtlMs: settings.cacheTtlMs,
    cacheMaxEntries: settings.cacheMaxEntries,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.onFallback ? { onFallback: deps.onFallback } : {}),
    ...(deps.onModelOutcome ? { onModelOutcome: deps.onModelOutcome } : {}),
    // A replica holds a chart's call for as long as the call (with its retries) may take.
    ...(deps.shared ? { shared: deps.shared, leaseMs: settings.timeoutMs * (settings.maxRetries + 1) + 2000 } : {}),
  });
  return { summarize: (chart, options) => budgeted.summarize(chart, options), settled: () => budgeted.settled() };
}
