import { performance } from 'node:perf_hooks';
import type { AuditEvent, AuditLog } from '../src/ledger/ports';
import { problemStatus } from '../src/problems';
import type { AppSession } from './app-sessions';

// The audit row of an app launch (issue 12 §3): written once the chart the launch opened has
// loaded (or failed to), off the response path: who (the EHR's iss, the user) opened whose chart,
// which sections came, and which findings the page shows. Patient ids go here, never in the log.

export interface LaunchAuditDeps {
  audit: AuditLog;
  /** The write failed (logged without PHI by the caller). */
  onAuditError?: (error: unknown) => void;
}

export interface LaunchRecord {
  /** When the launch completed (the redirect URI was called). */
  at: Date;
  requestId: string;
  session: AppSession;
  /** `performance.now()` when the redirect URI was called: the duration runs to the chart loaded. */
  startedAt: number;
}

/** The event once the session's chart has loaded: 200 with its sections and findings, or the problem's status. */
export async function launchAuditEvent(record: LaunchRecord): Promise<AuditEvent> {
  const { session } = record;
  // A load that threw (a bug) is audited as a 500 like one that never started.
  const data = await (session.data ?? Promise.resolve(undefined)).catch(() => undefined);
  const base = {
    at: record.at,
    kind: 'app-launch' as const,
    requestId: record.requestId,
    clientIss: session.iss,
    patientId: session.context.patient,
    ...(session.user !== undefined && { userId: session.user.fhirUser }),
  };
  const durationMs = performance.now() - record.startedAt;
  if (data === undefined || !data.ok) return { ...base, status: data === undefined ? 500 : problemStatus(data.error), durationMs, sections: [], cards: [] };
  return {
    ...base,
    status: 200,
    durationMs,
    sections: data.value.chart.sections.map(({ section, state, source }) => ({ section, state, source })),
    cards: data.value.findings.map((f) => ({ ruleId: f.ruleId, indicator: f.severity })),
  };
}

/** Records the launch's audit event in the background; never throws. */
export function auditLaunch(record: LaunchRecord, deps: LaunchAuditDeps): void {
  void launchAuditEvent(record)
    .then((event) => deps.audit.record(event))
    .catch((e: unknown) => deps.onAuditError?.(e));
}
