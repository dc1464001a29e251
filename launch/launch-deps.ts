import { FULL_LIMITS } from '../src/brief/embedded/bounds';
import { EmbeddedSummarizer } from '../src/brief/embedded/embedded-summarizer';
import type { ModelSettings } from '../src/brief/model/model-settings';
import { createSummarizer } from '../src/brief/model/create-summarizer';
import type { Summarizer } from '../src/brief/summarizer';
import type { Chart } from '../src/chart/chart';
import { loadChart } from '../src/chart/load-chart';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import { ALL_RULES } from '../src/rules/all-rules';
import { careGapBriefSection } from '../src/rules/care-gaps/care-gap-brief';
import type { Finding } from '../src/rules/rule';
import { ruleInputFor } from '../src/rules/rule-input';
import { runRules } from '../src/rules/run-rules';
import type { AppDataDeps } from './app-data';
import type { LaunchSettings } from './launch-config';
import type { LaunchLog, LaunchRouterDeps } from './launch-router';

/**
 * The app's parts from the service's settings, in one call for server/compose.ts: the same chart
 * loader and rules as the hooks, the full-length embedded brief, and the model (when configured)
 * given time to finish: the page shows the embedded brief meanwhile and swaps in the model's.
 */

export interface LaunchComposition {
  settings: LaunchSettings;
  publicUrl: () => string;
  model: ModelSettings;
  fhirTimeoutMs: number;
  rulesDisabled: ReadonlySet<string>;
  now: () => Date;
  log: LaunchLog;
}

/** The app shows more info findings than a card response (no sidebar to crowd). */
const MAX_INFO_FINDINGS = 20;

function modelSummarizer(model: ModelSettings, embedded: Summarizer, log: LaunchLog): Summarizer | undefined {
  if (model.provider === 'embedded') return undefined;
  // No hook is waiting: the budget is the whole call, retries included.
  const budgetMs = model.timeoutMs * (model.maxRetries + 1) + 2000;
  return createSummarizer(
    { ...model, budgetMs },
    { embedded, onModelOutcome: (o) => log.info({ event: 'app-model-call', ok: o.ok, durationMs: o.durationMs }, 'app model brief finished') },
  );
}

export function launchDeps(c: LaunchComposition): LaunchRouterDeps {
  // As the hooks' brief: the care gaps the care-gap rule finds are a section (unless that rule is off).
  const embedded = new EmbeddedSummarizer({
    limits: FULL_LIMITS,
    extraSections: (chart, asOf) => (c.rulesDisabled.has('care-gap') ? [] : [careGapBriefSection(chart, asOf)].filter((s) => s !== undefined)),
  });
  const model = modelSummarizer(c.model, embedded, c.log);
  const data: AppDataDeps = {
    async loadChart(input): Promise<Result<Chart, string>> {
      const loaded = await loadChart({ ...input, limits: { timeoutMs: c.fhirTimeoutMs } });
      if (loaded.ok) return ok(loaded.value.chart);
      return err(loaded.error.kind === 'patient-unavailable' ? 'the EHR’s FHIR server did not return the patient' : 'the EHR’s FHIR server returned another patient');
    },
    embedded,
    ...(model !== undefined && { model }),
    findings(chart, asOf): Finding[] {
      const run = runRules(ALL_RULES, ruleInputFor('patient-view', chart, [], asOf), { disabled: c.rulesDisabled, maxInfoFindings: MAX_INFO_FINDINGS });
      if (run.failedRules.length > 0) c.log.warn({ failedRules: run.failedRules }, 'clinical rule failed in the app; its findings are missing');
      return run.findings;
    },
    now: c.now,
  };
  return { settings: c.settings, publicUrl: c.publicUrl, data, now: c.now, log: c.log };
}
