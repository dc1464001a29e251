import express from 'express';
import type { Router } from 'express';
import type { Metrics } from './metrics';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

/**
 * Liveness, readiness and Prometheus metrics for the platform, not for EHRs. Readiness may be
 * asked of a dependency (Redis: a PING with a short timeout), hence a promise.
 */
export function opsRouter(metrics: Metrics, readiness: () => Readiness | Promise<Readiness>): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const r = await readiness();
    res.status(r.ready ? 200 : 503).json(r.ready ? { status: 'ready' } : { status: 'not-ready', reason: r.reason ?? 'starting' });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
