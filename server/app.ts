import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AdminRouterDeps } from '../admin/admin-router';
import { adminRouter } from '../admin/admin-router';
import { cdsRouter } from '../cds-hooks/cds-router';
import type { CdsRouterDeps } from '../cds-hooks/cds-router';
import type { LaunchRouterDeps } from '../launch/launch-router';
import { launchRouter } from '../launch/launch-router';
import type { Config } from './config';
import { problem, ProblemError } from '../src/problems';
import { errorHandler } from './error-handler';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { Readiness } from './ops-routes';
import { opsRouter } from './ops-routes';
import { requestId } from './request-id';

export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  cds: Omit<CdsRouterDeps, 'maxBodyBytes' | 'rateLimitPerMinute' | 'hookDeadlineMs' | 'publicUrl' | 'onHookDone' | 'onCardsShown' | 'onAuthRejected' | 'onStoreError' | 'logInfo'>;
  readiness: () => Readiness | Promise<Readiness>;
  /** The SMART app (launch/launch-deps.ts builds these from the config). */
  launch: LaunchRouterDeps;
  /** Alert analytics (`/admin`, served only with ADMIN_TOKEN). */
  admin: Omit<AdminRouterDeps, 'onStoreError'>;
}

/** A store error as the log may carry it: its class and code (`ECONNREFUSED`, SQLSTATE), never a driver message that could quote a row. */
function storeErrorFields(e: unknown): { error: string; code?: string } {
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  return { error: e instanceof Error ? e.name : typeof e, ...(code !== undefined && { code }) };
}

/** Logs each request's id, route template, status and time: never bodies, queries or headers. */
function accessLog(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // The route template (`/cds-services/:id`), never the path: ids in paths are kept out of logs and labels.
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : 'unmatched';
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      logger.info({ requestId: req.requestId, method: req.method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}

/** Builds the whole HTTP service; main.ts only listens. Tests start it on port 0. */
export function createApp(deps: AppDeps): Express {
  const { config, logger, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(helmet());
  app.use(requestId);
  app.use(accessLog(logger, metrics));

  // METRICS_PORT set: /metrics moves to its own listener (server/listen.ts), off the public port.
  app.use(opsRouter(metrics, deps.readiness, { metricsRoute: config.metricsPort === undefined }));
  app.use(
    cdsRouter({
      ...deps.cds,
      maxBodyBytes: config.maxBodyBytes,
      rateLimitPerMinute: config.rateLimitPerMinute,
      hookDeadlineMs: config.hookDeadlineMs,
      publicUrl: () => config.publicUrl,
      onHookDone: (service, status, seconds) => metrics.hookDuration.observe({ service, status: String(status) }, seconds),
      onCardsShown: (service, cards) => {
        for (const c of cards) metrics.ruleCards.inc({ service, rule: c.ruleId ?? 'brief', indicator: c.indicator });
      },
      onAuthRejected: (code, reason) => {
        metrics.jwtRejections.inc({ reason: code });
        logger.warn({ code, reason }, 'CDS call refused: EHR JWT not valid');
      },
      onStoreError: (operation, e) => {
        metrics.storeErrors.inc({ operation });
        logger.error({ operation, ...storeErrorFields(e) }, 'ledger write failed');
      },
      logInfo: (fields, msg) => logger.info(fields, msg),
    }),
  );
  app.use(launchRouter(deps.launch));
  app.use(
    adminRouter({
      ...deps.admin,
      onStoreError: (e) => {
        metrics.storeErrors.inc({ operation: 'read-analytics' });
        logger.error({ operation: 'read-analytics', ...storeErrorFields(e) }, 'ledger read failed');
      },
    }),
  );

  app.use((req: Request) => {
    throw new ProblemError(problem('not-found', `No route ${req.method} ${req.path}`));
  });
  app.use(errorHandler(logger, config.maxBodyBytes));
  return app;
}
