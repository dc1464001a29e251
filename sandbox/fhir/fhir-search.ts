import { evalFhirPath, getSearchParameter, getStatus, isOk, matchesSearchRequest, parseFhirPath, parseSearchRequest } from '@medplum/core';
import type { FhirRequest } from '@medplum/fhir-router';
import type { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { FhirQuirks } from './fhir-quirks';
import { presentResource, refusedSearch } from './fhir-quirks';

// Type searches: medplum matches the FHIR parameters (`category`, `code`, `status`, `date`, …);
// this module adds what @medplum/fhir-router 4.5.2 lacks (see ../../../shared/docs/dependencies.md):
// - a bare `patient=<id>` / `subject=<id>` is read as `Patient/<id>` (4.5.2 matches only the latter);
// - `_include=MedicationRequest:medication` (4.5.2 ignores `_include`);
// - `Bundle.link` self/next with `_count`/`_offset` paging (4.5.2 pages but links nothing);
// - speed: 4.5.2 parses a search parameter's FHIRPath again for every resource (for `_sort`, every
//   comparison) and evaluates every branch of shared parameters (`patient` is a 31-type union):
//   about a second over a few hundred Observations. `patient`/`subject` and `_sort` are applied
//   here, with the resource type's own branches of the same expressions, parsed once (same
//   semantics: a resource matches when the expression yields a reference `Patient/<id>`). With
//   a `patient=` the other parameters are matched (by medplum) on that patient's resources only.

export type MedplumResource = Parameters<MemoryRepository['createResource']>[0];
type MedplumBundle = Awaited<ReturnType<MemoryRepository['search']>>;

/** What one search may answer: a status and a FHIR body. */
export interface FhirAnswer {
  status: number;
  body: unknown;
}

/** Stored resources by type, then by the patient they are about (`subject`/`patient`). */
export type PatientIndex = Map<string, Map<string, MedplumResource[]>>;

export interface SearchContext {
  repo: MemoryRepository;
  byPatient: PatientIndex;
  router: FhirRouter;
  baseUrl: string;
  defaultPageSize: number;
  /** Put this URL as an extra `next` link (fault injection). */
  extraNextLink?: string;
  /** Ignore `_include` (as some servers do). */
  ignoreInclude?: boolean;
  quirks?: FhirQuirks;
  /** With a patient-bound token: the only patient whose resources may be returned. */
  onlyPatient?: string;
}

export function operationOutcome(code: string, diagnostics: string): object {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

export function fhirRequest(url: string): FhirRequest {
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
export function refersTo(type: string, code: string, reference: string, resource: MedplumResource): boolean {
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
  if (ctx.extraNextLink !== undefined) link.push({ relation: 'next', url: ctx.extraNextLink });
  return link;
}

/** A non-negative integer parameter, or `undefined` when it is not one. */
function intParam(params: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return fallback;
  return /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
}

/** A patient-bound token may only search by its own patient (and Patient by `_id`, filtered below). */
function patientScopeProblem(ctx: SearchContext, type: string, params: URLSearchParams): string | undefined {
  if (ctx.onlyPatient === undefined || type === 'Patient' || type === 'Medication' || type === 'Practitioner') return undefined;
  const own = `Patient/${ctx.onlyPatient}`;
  const named = ['patient', 'subject'].flatMap((name) => params.getAll(name));
  if (named.length === 0) return `a patient-level token searches ${type} by patient=${ctx.onlyPatient} only`;
  return named.every((v) => v === own) ? undefined : 'the token does not grant access to that patient';
}

/**
 * The resources of `type` matching the non-local parameters: among one patient's resources when the
 * search names one patient, else through medplum's router over the whole repository.
 */
async function matchFilters(ctx: SearchContext, type: string, filters: URLSearchParams, refs: { reference: string }[]): Promise<MedplumResource[] | FhirAnswer> {
  const patients = new Set(refs.map((f) => f.reference));
  const [only] = patients;
  if (patients.size === 1 && only?.startsWith('Patient/') && type !== 'Patient') {
    try {
      const request = parseSearchRequest(`${type}?${filters.toString()}`);
      return (ctx.byPatient.get(type)?.get(only.slice('Patient/'.length)) ?? []).filter((r) => matchesSearchRequest(r, request));
    } catch (e) {
      return { status: 400, body: operationOutcome('invalid', e instanceof Error ? e.message : 'invalid search') };
    }
  }
  const [outcome, resource] = await ctx.router.handleRequest(fhirRequest(`${type}?${filters.toString()}`), ctx.repo);
  if (!isOk(outcome) || resource?.resourceType !== 'Bundle') return { status: getStatus(outcome), body: outcome };
  return ((resource as MedplumBundle).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** A search: medplum matches; this adapter normalises `patient=`, sorts, pages, links and includes. */
export async function search(ctx: SearchContext, type: string, params: URLSearchParams): Promise<FhirAnswer> {
  const refused = refusedSearch(type, params, ctx.quirks);
  if (refused !== undefined) return { status: 400, body: operationOutcome('invalid', refused) };
  for (const name of ['patient', 'subject']) {
    const value = params.get(name);
    if (value !== null && !value.includes('/')) params.set(name, `Patient/${value}`);
  }
  const scopeProblem = patientScopeProblem(ctx, type, params);
  if (scopeProblem !== undefined) return { status: 403, body: operationOutcome('forbidden', scopeProblem) };
  const count = intParam(params, '_count', ctx.defaultPageSize);
  const offset = intParam(params, '_offset', 0);
  if (count === undefined || offset === undefined) return { status: 400, body: operationOutcome('invalid', '_count and _offset must be non-negative integers') };
  params.set('_count', String(count));
  params.set('_offset', String(offset));
  const local = ['_include', '_sort', '_count', '_offset', 'patient', 'subject'];
  const filters = new URLSearchParams([...params].filter(([name]) => !local.includes(name)));
  const refs = ['patient', 'subject'].flatMap((code) => params.getAll(code).map((reference) => ({ code, reference })));
  const candidates = await matchFilters(ctx, type, filters, refs);
  if (!Array.isArray(candidates)) return candidates;
  const all = candidates.filter(
    (r) => refs.every((f) => refersTo(type, f.code, f.reference, r)) && (type !== 'Patient' || ctx.onlyPatient === undefined || r.id === ctx.onlyPatient),
  );
  const sort = params.get('_sort');
  const matched = (sort ? sortResources(type, sort, all) : all).slice(offset, offset + count).map((r) => presentResource(r, ctx.quirks));
  const included = !ctx.ignoreInclude && params.getAll('_include').includes('MedicationRequest:medication') ? await includeMedications(ctx.repo, matched) : [];
  const entry = (r: MedplumResource, mode: 'match' | 'include'): object => ({ fullUrl: `${ctx.baseUrl}/${r.resourceType}/${r.id ?? ''}`, resource: r, search: { mode } });
  const entries = [...matched.map((r) => entry(r, 'match')), ...included.map((r) => entry(r, 'include'))];
  const link = searchLinks(ctx, type, params, { offset, count, total: all.length });
  return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', total: all.length, link, ...(entries.length > 0 && { entry: entries }) } };
}
