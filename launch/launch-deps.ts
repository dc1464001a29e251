import type { Summarizer } from '../src/brief/summarizer';
import type { AuditLog } from '../src/ledger/ports';
import type { ChartLoader } from '../src/chart/chart-loader';
import type { RuleInput } from '../src/rules/rule';
import type { RuleRun, RunRulesOptions } from '../src/rules/run-rules';
import { ruleInputFor } from '../src/rules/rule-input';
import type { AppDataDeps } from './app-data';
import type { SessionRecord } from './app-sessions';
import type { ExpiringStore } from './expiring-map';
import type { LaunchSettings } from './launch-config';
import type { LaunchLog, LaunchRouterDeps } from './launch-router';
import type { PendingLaunch } from './smart-launch-flow';

/**
 * The app's parts, given the ones server/compose.ts builds once for the whole service: the same
 * chart loader and rules runner as the hooks, the full-length embedded brief, and the model (when
 * configured) given time to finish: the page shows the embedded brief meanwhile and swaps in the model's.
 */

export interface LaunchComposition {
  settings: LaunchSettings;
  publicUrl: () => string;
  /** The service's chart loader (no deadline is passed: the page load keeps its per-request timeouts). */
  loadChart: ChartLoader;
  /** The service's rules runner (RULES_DISABLED applied, failures logged). */
  runRules: (input: RuleInput, options?: Pick<RunRulesOptions, 'maxInfoFindings'>) => RuleRun;
  /** The full embedded brief, and the model brief when a model is configured. */
  embedded: Summarizer;
  model?: Summarizer;
  now: () => Date;
  log: LaunchLog;
  /** With REDIS_URL: launches in progress and sessions shared by every replica. */
  stores?: { pending: ExpiringStore<PendingLaunch>; sessions: ExpiringStore<SessionRecord> };
  /** The audit trail: one event per completed launch. */
  audit?: AuditLog;
  /** An audit write failed (counted and logged without PHI by the caller). */
  onAuditError?: (error: unknown) => void;
}

/** The app shows more info findings than a card response (no sidebar to crowd). */
const MAX_INFO_FINDINGS = 20;

export function launchDeps(c: LaunchComposition): LaunchRouterDeps {
  const data: AppDataDeps = {
    loadChart: c.loadChart,
    embedded: c.embedded,
    ...(c.model !== undefined && { model: c.model }),
    findings: (chart, asOf) => c.runRules(ruleInputFor('patient-view', chart, [], asOf), { maxInfoFindings: MAX_INFO_FINDINGS }).findings,
    now: c.now,
  };
  return {
    settings: c.settings,
    publicUrl: c.publicUrl,
    data,
    now: c.now,
    log: c.log,
    ...(c.stores !== undefined && { stores: c.stores }),
    ...(c.audit !== undefined && { audit: { audit: c.audit, ...(c.onAuditError !== undefined && { onAuditError: c.onAuditError }) } }),
  };
}
