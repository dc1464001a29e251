import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';

/**
 * Every way a request can fail, said once for the whole service: the use cases (the hook, the
 * app's API) return or throw a `Problem`; `PROBLEMS` decides its HTTP status and OperationOutcome
 * issue code, here and nowhere else. Plain data: no HTTP library is involved, so `cds-hooks/` and
 * `launch/` share it without importing each other, and tests read it without a server.
 * Every body is an OperationOutcome (but a bare 401 to a CDS client), as the CDS Hooks 3.0 ballot
 * recommends: https://build.fhir.org/ig/HL7/cds-hooks/en/#http-response
 */

export type ProblemKind =
  | 'invalid'
  | 'unauthenticated'
  | 'session-ended'
  | 'forbidden'
  | 'not-found'
  | 'too-large'
  | 'unsupported-media'
  | 'throttled'
  | 'data-unavailable'
  | 'upstream-failed'
  | 'not-ready'
  | 'internal';

interface ProblemMapping {
  status: number;
  code: OperationOutcomeIssue['code'];
  /** False for the bare 401 the CDS Hooks security guidance asks for: nothing more is said. */
  body: boolean;
}

export const PROBLEMS: Readonly<Record<ProblemKind, ProblemMapping>> = {
  invalid: { status: 400, code: 'invalid', body: true },
  unauthenticated: { status: 401, code: 'login', body: false },
  // The app's session ended: the page needs the words to show (relaunch from the EHR).
  'session-ended': { status: 401, code: 'expired', body: true },
  forbidden: { status: 403, code: 'forbidden', body: true },
  'not-found': { status: 404, code: 'not-found', body: true },
  'too-large': { status: 413, code: 'too-costly', body: true },
  'unsupported-media': { status: 415, code: 'not-supported', body: true },
  throttled: { status: 429, code: 'throttled', body: true },
  // https://cds-hooks.hl7.org/2.0/#fhir-resource-access: the data the service needs could not be read.
  'data-unavailable': { status: 412, code: 'not-found', body: true },
  'upstream-failed': { status: 502, code: 'transient', body: true },
  'not-ready': { status: 503, code: 'transient', body: true },
  internal: { status: 500, code: 'exception', body: true },
};

export interface ProblemIssue {
  diagnostics: string;
  /** The offending fields, e.g. `context.patientId`. */
  expression?: string[];
  /** A short title the app's page shows above the diagnostics. */
  title?: string;
  /** Overrides the kind's issue code, e.g. `structure` for a body that is not JSON. */
  code?: OperationOutcomeIssue['code'];
}

export interface Problem {
  kind: ProblemKind;
  issues: ProblemIssue[];
  /** Response headers that belong to the answer (e.g. `Retry-After`). */
  headers?: Readonly<Record<string, string>>;
}

/** A problem with one issue. */
export function problem(kind: ProblemKind, diagnostics: string, more: Omit<ProblemIssue, 'diagnostics'> = {}): Problem {
  return { kind, issues: [{ diagnostics, ...more }] };
}

/** One `invalid` problem naming every bad field. */
export function invalidFields(issues: ReadonlyArray<{ path: string; message: string }>): Problem {
  return { kind: 'invalid', issues: issues.map((i) => ({ diagnostics: `${i.path}: ${i.message}`, expression: [i.path] })) };
}

export function problemStatus(p: Problem): number {
  return PROBLEMS[p.kind].status;
}

/** The answer's body: an OperationOutcome, or undefined for a bare 401. */
export function problemBody(p: Problem): OperationOutcome | undefined {
  const mapping = PROBLEMS[p.kind];
  if (!mapping.body) return undefined;
  return {
    resourceType: 'OperationOutcome',
    issue: p.issues.map((i) => {
      const issue: OperationOutcomeIssue = { severity: 'error', code: i.code ?? mapping.code, diagnostics: i.diagnostics };
      if (i.title !== undefined) issue.details = { text: i.title };
      if (i.expression !== undefined && i.expression.length > 0) issue.expression = i.expression;
      return issue;
    }),
  };
}

/** A problem thrown by an adapter's route, for the one error handler to answer. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.issues[0]?.diagnostics ?? problem.kind);
    this.name = 'ProblemError';
  }
}
