import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AlertAnalyticsSource } from '../src/ledger/ports';

/** Prometheus metrics: request counts, hook latency by service, FHIR fetch errors. No labels carry PHI. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  hookDuration: Histogram<'service' | 'status'>;
  fhirFetchErrors: Counter<'section'>;
  jwtRejections: Counter<'reason'>;
  /** Ledger reads and writes that failed (cards shown, feedback, audit, overrides, analytics), by operation. */
  storeErrors: Counter<'operation'>;
  /** Rule cards this process returned, by service, rule and indicator. */
  ruleCards: Counter<'service' | 'rule' | 'indicator'>;
  /** Model calls by how they ended (`ok`, or the failure kind). */
  modelCalls: Counter<'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'chartbrief_http_requests_total',
      help: 'HTTP requests by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    hookDuration: new Histogram({
      name: 'chartbrief_hook_duration_seconds',
      help: 'CDS hook latency by service',
      labelNames: ['service', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    fhirFetchErrors: new Counter({
      name: 'chartbrief_fhir_fetch_errors_total',
      help: 'FHIR REST fetches that failed, by chart section',
      labelNames: ['section'],
      registers: [registry],
    }),
    jwtRejections: new Counter({
      name: 'chartbrief_jwt_rejections_total',
      help: 'CDS calls refused for a missing or invalid EHR JWT',
      labelNames: ['reason'],
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'chartbrief_store_errors_total',
      help: 'Ledger reads and writes (cards shown, feedback, audit, overrides, analytics) that failed, by operation',
      labelNames: ['operation'],
      registers: [registry],
    }),
    ruleCards: new Counter({
      name: 'chartbrief_rule_cards_total',
      help: 'Rule cards returned by this process, by service, rule and indicator',
      labelNames: ['service', 'rule', 'indicator'],
      registers: [registry],
    }),
    modelCalls: new Counter({
      name: 'chartbrief_model_calls_total',
      help: 'Model calls by outcome: ok, or the failure kind (timeout, rate-limited, server-error, ...)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/** The window the per-rule feedback gauges cover: the admin page's default. */
const ALERT_WINDOW_DAYS = 30;

/**
 * Per-rule cards and their feedback over the last 30 days, read from the ledger at scrape time:
 * every replica reports the same figures (the database is the one record), so alert on them
 * without summing across instances. A failed read leaves the gauges empty and counts a store error.
 */
export function registerAlertGauges(metrics: Metrics, analytics: AlertAnalyticsSource, now: () => Date): void {
  const storeErrors = metrics.storeErrors;
  new Gauge({
    name: 'chartbrief_rule_alerts_30d',
    help: 'Rule cards shown in the last 30 days (all replicas), by rule and what became of them: accepted, overridden or ignored',
    labelNames: ['rule', 'outcome'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      // `until` is exclusive: a millisecond past now keeps a card shown this instant.
      const until = new Date(now().getTime() + 1);
      const since = new Date(until.getTime() - ALERT_WINDOW_DAYS * 86_400_000);
      try {
        for (const t of await analytics.alertTallies(since, until)) this.inc({ rule: t.ruleId, outcome: t.outcome }, t.cards);
      } catch {
        storeErrors.inc({ operation: 'read-analytics' });
      }
    },
  });
}
