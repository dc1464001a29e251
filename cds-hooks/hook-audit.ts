import type { BriefProvenance } from '../src/brief/brief';
import type { AuditEvent } from '../src/ledger/ports';
import type { HookAnswer } from './answer-hook';

// The audit row of one hook call (issue 12 §3): who (client iss, user) saw what (cards and their
// rules) about whom (patient), from which sections (prefetch or FHIR), written by which model.
// Patient ids go here and never into the application log.

/** The model behind a brief, as the audit names it; none for the embedded summary. */
export function modelUsed(provenance: BriefProvenance): AuditEvent['model'] {
  if (provenance.provider === 'embedded') return undefined;
  return {
    deployment: provenance.model ?? provenance.provider,
    promptVersion: provenance.promptVersion ?? '',
    promptHash: provenance.promptHash ?? '',
    verified: provenance.verified ?? 0,
    dropped: provenance.dropped ?? 0,
  };
}

/** `context[field]` of an untrusted body, when it is a non-empty string. */
function contextString(body: unknown, field: 'patientId' | 'userId'): string | undefined {
  if (typeof body !== 'object' || body === null || !('context' in body)) return undefined;
  const context = body.context;
  if (typeof context !== 'object' || context === null || !(field in context)) return undefined;
  const value = (context as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface HookCallRecord {
  at: Date;
  requestId: string;
  service: string;
  /** The EHR's JWT `iss`. */
  clientIss?: string;
  status: number;
  durationMs: number;
  /** The answer, when the call was answered with cards. */
  answer?: HookAnswer;
  /** The request body, for the patient (and user) an error answer was about. */
  body: unknown;
}

/**
 * The audit event of a hook call; undefined for an error answer that names no patient (nothing
 * was read about anyone). On an error the ids are those the request claimed.
 */
export function hookAuditEvent(call: HookCallRecord): AuditEvent | undefined {
  const { answer } = call;
  const patientId = answer?.patientId ?? contextString(call.body, 'patientId');
  if (patientId === undefined) return undefined;
  const userId = answer ? answer.userId : contextString(call.body, 'userId');
  const model = answer?.model;
  return {
    at: call.at,
    kind: 'hook',
    requestId: call.requestId,
    service: call.service,
    patientId,
    status: call.status,
    durationMs: call.durationMs,
    sections: (answer?.stats.sections ?? []).map(({ section, state, source }) => ({ section, state, source })),
    cards: (answer?.shown ?? []).map((c) => ({ uuid: c.uuid, ...(c.ruleId !== undefined && { ruleId: c.ruleId }), indicator: c.indicator })),
    ...(call.clientIss !== undefined && { clientIss: call.clientIss }),
    ...(userId !== undefined && { userId }),
    ...(model !== undefined && { model }),
  };
}
