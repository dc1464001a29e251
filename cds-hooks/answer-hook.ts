import type { ChartLoadError, ChartLoadStats } from '../src/chart/chart-load-result';
import type { ChartLoader } from '../src/chart/chart-loader';
import type { CdsResponse } from '../src/cds/cds-types';
import type { Deadline } from '../src/deadline';
import type { AuditEvent, ShownCard } from '../src/ledger/ports';
import type { Problem } from '../src/problems';
import { invalidFields, problem } from '../src/problems';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { AuthenticatedClient } from './cds-auth';
import type { HookRequest } from './hook-request';
import { fieldIssues, hookRequestSchema } from './hook-request';
import type { HookDeps } from './services/cds-service';
import { findService } from './services/registry';

/**
 * One CDS Hooks call, from its parsed body to its cards, with no HTTP in sight: the router calls
 * it after authentication and body parsing, tests call it directly. Each step's failure is a
 * `Problem` (src/problems.ts maps it to a status); nothing here throws for bad input.
 * https://cds-hooks.hl7.org/2.0/#calling-a-cds-service
 */

export interface HookCall {
  /** The `{id}` of `POST /cds-services/{id}`. */
  serviceId: string;
  /** The request body, parsed as JSON but otherwise untrusted. */
  body: unknown;
  /** The EHR that signed the call (absent when JWTs are not enforced, in development). */
  client?: AuthenticatedClient;
  /** Counts from the request's arrival: chart loading and the model wait fit inside it. */
  deadline: Deadline;
}

export interface AnswerHookDeps {
  loadChart: ChartLoader;
  hook: HookDeps;
}

/** The cards, and what it took: counts only (no PHI), for the log line and metrics. */
export interface HookAnswer {
  response: CdsResponse;
  stats: ChartLoadStats;
  /** Sections that could not be read (from prefetch or the FHIR server) by the deadline or at all. */
  unavailable: string[];
  /** What each card of `response` was made from, in its order: what the card ledger records. */
  shown: ShownCard[];
  /** Who was shown them (for the ledger and the audit trail, never the application log). */
  hookInstance: string;
  patientId: string;
  userId?: string;
  /** The model behind the brief card, when one wrote it (the audit trail names it). */
  model?: AuditEvent['model'];
}

/** The request may only send us where its client is trusted to, and only about this patient. */
function fhirAccessProblem(request: HookRequest, patientId: string, client: AuthenticatedClient | undefined): Problem | undefined {
  if (request.fhirServer && client && !client.allowsFhirServer(request.fhirServer)) {
    return problem('invalid', 'fhirServer: not a FHIR server this CDS client is registered for', { expression: ['fhirServer'] });
  }
  const tokenPatient = request.fhirAuthorization?.patient;
  if (tokenPatient !== undefined && tokenPatient !== patientId) {
    return problem('invalid', 'fhirAuthorization.patient: does not match context.patientId', { expression: ['fhirAuthorization.patient'] });
  }
  return undefined;
}

/** Why no chart: 412 when the patient could not be read (or the FHIR server gave another one), 400 when the EHR's prefetch did. */
export function chartProblem(e: ChartLoadError): Problem {
  if (e.kind === 'patient-mismatch' && e.source === 'prefetch') return problem('invalid', `${e.field}: ${e.reason}`, { expression: [e.field] });
  const why = e.kind === 'patient-mismatch' ? 'the FHIR server returned a Patient of another id' : e.reason;
  return problem('data-unavailable', `The patient's record could not be read: ${why}`);
}

/** Answers one hook call: the cards, or the problem that stops it. */
export async function answerHook(call: HookCall, deps: AnswerHookDeps): Promise<Result<HookAnswer, Problem>> {
  const service = findService(call.serviceId);
  if (!service) return err(problem('not-found', `No CDS service "${call.serviceId}"; GET /cds-services lists them`));
  const parsed = hookRequestSchema.safeParse(call.body);
  if (!parsed.success) return err(invalidFields(fieldIssues(parsed.error)));
  const request = parsed.data;
  const prepared = service.prepare(request);
  if (!prepared.ok) return err(invalidFields(prepared.error));
  const { patientId } = prepared.value;
  const refused = fhirAccessProblem(request, patientId, call.client);
  if (refused) return err(refused);

  const loaded = await deps.loadChart({
    patientId,
    sections: service.sections,
    deadline: call.deadline,
    ...(request.prefetch !== undefined && { prefetch: request.prefetch }),
    ...(request.fhirServer !== undefined && { fhirServer: request.fhirServer }),
    ...(request.fhirAuthorization !== undefined && { accessToken: request.fhirAuthorization.access_token }),
  });
  if (!loaded.ok) return err(chartProblem(loaded.error));
  const { chart, stats } = loaded.value;
  const { response, shown, model } = await prepared.value.run(chart, deps.hook, call.deadline);
  const made = new Map(shown.map((s) => [s.uuid, s]));
  return ok({
    response,
    stats,
    unavailable: chart.unavailableSections().map((s) => s.section),
    // Every card returned is recorded, even one a service forgot to describe.
    shown: response.cards.map((c) => made.get(c.uuid) ?? { uuid: c.uuid, indicator: c.indicator, knowledge: [], draftRefs: [] }),
    hookInstance: request.hookInstance,
    patientId,
    ...(prepared.value.userId !== undefined && { userId: prepared.value.userId }),
    ...(model !== undefined && { model }),
  });
}
