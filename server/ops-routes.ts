import express from 'express';
import type { Express, RequestHandler, Router } from 'express';
import type { Metrics } from './metrics';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

/**
 * Liveness, readiness and Prometheus metrics for the platform, not for EHRs. Readiness may be
 * asked of a dependency (Redis: a PING with a short timeout), hence a promise.
 */
export function opsRouter(metrics: Metrics, readiness: () => Readiness | Promise<Readiness>, options: { metricsRoute: boolean } = { metricsRoute: true }): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const r = await readiness();
    res.status(r.ready ? 200 : 503).json(r.ready ? { status: 'ready' } : { status: 'not-ready', reason: r.reason ?? 'starting' });
  });
  if (options.metricsRoute) router.get('/metrics', metricsHandler(metrics));
  return router;
}

/** Prometheus's text format of every metric: on the public port, or alone on METRICS_PORT. */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/** The app served on METRICS_PORT: `/metrics` only, and nothing else answers there. */
export function metricsApp(metrics: Metrics): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(metrics));
  app.use((_req, res) => void res.status(404).end());
  return app;
}
