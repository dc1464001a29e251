import { performance } from 'node:perf_hooks';
import express from 'express';
import type { Response, Router } from 'express';
import helmet from 'helmet';
import { appApiRoutes, SESSION_PROBLEMS } from './app-api';
import { problemStatus } from '../src/problems';
import type { AppDataDeps } from './app-data';
import { loadSessionData } from './app-data';
import type { AppSession, SessionRecord } from './app-sessions';
import { AppSessions } from './app-sessions';
import { ensureBinding, sameBrowser } from './browser-binding';
import type { ExpiringStore } from './expiring-map';
import { fhirResourceReader, readContextNames } from './context-names';
import { IdTokenTrustResolver } from './id-token';
import type { LaunchSettings } from './launch-config';
import { appShell, MARKDOWN_IT_DIR, messagePage, PUBLIC_DIR, UPLOT_DIR } from './pages';
import { SmartDiscovery } from './smart-discovery';
import type { PendingLaunch } from './smart-launch-flow';
import { JWKS_PATH, jwksUrlOf, SmartLaunchFlow } from './smart-launch-flow';
import { fetchSmartStyle } from './smart-style';
import type { LaunchAuditDeps } from './launch-audit';
import { auditLaunch } from './launch-audit';

/**
 * The SMART on FHIR app's HTTP side: the launch URI, the redirect URI and page, the page's JSON,
 * and the JWKS of a private_key_jwt client. Routes only adapt; the flow, sessions and content
 * live beside this file. https://hl7.org/fhir/smart-app-launch/app-launch.html
 */

export interface LaunchLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
}

export interface LaunchRouterDeps {
  settings: LaunchSettings;
  publicUrl: () => string;
  data: AppDataDeps;
  now: () => Date;
  log: LaunchLog;
  /** Launches in progress and sessions shared by replicas (REDIS_URL); default in this process. */
  stores?: { pending: ExpiringStore<PendingLaunch>; sessions: ExpiringStore<SessionRecord> };
  /** Where each completed launch is audited (issue 12 §3), once its chart has loaded. */
  audit?: LaunchAuditDeps;
}

function securityHeaders(frameAncestors: readonly string[]): express.RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        // Framing: the EHRs named in SMART_FRAME_ANCESTORS (Epic Hyperdrive, Oracle Health's MPage), and this origin.
        frameAncestors: ["'self'", ...frameAncestors],
      },
    },
    // X-Frame-Options cannot name other origins; CSP frame-ancestors says who may frame.
    xFrameOptions: false,
  });
  return (req, res, next) => {
    res.removeHeader('X-Frame-Options');
    res.set('Cache-Control', 'no-store');
    headers(req, res, next);
  };
}

function page(res: Response, status: number, html: string): void {
  res.status(status).type('html').send(html);
}

export function launchRouter(deps: LaunchRouterDeps): Router {
  const router = express.Router();
  const flow = new SmartLaunchFlow({ settings: deps.settings, publicUrl: deps.publicUrl, discovery: new SmartDiscovery(() => deps.now().getTime()), idTokens: new IdTokenTrustResolver(), now: deps.now, ...(deps.stores !== undefined && { pending: deps.stores.pending }) });
  const sessions = new AppSessions(
    deps.now,
    // As the code exchange: a `jku` in the client assertion only with SMART_ASSERTION_JKU=true.
    () => ({ clientId: deps.settings.clientId, auth: deps.settings.clientAuth, ...(deps.settings.assertionJku && { jwksUrl: jwksUrlOf(deps.publicUrl()) }) }),
    (failure) => deps.log.warn({ event: 'token-refresh-failed', ...failure }, 'SMART token refresh failed; the session ends'),
    // The chart is loaded where the session is used: right after the launch, or again by a replica that has not got it.
    { load: (session) => startSession(session, deps), ...(deps.stores !== undefined && { store: deps.stores.sessions }) },
  );
  const secured = securityHeaders(deps.settings.frameAncestors);

  // private_key_jwt: the public key the EHR checks our client assertions with (registered as the JWKS URL).
  router.get(JWKS_PATH, (_req, res) => {
    const auth = deps.settings.clientAuth;
    if (auth.kind !== 'private-key-jwt') return void res.status(404).json({ error: 'this app is not a private_key_jwt client' });
    res.json({ keys: [auth.publicJwk] });
  });

  router.use(['/launch', '/app'], secured);
  // Before uPlot's mount: that one does not fall through.
  router.use('/app/static/vendor/markdown-it', express.static(MARKDOWN_IT_DIR, { index: false, fallthrough: false, setHeaders: (res) => res.set('Cache-Control', 'public, max-age=3600') }));
  router.use('/app/static/vendor', express.static(UPLOT_DIR, { index: false, fallthrough: false, setHeaders: (res) => res.set('Cache-Control', 'public, max-age=3600') }));
  router.use('/app/static', express.static(PUBLIC_DIR, { index: false, fallthrough: false, setHeaders: (res) => res.set('Cache-Control', 'no-cache') }));

  // https://hl7.org/fhir/smart-app-launch/app-launch.html#step-1-app-asks-for-authorization
  router.get('/launch', async (req, res) => {
    const q = req.query;
    const query = { ...(typeof q['iss'] === 'string' && { iss: q['iss'] }), ...(typeof q['launch'] === 'string' && q['launch'] !== '' && { launch: q['launch'] }) };
    const started = await flow.start(query, () => ensureBinding(req, res));
    if (!started.ok) {
      deps.log.warn({ status: started.error.status, title: started.error.title }, 'SMART launch refused');
      return page(res, started.error.status, messagePage(started.error.title, started.error.message));
    }
    res.redirect(302, started.value);
  });

  // The redirect URI (`?code&state`) and the app page (`?session`).
  // https://hl7.org/fhir/smart-app-launch/app-launch.html#step-3-app-exchanges-authorization-code-for-access-token
  router.get('/app', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    if (typeof q['state'] === 'string') {
      const startedAt = performance.now();
      const done = await flow.complete(q, (binding: string) => sameBrowser(req, binding));
      if (!done.ok) {
        const { status, title, oauthError } = done.error;
        deps.log.warn({ status, title, ...(oauthError !== undefined && { oauthError }) }, 'SMART launch not completed');
        return page(res, done.error.status, messagePage(done.error.title, done.error.message));
      }
      const session = await sessions.create(done.value);
      deps.log.info({ event: 'app-launch', user: session.user?.ref !== undefined }, 'SMART launch completed');
      if (deps.audit) auditLaunch({ at: deps.now(), requestId: req.requestId ?? '', session, startedAt }, deps.audit);
      return res.redirect(303, `/app?session=${session.id}`);
    }
    if (typeof q['session'] !== 'string') return page(res, 400, messagePage('Open ChartBrief from your EHR', 'This page is ChartBrief’s SMART on FHIR app; it needs a launch from the EHR.'));
    const opened = await sessions.open(q['session'], (binding: string) => sameBrowser(req, binding));
    if (!opened.ok) {
      const p = SESSION_PROBLEMS[opened.error];
      const issue = p.issues[0];
      return page(res, problemStatus(p), messagePage(issue?.title ?? '', issue?.diagnostics ?? '', opened.error === 'other-browser' ? 'error' : 'expired'));
    }
    page(res, 200, appShell());
  });

  appApiRoutes(router, sessions);
  return router;
}

/** Right after the launch: the chart (with the fresh token), the user's and encounter's names and the EHR's style, in the background. */
function startSession(session: AppSession, deps: LaunchRouterDeps): void {
  session.data = loadSessionData({ patientId: session.context.patient, fhirServer: session.iss, accessToken: session.accessToken }, deps.data);
  const userRef = session.user?.ref;
  const encounterId = session.context.encounter;
  session.names = readContextNames({ ...(userRef !== undefined && { userRef }), ...(encounterId !== undefined && { encounterId }) }, fhirResourceReader(session.iss, session.accessToken));
  const styleUrl = session.context.smartStyleUrl;
  if (styleUrl !== undefined) {
    const hosts = [new URL(session.iss).host, new URL(session.tokenEndpoint).host];
    session.style = fetchSmartStyle(styleUrl, hosts);
  }
}
