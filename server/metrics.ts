import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics: request counts, hook latency by service, FHIR fetch errors. No labels carry PHI. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  hookDuration: Histogram<'service' | 'status'>;
  fhirFetchErrors: Counter<'section'>;
  jwtRejections: Counter<'reason'>;
  /** Ledger writes that failed (cards shown, feedback), by operation. */
  storeErrors: Counter<'operation'>;
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
      help: 'Ledger writes (cards shown, feedback) that failed, by operation',
      labelNames: ['operation'],
      registers: [registry],
    }),
  };
}
