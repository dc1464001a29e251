import { FULL_LIMITS } from '../src/brief/embedded/bounds';
import { EmbeddedSummarizer } from '../src/brief/embedded/embedded-summarizer';
import type { ModelOutcome } from '../src/brief/budgeted-summarizer';
import type { ConfiguredSummarizer } from '../src/brief/model/create-summarizer';
import { createSummarizer } from '../src/brief/model/create-summarizer';
import type { ModelSettings } from '../src/brief/model/model-settings';
import type { SharedBriefs } from '../src/brief/shared-briefs';
import type { Summarizer } from '../src/brief/summarizer';
import { careGapBriefSection } from '../src/rules/care-gaps/care-gap-brief';
import type { Logger } from './logger';

/**
 * Every brief the service writes, built once from MODEL_* settings: the hooks' card-length brief
 * (the model within MODEL_BUDGET_MS and the hook's deadline, else the embedded one), and the app's
 * full-length brief (embedded at once; the model given the whole call, since no EHR is waiting).
 */
export interface Briefs {
  hook: ConfiguredSummarizer;
  app: { embedded: Summarizer; model?: Summarizer };
}

function careGapSections(disabled: ReadonlySet<string>) {
  return (chart: Parameters<typeof careGapBriefSection>[0], asOf: Date) => (disabled.has('care-gap') ? [] : [careGapBriefSection(chart, asOf)].filter((s) => s !== undefined));
}

/** With REDIS_URL: what the replicas' summarizers share (redis/shared-state.ts). */
export interface SharedSummaries {
  /** Model briefs and one call per chart, per summarizer (the hook's card brief and the app's full brief differ for one chart). */
  briefs: (namespace: 'hook' | 'app') => SharedBriefs;
  /** One MODEL_DATE_SHIFT secret for all replicas: a chart is then rendered, keyed and cached alike on each. */
  dateShiftSecret: Uint8Array;
}

export interface BriefsOptions {
  logger: Logger;
  /** A summarizer given by a test, used for the hooks as it is. */
  given?: Summarizer;
  shared?: SharedSummaries;
  /** Each model call's end (`ok` or the failure kind), hooks' and app's, for the metrics. */
  onModelCall?: (outcome: string) => void;
}

export function createBriefs(model: ModelSettings, disabled: ReadonlySet<string>, options: BriefsOptions): Briefs {
  const { logger, given, shared } = options;
  const counted = (o: ModelOutcome): void => options.onModelCall?.(o.ok ? 'ok' : o.failure.kind);
  const hook: ConfiguredSummarizer = given
    ? { summarize: (chart, o) => given.summarize(chart, o), settled: () => Promise.resolve() }
    : createSummarizer(model, {
        // The brief states the care gaps when no care-gap card does (the rule is off, or its card
        // was cut by the info cap); patient-view leaves them out when that card is shown.
        embedded: new EmbeddedSummarizer({ extraSections: (chart, asOf) => [careGapBriefSection(chart, asOf)].filter((s) => s !== undefined) }),
        // Reasons and counts only: neither event carries chart data.
        onFallback: (e) => logger.info({ event: 'brief-fallback', ...e }, 'hook answered with the embedded brief'),
        onModelOutcome: (o) => {
          counted(o);
          logger.info({ event: 'model-call', ...o }, 'model call finished');
        },
        ...(shared !== undefined && { shared: shared.briefs('hook'), dateShiftSecret: shared.dateShiftSecret }),
      });
  // The app: the care gaps the care-gap rule finds are a section (unless that rule is off).
  const embedded = new EmbeddedSummarizer({ limits: FULL_LIMITS, extraSections: careGapSections(disabled) });
  if (model.provider === 'embedded') return { hook, app: { embedded } };
  // No hook is waiting: the budget is the whole call, retries included.
  const budgetMs = model.timeoutMs * (model.maxRetries + 1) + 2000;
  const appModel = createSummarizer(
    { ...model, budgetMs },
    {
      embedded,
      onModelOutcome: (o) => {
        counted(o);
        logger.info({ event: 'app-model-call', ok: o.ok, durationMs: o.durationMs }, 'app model brief finished');
      },
      ...(shared !== undefined && { shared: shared.briefs('app'), dateShiftSecret: shared.dateShiftSecret }),
    },
  );
  return { hook, app: { embedded, model: appModel } };
}
