import { join } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import { MARKDOWN_IT_DIR, PUBLIC_DIR as APP_PUBLIC_DIR } from '../launch/pages';
import type { FeedbackStore } from '../src/ledger/ports';
import { draftForIngredient, searchDrugs } from './ehr/drug-search';
import { DRAFT_ORDER_OPTIONS, draftOrder } from './ehr/draft-orders';
import type { HookCall } from './ehr/hook-calls';
import { HOOKS, PREFETCH_MODES, SANDBOX_USER, buildHookRequest, postSigned } from './ehr/hook-calls';
import { PUBLIC_DIR } from './paths';
import type { SandboxEhr } from './start-sandbox-ehr';

/**
 * `/sandbox`: the EHR simulator's page (static files in sandbox/public) and the small API it
 * calls. The page never holds a key or a token: this side signs the CDS Hooks calls, fetches
 * prefetch and mints launch codes, as an EHR's back end does. Development only.
 */

export interface SandboxRouterDeps {
  ehr: SandboxEhr;
  /** The service's feedback store, read back for the page and the browser tests. */
  feedback: FeedbackStore;
}

const draftOrderSchema = z.looseObject({ resourceType: z.literal('MedicationRequest'), id: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'must be a FHIR id') });
const hookBodySchema = z.object({
  patientId: z.string().min(1),
  prefetch: z.enum(PREFETCH_MODES).default('full'),
  draftOrders: z.array(draftOrderSchema).max(20).optional(),
  selections: z.array(z.string().max(200)).max(20).optional(),
});
const settingsSchema = z.object({ epicQuirks: z.boolean() });
const launchQuerySchema = z.object({ patient: z.string().min(1), app: z.string().optional(), appContext: z.string().max(4096).optional() });

function badRequest(res: Response, error: z.ZodError | string): void {
  const message = typeof error === 'string' ? error : error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  res.status(400).json({ error: message });
}

/** The app launch URL a smart link may name: on the service's own origin only (no open redirect). */
function launchTarget(app: string | undefined, serviceUrl: string): URL | undefined {
  try {
    const target = new URL(app ?? `${serviceUrl}/launch`);
    return target.origin === new URL(serviceUrl).origin ? target : undefined;
  } catch {
    return undefined;
  }
}

type Patient = SandboxEhr['patients'][number];

function findPatient(ehr: SandboxEhr, id: unknown): Patient | undefined {
  return typeof id === 'string' ? ehr.patients.find((p) => p.id === id) : undefined;
}

function unknownPatient(res: Response): void {
  res.status(404).json({ error: 'unknown patient' });
}

/** Patients, settings (Epic quirks) and the draft orders a clinician can pick. */
function chartRoutes(router: Router, ehr: SandboxEhr): void {
  router.get('/api/patients', (_req, res) => {
    res.json({ patients: ehr.patients });
  });
  router.get('/api/settings', (_req, res) => {
    res.json({ epicQuirks: ehr.epicQuirks(), serviceUrl: ehr.ehrDeps.serviceUrl(), fhirBaseUrl: ehr.fhirBaseUrl, authUrl: ehr.authUrl, user: SANDBOX_USER });
  });
  router.put('/api/settings', express.json({ limit: '4kb' }), (req, res) => {
    const parsed = settingsSchema.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    ehr.setEpicQuirks(parsed.data.epicQuirks);
    res.json({ epicQuirks: ehr.epicQuirks() });
  });
  router.get('/api/draft-orders', (req, res) => {
    const p = findPatient(ehr, req.query['patient']);
    if (!p) return unknownPatient(res);
    const authoredOn = new Date().toISOString().slice(0, 10);
    res.json({ draftOrders: DRAFT_ORDER_OPTIONS.map((o) => draftOrder(o, p.id, p.encounterId, authoredOn)) });
  });
  // The order box: any drug the knowledge tables know, by name, as a draft for this patient.
  router.get('/api/drugs', (req, res) => {
    const p = findPatient(ehr, req.query['patient']);
    if (!p) return unknownPatient(res);
    const q = typeof req.query['q'] === 'string' ? req.query['q'] : '';
    const authoredOn = new Date().toISOString().slice(0, 10);
    res.json({ drugs: searchDrugs(q).map((m) => ({ ...m, draft: draftForIngredient(m, p.id, p.encounterId, authoredOn) })) });
  });
}

/** Fires a hook as the EHR: prefetch from the sandbox FHIR server, a patient token, a signed call. */
function fireHook(ehr: SandboxEhr) {
  return async (req: Request, res: Response): Promise<void> => {
    const hook = HOOKS.find((h) => h === req.params['hook']);
    if (hook === undefined) return void res.status(404).json({ error: `unknown hook; one of ${HOOKS.join(', ')}` });
    const parsed = hookBodySchema.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const p = findPatient(ehr, parsed.data.patientId);
    if (!p) return unknownPatient(res);
    const call: HookCall = {
      hook,
      patientId: p.id,
      prefetch: parsed.data.prefetch,
      ...(p.encounterId !== undefined && { encounterId: p.encounterId }),
      ...(parsed.data.draftOrders !== undefined && { draftOrders: parsed.data.draftOrders as unknown as NonNullable<HookCall['draftOrders']> }),
      ...(parsed.data.selections !== undefined && { selections: parsed.data.selections }),
    };
    const request = await buildHookRequest(ehr.ehrDeps, call);
    const answer = await postSigned(ehr.ehrDeps, `/cds-services/${hook}`, request);
    res.json({ request, answer });
  };
}

/** Hooks and their feedback, signed as the EHR; and (development only) the feedback store read back. */
function hookRoutes(router: Router, deps: SandboxRouterDeps): void {
  router.post('/api/hooks/:hook', express.json({ limit: '1mb' }), fireHook(deps.ehr));
  router.post('/api/feedback/:hook', express.json({ limit: '64kb' }), async (req, res) => {
    const hook = HOOKS.find((h) => h === req.params['hook']);
    if (hook === undefined) return void res.status(404).json({ error: 'unknown hook' });
    const answer = await postSigned(deps.ehr.ehrDeps, `/cds-services/${hook}/feedback`, req.body);
    res.json({ answer });
  });
  router.get('/api/feedback', async (_req, res) => {
    res.json({ feedback: await deps.feedback.list() });
  });
}

/**
 * An EHR launch: mint a launch code for the patient, then open `{app}?iss={fhir base}&launch={code}`.
 * https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch
 */
function launchRoute(router: Router, ehr: SandboxEhr): void {
  router.get('/launch', (req, res) => {
    const parsed = launchQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const p = findPatient(ehr, parsed.data.patient);
    if (!p) return unknownPatient(res);
    const target = launchTarget(parsed.data.app, ehr.ehrDeps.serviceUrl());
    if (target === undefined) return badRequest(res, 'app: must be a URL on the ChartBrief service');
    const launch = ehr.auth.createLaunch({
      patient: p.id,
      user: SANDBOX_USER,
      ...(p.encounterId !== undefined && { encounter: p.encounterId }),
      ...(parsed.data.appContext !== undefined && { appContext: parsed.data.appContext }),
    });
    target.searchParams.set('iss', ehr.fhirBaseUrl);
    target.searchParams.set('launch', launch);
    res.redirect(302, target.href);
  });
}

/** The `/sandbox` router: mount it at `/sandbox` on the service's port (development only). */
export function sandboxRouter(deps: SandboxRouterDeps): Router {
  const router = express.Router();
  router.use(helmet());
  chartRoutes(router, deps.ehr);
  hookRoutes(router, deps);
  launchRoute(router, deps.ehr);
  // The page renders card markdown as the app does: markdown-it's browser build and the app's setup of it.
  router.use('/vendor/markdown-it', express.static(MARKDOWN_IT_DIR, { index: false, fallthrough: false }));
  router.get('/vendor/card-markdown.js', (_req, res) => res.sendFile(join(APP_PUBLIC_DIR, 'card-markdown.js')));
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true }));
  router.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such sandbox API route' });
  });
  // Errors of the sandbox (e.g. the service is unreachable) stay in the sandbox and say what failed.
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const message = error instanceof Error ? error.message : String(error);
    res.status(502).json({ error: `sandbox: ${message}` });
  });
  return router;
}
