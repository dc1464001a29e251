import cors from 'cors';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { Chart } from '../src/chart/chart';
import type { SectionName } from '../src/chart/chart-sections';
import type { CdsResponse } from '../src/cds/cds-types';
import type { FeedbackStore } from '../src/feedback/feedback-store';
import { outcome, outcomeOf } from '../src/outcomes';
import type { Result } from '../src/result';
import type { AuthenticatedClient, CdsAuthenticator } from './cds-auth';
import { parseFeedback } from './feedback-request';
import type { FieldIssue, HookRequest } from './hook-request';
import { fieldIssues, hookRequestSchema } from './hook-request';
import { HttpProblem } from './http-problem';
import type { HookDeps } from './services/cds-service';
import { CDS_SERVICES, findService } from './services/registry';
import { stripEmpty } from '../src/cards/strip-empty';

/** What loading a chart for a hook can answer besides a chart (mapped to HTTP below, nowhere else). */
export type HookChartError =
  | { kind: 'patient-unavailable'; reason: string }
  | { kind: 'patient-mismatch'; reason: string; field: string; source: 'prefetch' | 'fhir' };

export interface HookChartInput {
  patientId: string;
  prefetch?: Record<string, unknown>;
  fhirServer?: string;
  accessToken?: string;
  /** The sections the service reads (its declared list); nothing else is read. */
  sections: readonly SectionName[];
  requestId: string;
}

export interface CdsRouterDeps {
  auth: CdsAuthenticator;
  loadChart(input: HookChartInput): Promise<Result<Chart, HookChartError>>;
  hookDeps: HookDeps;
  feedback: FeedbackStore;
  /** `${PUBLIC_URL}`: the JWT `aud` of a call is `${publicUrl()}/cds-services/{id}`. */
  publicUrl: () => string;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  onHookDone?: (service: string, status: number, seconds: number) => void;
  onAuthRejected?: (code: string, reason: string) => void;
  logInfo?: (fields: Record<string, unknown>, msg: string) => void;
}

declare module 'express-serve-static-core' {
  interface Request {
    cdsClient?: AuthenticatedClient;
  }
}

function badRequest(issues: FieldIssue[]): HttpProblem {
  return new HttpProblem(400, outcomeOf(issues.map((i) => ({ code: 'invalid', diagnostics: `${i.path}: ${i.message}`, expression: [i.path] }))));
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

  const authenticate = async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    // The JWT `aud` is the exact URL called (https://cds-hooks.hl7.org/2.0/#trusting-cds-clients).
    const audience = `${deps.publicUrl()}${req.baseUrl}${req.path}`;
    const result = await deps.auth.authenticate(req.get('authorization'), audience);
    if (!result.ok) {
      deps.onAuthRejected?.(result.error.code, result.error.reason);
      throw HttpProblem.unauthorized();
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
    handler: (_req, _res, next) => next(new HttpProblem(429, outcome('throttled', `More than ${deps.rateLimitPerMinute} calls a minute from this client; retry later`))),
  });

  const requireJson = (req: Request, _res: Response, next: NextFunction): void => {
    if (!req.is(['application/json', 'application/*+json'])) {
      throw new HttpProblem(415, outcome('not-supported', 'Content-Type must be application/json'));
    }
    next();
  };

  const parseJson = express.json({ limit: deps.maxBodyBytes, type: ['application/json', 'application/*+json'], strict: true });

  // https://cds-hooks.hl7.org/2.0/#calling-a-cds-service
  router.post('/cds-services/:id', authenticate, limiter, requireJson, parseJson, async (req, res) => {
    const started = process.hrtime.bigint();
    const id = String(req.params['id']);
    let status = 200;
    try {
      const service = findService(id);
      if (!service) throw HttpProblem.notFound(`No CDS service "${id}"; GET /cds-services lists them`);
      const parsed = hookRequestSchema.safeParse(req.body);
      if (!parsed.success) throw badRequest(fieldIssues(parsed.error));
      const request: HookRequest = parsed.data;
      const prepared = service.prepare(request);
      if (!prepared.ok) throw badRequest(prepared.error);
      const { patientId } = prepared.value;
      checkFhirAccess(request, patientId, req.cdsClient);

      const chart = await deps.loadChart({
        patientId,
        prefetch: request.prefetch,
        fhirServer: request.fhirServer,
        accessToken: request.fhirAuthorization?.access_token,
        sections: service.sections,
        requestId: req.requestId ?? '',
      });
      if (!chart.ok) throw chartProblem(chart.error);
      const response: CdsResponse = await prepared.value.run(chart.value, deps.hookDeps);
      deps.logInfo?.(
        { requestId: req.requestId, cdsService: id, resources: chart.value.size, skipped: chart.value.skipped, unavailable: chart.value.unavailableSections().map((s) => s.section), cards: response.cards.length },
        'hook answered',
      );
      sendJson(res, response);
    } catch (e) {
      status = e instanceof HttpProblem ? e.status : 500;
      throw e;
    } finally {
      deps.onHookDone?.(id, status, Number(process.hrtime.bigint() - started) / 1e9);
    }
  });

  // https://cds-hooks.hl7.org/2.0/#feedback
  router.post('/cds-services/:id/feedback', authenticate, limiter, requireJson, parseJson, async (req, res) => {
    const id = String(req.params['id']);
    if (!findService(id)) throw HttpProblem.notFound(`No CDS service "${id}"; GET /cds-services lists them`);
    const entries = parseFeedback(id, req.body);
    if (!entries.ok) throw badRequest(entries.error);
    let recorded = 0;
    for (const entry of entries.value) if (await deps.feedback.record(entry)) recorded++;
    sendJson(res, { recorded, duplicates: entries.value.length - recorded });
  });

  return router;
}

/** The request may only send us where its client is trusted to, and only about this patient. */
function checkFhirAccess(request: HookRequest, patientId: string, client: AuthenticatedClient | undefined): void {
  if (request.fhirServer && client && !client.allowsFhirServer(request.fhirServer)) {
    throw HttpProblem.badRequest('fhirServer: not a FHIR server this CDS client is registered for', ['fhirServer']);
  }
  const tokenPatient = request.fhirAuthorization?.patient;
  if (tokenPatient !== undefined && tokenPatient !== patientId) {
    throw HttpProblem.badRequest('fhirAuthorization.patient: does not match context.patientId', ['fhirAuthorization.patient']);
  }
}

function chartProblem(e: HookChartError): HttpProblem {
  switch (e.kind) {
    case 'patient-unavailable':
      // https://cds-hooks.hl7.org/2.0/#fhir-resource-access: no prefetch and no usable FHIR server.
      return new HttpProblem(412, outcome('not-found', `The patient's record could not be read: ${e.reason}`));
    case 'patient-mismatch':
      // The EHR's request was valid but its FHIR server answered with another patient: data unavailable.
      if (e.source === 'fhir') return new HttpProblem(412, outcome('not-found', `The patient's record could not be read: the FHIR server returned a Patient of another id`));
      // A wrong Patient in prefetch is the EHR's bad request.
      return HttpProblem.badRequest(`${e.field}: ${e.reason}`, [e.field]);
  }
}
