import { randomUUID } from 'node:crypto';
import type { MedicationRequest } from 'fhir/r4';
import type { EhrSigner } from './ehr-signer';

// The sandbox EHR's side of CDS Hooks: read discovery, fill the prefetch templates from its own
// FHIR server, build the request with `fhirServer` + `fhirAuthorization`, sign it, send it.
// https://cds-hooks.hl7.org/2.0/#calling-a-cds-service

export const HOOKS = ['patient-view', 'order-select', 'order-sign'] as const;
export type HookId = (typeof HOOKS)[number];

/** How much the EHR prefetches: everything asked, the chart's core (patient, problems, medications, allergies), or nothing. */
export const PREFETCH_MODES = ['full', 'partial', 'none'] as const;
export type PrefetchMode = (typeof PREFETCH_MODES)[number];
const PARTIAL_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'AllergyIntolerance'];

/** The signed-in sandbox clinician (see ../fixtures/seed.ts). */
export const SANDBOX_USER = 'Practitioner/sandbox-clinician';
/** Who the `fhirAuthorization` token is issued to. */
export const CDS_SERVICE_CLIENT_ID = 'chartbrief-cds-service';
const CDS_SCOPE = 'patient/*.read';

export interface EhrDeps {
  /** The CDS service's base URL (its `PUBLIC_URL`). */
  serviceUrl: () => string;
  fhirBaseUrl: () => string;
  signer: EhrSigner;
  /** An access token from the sandbox's authorization server, bound to `patient`. */
  issueToken(patient: string, scope: string, clientId: string): Promise<string>;
  timeoutMs?: number;
}

export interface HookCall {
  hook: HookId;
  patientId: string;
  encounterId?: string;
  prefetch: PrefetchMode;
  draftOrders?: MedicationRequest[];
  selections?: string[];
}

/** What the service answered (`body` is its JSON, or null when it sent none). */
export interface ServiceAnswer {
  status: number;
  body: unknown;
  ms: number;
}

function fillTemplate(template: string, context: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const filled = template.replace(/\{\{\s*([A-Za-z.]+)\s*\}\}/g, (_m, token: string) => {
    const value = context[token];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : filled;
}

async function getJson(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** The prefetch templates the service's discovery advertises for `hook`. */
async function prefetchTemplates(deps: EhrDeps, hook: HookId): Promise<Record<string, string>> {
  const { status, body } = await getJson(`${deps.serviceUrl()}/cds-services`, {}, deps.timeoutMs ?? 5000);
  if (status !== 200) return {};
  const services = (body as { services?: { id?: string; prefetch?: Record<string, string> }[] } | null)?.services ?? [];
  return services.find((s) => s.id === hook)?.prefetch ?? {};
}

/**
 * Each template's answer from the EHR's own FHIR server, as the spec defines the values: the
 * resource or Bundle; `null` for nothing found; an OperationOutcome for an error. Keys outside the
 * mode are left out (the service must then fetch them itself).
 */
async function prefetchFor(deps: EhrDeps, call: HookCall, token: string): Promise<Record<string, unknown> | undefined> {
  if (call.prefetch === 'none') return undefined;
  const templates = await prefetchTemplates(deps, call.hook);
  const context = { 'context.patientId': call.patientId, 'context.encounterId': call.encounterId, 'context.userId': SANDBOX_USER, userPractitionerId: SANDBOX_USER.split('/')[1] };
  const prefetch: Record<string, unknown> = {};
  await Promise.all(
    Object.entries(templates).map(async ([key, template]) => {
      const query = fillTemplate(template, context);
      const type = query?.split(/[/?]/)[0] ?? '';
      if (query === undefined || (call.prefetch === 'partial' && !PARTIAL_TYPES.includes(type))) return;
      const { status, body } = await getJson(`${deps.fhirBaseUrl()}/${query}`, { authorization: `Bearer ${token}` }, deps.timeoutMs ?? 5000);
      if (status === 200) prefetch[key] = body;
      else if (status === 404) prefetch[key] = null;
      else prefetch[key] = (body as { resourceType?: string } | null)?.resourceType === 'OperationOutcome' ? body : { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: `FHIR server answered ${status}` }] };
    }),
  );
  return prefetch;
}

function hookContext(call: HookCall): Record<string, unknown> {
  const base = { userId: SANDBOX_USER, patientId: call.patientId, ...(call.encounterId !== undefined && { encounterId: call.encounterId }) };
  if (call.hook === 'patient-view') return base;
  const draftOrders = { resourceType: 'Bundle', type: 'collection', entry: (call.draftOrders ?? []).map((resource) => ({ resource })) };
  if (call.hook === 'order-sign') return { ...base, draftOrders };
  return { ...base, selections: call.selections ?? (call.draftOrders ?? []).map((d) => `MedicationRequest/${d.id ?? ''}`), draftOrders };
}

/** The whole hook request the EHR sends: context, `fhirServer`, `fhirAuthorization` for this patient, prefetch per mode. */
export async function buildHookRequest(deps: EhrDeps, call: HookCall): Promise<Record<string, unknown>> {
  const token = await deps.issueToken(call.patientId, CDS_SCOPE, CDS_SERVICE_CLIENT_ID);
  const prefetch = await prefetchFor(deps, call, token);
  return {
    hook: call.hook,
    hookInstance: randomUUID(),
    fhirServer: deps.fhirBaseUrl(),
    fhirAuthorization: { access_token: token, token_type: 'Bearer', expires_in: 300, scope: CDS_SCOPE, subject: CDS_SERVICE_CLIENT_ID, patient: call.patientId },
    context: hookContext(call),
    ...(prefetch !== undefined && { prefetch }),
  };
}

/** POSTs `body` to the service at `path` (`/cds-services/{id}` or `.../feedback`), signed for that exact URL. */
export async function postSigned(deps: EhrDeps, path: string, body: unknown): Promise<ServiceAnswer> {
  const url = `${deps.serviceUrl()}${path}`;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await deps.signer.authorization(url) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, ms: Math.round(performance.now() - started) };
}
