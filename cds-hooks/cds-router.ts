import { performance } from 'node:perf_hooks';
import cors from 'cors';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { Store } from 'express-rate-limit';
import { deadlineAfter } from '../src/deadline';
import type { Ledger, ShownCard } from '../src/ledger/ports';
import { invalidFields, problem, problemStatus, ProblemError } from '../src/problems';
import type { AnswerHookDeps, HookAnswer } from './answer-hook';
import { answerHook } from './answer-hook';
import type { AuthenticatedClient, CdsAuthenticator } from './cds-auth';
import { parseFeedback } from './feedback-request';
import { hookAuditEvent } from './hook-audit';
import { CDS_SERVICES, findService } from './services/registry';
import { stripEmpty } from '../src/cards/strip-empty';

export interface CdsRouterDeps extends AnswerHookDeps {
  auth: CdsAuthenticator;
  /** Where the cards shown and their feedback are kept. */
  ledger: Ledger;
  /** A write to the ledger failed (counted and logged by the caller; never with PHI). */
  onStoreError?: (operation: 'record-cards' | 'record-feedback' | 'record-audit', error: unknown) => void;
  /** `${PUBLIC_URL}`: the JWT `aud` of a call is `${publicUrl()}/cds-services/{id}`. */
  publicUrl: () => string;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  /**
   * Where calls are counted when replicas share the limit (REDIS_URL); default in this process.
   * When it fails the call goes through (fail open) and `onError` is told.
   */
  rateLimitStore?: { store: Store; onError: (error: unknown) => void };
  /** HOOK_DEADLINE_MS: from the request's arrival (JWT checks included) to the answer. */
  hookDeadlineMs: number;
  onHookDone?: (service: string, status: number, seconds: number) => void;
  /** The cards a call returned (rule ids and indicators only), for the per-rule metrics. */
  onCardsShown?: (service: string, cards: readonly ShownCard[]) => void;
  onAuthRejected?: (code: string, reason: string) => void;
  logInfo?: (fields: Record<string, unknown>, msg: string) => void;
}

declare module 'express-serve-static-core' {
  interface Request {
    cdsClient?: AuthenticatedClient;
    /** `performance.now()` when the request arrived: the hook deadline counts from here. */
    arrivedAt?: number;
  }
}

/** Sends JSON without null/empty fields, as the spec asks of every response. */
function sendJson(res: Response, body: object): void {
  res.status(200).type('application/json').send(JSON.stringify(stripEmpty(body) ?? {}));
}

/**
 * The CDS Hooks 2.0 routes: discovery, service calls and feedback.
 * https://cds-hooks.hl7.org/2.0/#discovery, #calling-a-cds-service, #feedback
 */
export function cdsRouter(deps: CdsRouterDeps): Router {
  const router = express.Router();
  // Browser-based EHRs (the public CDS Hooks sandbox) call from another origin and show no cards without CORS.
  // No cookies are used here, so any origin may call; the JWT is what authenticates.
  router.use('/cds-services', cors({ origin: '*', methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'], exposedHeaders: ['X-Request-Id'], maxAge: 600 }));

  // https://cds-hooks.hl7.org/2.0/#discovery
  router.get('/cds-services', (_req, res) => {
    sendJson(res, { services: CDS_SERVICES.map((s) => s.definition) });
  });

  const arrive = (req: Request, _res: Response, next: NextFunction): void => {
    req.arrivedAt = performance.now();
    next();
  };

  const authenticate = async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    // The JWT `aud` is the exact URL called (https://cds-hooks.hl7.org/2.0/#trusting-cds-clients).
    const audience = `${deps.publicUrl()}${req.baseUrl}${req.path}`;
    const result = await deps.auth.authenticate(req.get('authorization'), audience);
    if (!result.ok) {
      deps.onAuthRejected?.(result.error.code, result.error.reason);
      throw new ProblemError(problem('unauthenticated', 'The CDS client JWT was not accepted'));
    }
    req.cdsClient = result.value;
    next();
  };

  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => req.cdsClient?.clientId ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => next(new ProblemError(problem('throttled', `More than ${deps.rateLimitPerMinute} calls a minute from this client; retry later`))),
    // A shared store that cannot be reached lets calls through rather than refuse every EHR.
    passOnStoreError: true,
    ...(deps.rateLimitStore !== undefined && { store: deps.rateLimitStore.store, logger: { error: deps.rateLimitStore.onError, warn: deps.rateLimitStore.onError } }),
  });

  const requireJson = (req: Request, _res: Response, next: NextFunction): void => {
    if (!req.is(['application/json', 'application/*+json'])) {
      throw new ProblemError(problem('unsupported-media', 'Content-Type must be application/json'));
    }
    next();
  };

  const parseJson = express.json({ limit: deps.maxBodyBytes, type: ['application/json', 'application/*+json'], strict: true });

  // https://cds-hooks.hl7.org/2.0/#calling-a-cds-service
  router.post('/cds-services/:id', arrive, authenticate, limiter, requireJson, parseJson, async (req, res) => {
    const id = String(req.params['id']);
    const arrivedAt = req.arrivedAt ?? performance.now();
    let status = 200;
    let answered: HookAnswer | undefined;
    try {
      const answer = await answerHook({ serviceId: id, body: req.body, deadline: deadlineAfter(deps.hookDeadlineMs, arrivedAt), ...(req.cdsClient !== undefined && { client: req.cdsClient }) }, deps);
      if (!answer.ok) {
        status = problemStatus(answer.error);
        throw new ProblemError(answer.error);
      }
      answered = answer.value;
      const { response, stats, unavailable } = answer.value;
      deps.logInfo?.(
        { requestId: req.requestId, cdsService: id, resources: stats.resources, skipped: stats.skipped, fhirRequests: stats.fhirRequests, fetchErrors: stats.fetchErrors, unavailable, cards: response.cards.length },
        'hook answered',
      );
      sendJson(res, response);
      deps.onCardsShown?.(id, answer.value.shown);
      // After answering, off the response path: the EHR never waits for the ledger.
      if (answer.value.shown.length > 0) {
        const { shown, hookInstance, patientId, userId } = answer.value;
        const cardsShown = {
          at: deps.hook.now(),
          service: id,
          hookInstance,
          requestId: req.requestId ?? '',
          patientId,
          knowledgeVersion: deps.hook.knowledgeVersion,
          cards: shown,
          ...(req.cdsClient !== undefined && { clientIss: req.cdsClient.clientId }),
          ...(userId !== undefined && { userId }),
        };
        void Promise.resolve()
          .then(() => deps.ledger.cards.recordCards(cardsShown))
          .catch((e: unknown) => deps.onStoreError?.('record-cards', e));
      }
    } catch (e) {
      if (!(e instanceof ProblemError)) status = 500;
      throw e;
    } finally {
      const durationMs = performance.now() - arrivedAt;
      deps.onHookDone?.(id, status, durationMs / 1000);
      // The audit row (answers and errors that name a patient), off the response path like the ledger.
      const call = { at: deps.hook.now(), requestId: req.requestId ?? '', service: id, status, durationMs, body: req.body as unknown, ...(answered !== undefined && { answer: answered }), ...(req.cdsClient !== undefined && { clientIss: req.cdsClient.clientId }) };
      void Promise.resolve()
        .then(() => {
          const event = hookAuditEvent(call);
          return event && deps.ledger.audit.record(event);
        })
        .catch((e: unknown) => deps.onStoreError?.('record-audit', e));
    }
  });

  // https://cds-hooks.hl7.org/2.0/#feedback
  router.post('/cds-services/:id/feedback', authenticate, limiter, requireJson, parseJson, async (req, res) => {
    const id = String(req.params['id']);
    if (!findService(id)) throw new ProblemError(problem('not-found', `No CDS service "${id}"; GET /cds-services lists them`));
    const entries = parseFeedback(id, req.body, req.cdsClient?.clientId);
    if (!entries.ok) throw new ProblemError(invalidFields(entries.error));
    let recorded = 0;
    try {
      // 200 only once every entry is durably written; a retry after a 503 is idempotent.
      for (const entry of entries.value) if (await deps.ledger.feedback.record(entry)) recorded++;
    } catch (e) {
      deps.onStoreError?.('record-feedback', e);
      throw new ProblemError({ ...problem('not-ready', 'The feedback could not be stored (the store is unavailable); send it again later'), headers: { 'Retry-After': '30' } });
    }
    sendJson(res, { recorded, duplicates: entries.value.length - recorded });
  });

  return router;
}
