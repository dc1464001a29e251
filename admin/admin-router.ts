import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import helmet from 'helmet';
import { alertReport, overrideSeries } from '../src/ledger/alert-analytics';
import type { AlertWindow } from '../src/ledger/alert-analytics';
import type { AlertAnalyticsSource, AlertTally } from '../src/ledger/ports';
import { invalidFields, problem, ProblemError } from '../src/problems';
import { alertWindow } from './alert-window';

/**
 * Alert analytics for the CMIO (issue 12 §5): `GET /admin` (a page that asks for ADMIN_TOKEN and
 * plots override rates) and `GET /admin/api/alerts` (the table as JSON, bearer ADMIN_TOKEN) with
 * `/admin/api/alerts/daily` (override rate per rule per day, for the plot). Without ADMIN_TOKEN
 * nothing is mounted, so both answer 404 like any unknown path. The page's script and uPlot come
 * from this origin (no CDN).
 */

export interface AdminRouterDeps {
  /** ADMIN_TOKEN; unset: no admin routes. */
  adminToken?: string;
  analytics: AlertAnalyticsSource;
  now: () => Date;
  /** Reading the store failed (counted and logged by the caller, without PHI). */
  onStoreError?: (error: unknown) => void;
}

/** admin/public, from admin/ (tests, tsx) or dist/admin/ (`npm start`): tsc copies no static files. */
function findPublicDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'admin', 'public');
    if (existsSync(join(candidate, 'admin.js'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`admin: cannot find admin/public above ${start}`);
  }
}

const PUBLIC_DIR = findPublicDir(__dirname);
/** uPlot (MIT), served from the installed package as the app does. */
const UPLOT_DIR = dirname(require.resolve('uplot'));
/** The longest window the daily series covers (one point per day). */
const MAX_SERIES_DAYS = 1100;

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Compares the bearer token in constant time (hashes first, so lengths leak nothing either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(sha256(match[1]), sha256(token));
}

const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
});

export function adminRouter(deps: AdminRouterDeps): Router {
  const router = express.Router();
  const token = deps.adminToken;
  if (token === undefined) return router;

  router.use('/admin', securityHeaders);
  router.get('/admin', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(PUBLIC_DIR, 'admin.html'));
  });
  router.use('/admin/static/vendor', express.static(UPLOT_DIR, { index: false, fallthrough: false, setHeaders: (res) => res.set('Cache-Control', 'public, max-age=3600') }));
  router.use('/admin/static', express.static(PUBLIC_DIR, { index: false, fallthrough: false, setHeaders: (res) => res.set('Cache-Control', 'no-cache') }));

  const authorize = (req: Request, res: Response, next: NextFunction): void => {
    res.set('Cache-Control', 'no-store');
    if (!bearerMatches(req.get('authorization'), token)) {
      throw new ProblemError({ ...problem('unauthenticated', 'ADMIN_TOKEN required'), headers: { 'WWW-Authenticate': 'Bearer realm="chartbrief-admin"' } });
    }
    next();
  };

  const read = async (req: Request, maxDays?: number): Promise<{ window: AlertWindow; tallies: AlertTally[] }> => {
    const window = alertWindow({ since: req.query['since'], until: req.query['until'] }, deps.now());
    if (!window.ok) throw new ProblemError(invalidFields([window.error]));
    const { since, until } = window.value;
    if (maxDays !== undefined && until.getTime() - since.getTime() > maxDays * 86_400_000) {
      throw new ProblemError(invalidFields([{ path: 'since', message: `the daily series covers at most ${maxDays} days` }]));
    }
    try {
      return { window: window.value, tallies: await deps.analytics.alertTallies(since, until) };
    } catch (e) {
      deps.onStoreError?.(e);
      throw new ProblemError({ ...problem('not-ready', 'The alert analytics could not be read (the store is unavailable); retry later'), headers: { 'Retry-After': '30' } });
    }
  };

  router.get('/admin/api/alerts', authorize, async (req, res) => {
    const { window, tallies } = await read(req);
    res.json(alertReport(tallies, window));
  });

  router.get('/admin/api/alerts/daily', authorize, async (req, res) => {
    const { window, tallies } = await read(req, MAX_SERIES_DAYS);
    res.json(overrideSeries(tallies, window));
  });

  return router;
}
