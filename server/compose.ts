import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { cdsAuthenticatorFor } from '../cds-hooks/cds-authenticator-for';
import { launchDeps } from '../launch/launch-deps';
import type { CdsClient } from '../cds-hooks/security/cds-clients';
import type { Summarizer } from '../src/brief/summarizer';
import { createChartLoader } from '../src/chart/chart-loader';
import { memoryLedger } from '../src/ledger/memory-ledger';
import { writeBehind } from '../src/ledger/write-behind';
import type { Ledger } from '../src/ledger/ports';
import type { Store } from '../store/database';
import { sqlLedger } from '../store/sql-ledger';
import { openSharedState } from '../redis/shared-state';
import { startAuditPurge } from '../store/audit-purge';
import { KNOWLEDGE_VERSION } from '../src/knowledge/knowledge-version';
import { ALL_RULES } from '../src/rules/all-rules';
import type { RuleInput } from '../src/rules/rule';
import type { RuleRun, RunRulesOptions } from '../src/rules/run-rules';
import { runRules } from '../src/rules/run-rules';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import { createBriefs } from './summarizers';
import { createApp } from './app';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { createMetrics, registerAlertGauges } from './metrics';

/** The running service's parts that main.ts and tests need to reach. */
export interface ComposedService {
  app: Express;
  config: Config;
  metrics: Metrics;
  /** Cards shown, feedback, overrides and the audit trail (main.ts closes it after the server). */
  ledger: Ledger;
  /** Resolves when background model calls (a brief still computing after its hook answered) are done. */
  modelCallsSettled(): Promise<void>;
  /** Readiness for `/readyz`: false until listening, and again once shutdown begins. */
  setReady(ready: boolean, reason?: string): void;
  /** Closes what this composition opened (the Redis client, with REDIS_URL): after the server has closed. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger: Logger;
  summarizer?: Summarizer;
  /** The ledger to keep cards and feedback in (a test's own); else the SQL ledger over `store`, else in memory. */
  ledger?: Ledger;
  /** The durable store main.ts opened (store/database.ts); it outlives this service and is closed by main.ts. */
  store?: Store;
  now?: () => Date;
  /** EHRs trusted besides CDS_CLIENTS_FILE: the local sandbox EHR, in development (server/sandbox-wiring.ts). */
  extraClients?: readonly CdsClient[];
}

/**
 * Wires the service from a validated config: one place where settings become objects, so
 * main.ts and the HTTP tests run exactly the same code.
 */
export function composeService(config: Config, options: ComposeOptions): Result<ComposedService, string> {
  const { logger } = options;
  // REDIS_URL: what replicas share (jti, rate limit, model briefs, app launches and sessions); it connects in the background.
  const shared = config.redis !== undefined ? openSharedState(config.redis, logger) : undefined;
  const refuse = (message: string): Result<ComposedService, string> => {
    void shared?.close();
    return err(message);
  };
  const auth = cdsAuthenticatorFor(config.cdsClientsFile, options.extraClients, shared?.jti);
  if (!auth.ok) return refuse(auth.error);
  if (!auth.value.enforced) {
    // Once, at start-up: every call is then accepted without a JWT (development only; config refuses it in production).
    logger.warn('CDS_CLIENTS_FILE is not set: accepting unsigned CDS calls (development only)');
  }
  // A mistyped rule id would silently leave a rule on: refuse to start instead.
  const ruleIds = new Set(ALL_RULES.map((r) => r.id));
  const unknownRules = config.rulesDisabled.filter((id) => !ruleIds.has(id));
  if (unknownRules.length > 0) return refuse(`RULES_DISABLED: unknown rule id(s) ${unknownRules.join(', ')}; known: ${[...ruleIds].join(', ')}`);
  const disabled = new Set(config.rulesDisabled);
  const metrics = createMetrics();
  // The SQL ledger over the store main.ts opened; in memory for tests that are not about the store.
  // The SQL ledger writes card records and audit rows in batches behind the hooks (write-behind.ts).
  const sql = options.store !== undefined ? writeBehind(sqlLedger(options.store)) : undefined;
  const ledger = options.ledger ?? sql ?? memoryLedger();
  // Per-rule cards and feedback of the last 30 days, read from the ledger when Prometheus scrapes.
  const now = options.now ?? ((): Date => new Date());
  registerAlertGauges(metrics, ledger.analytics, now);
  let readiness: { ready: boolean; reason?: string } = { ready: false, reason: 'starting' };

  const briefs = createBriefs(config.model, disabled, {
    logger,
    ...(options.summarizer !== undefined && { given: options.summarizer }),
    ...(shared !== undefined && { shared }),
    onModelCall: (outcome) => metrics.modelCalls.inc({ outcome }),
  });
  const summarizer = briefs.hook;

  // Built once, used by the hooks and the app alike.
  const loadChart = createChartLoader({ limits: { timeoutMs: config.fhirTimeoutMs }, onFetchError: (e) => metrics.fhirFetchErrors.inc({ section: e.section }) });
  const rules = (input: RuleInput, extra: Pick<RunRulesOptions, 'maxInfoFindings'> = {}): RuleRun => {
    const run = runRules(ALL_RULES, input, { disabled, ...extra });
    // Rule ids and counts only: a finding's text is about the patient.
    if (run.failedRules.length > 0) logger.error({ failedRules: run.failedRules }, 'clinical rule failed; its findings are missing');
    if (run.ungrounded > 0) logger.warn({ ungrounded: run.ungrounded }, 'findings dropped: citations did not resolve');
    return run;
  };

  // Audit retention: once now, then daily (an unref'd timer; it never keeps the process up).
  startAuditPurge({ audit: ledger.audit, retentionDays: config.auditRetentionDays, now, log: logger });
  const app = createApp({
    config,
    logger,
    metrics,
    // With REDIS_URL, not ready while Redis does not answer (jti checks would all be refused).
    readiness: async () => (readiness.ready && shared !== undefined && !(await shared.reachable()) ? { ready: false, reason: 'redis unreachable' } : readiness),
    admin: { analytics: ledger.analytics, now, ...(config.adminToken !== undefined && { adminToken: config.adminToken }) },
    launch: launchDeps({
      settings: config.launch,
      publicUrl: () => config.publicUrl,
      loadChart,
      runRules: rules,
      embedded: briefs.app.embedded,
      ...(briefs.app.model !== undefined && { model: briefs.app.model }),
      now,
      log: logger,
      ...(shared !== undefined && { stores: shared.launch }),
      audit: ledger.audit,
      onAuditError: (e) => {
        metrics.storeErrors.inc({ operation: 'record-audit' });
        logger.error({ operation: 'record-audit', error: e instanceof Error ? e.name : 'unknown' }, 'audit write failed');
      },
    }),
    cds: {
      auth: auth.value,
      ...(shared !== undefined && { rateLimitStore: shared.rateLimit('cds') }),
      loadChart,
      ledger,
      hook: {
        summarizer,
        // A getter: without PUBLIC_URL, publicUrl follows the port actually bound (PORT=0 in tests).
        get appLaunchUrl(): string {
          return `${config.publicUrl}/launch`;
        },
        now,
        newId: randomUUID,
        knowledgeVersion: KNOWLEDGE_VERSION,
        runRules: (input) => rules(input),
        overrides: ledger.overrides,
        overrideQuietDays: config.overrideQuietDays,
        onOverridesUnavailable: (why, e) => {
          metrics.storeErrors.inc({ operation: 'read-overrides' });
          // The error's class only: a driver message may quote the patient id.
          logger.warn({ why, ...(e instanceof Error && { error: e.name }) }, 'override history unavailable: cards shown without alert-fatigue quieting');
        },
      },
    },
  });
  return ok({
    app,
    config,
    metrics,
    ledger,
    modelCallsSettled: () => summarizer.settled(),
    setReady(ready, reason) {
      readiness = ready ? { ready } : { ready, reason: reason ?? 'not ready' };
    },
    close: async () => {
      // Queued card records and audit rows are written before the store closes (main.ts closes it after this).
      await sql?.flush();
      await shared?.close();
    },
  });
}
