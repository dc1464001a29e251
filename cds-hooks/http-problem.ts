import type { OperationOutcome } from 'fhir/r4';
import { outcome } from '../src/outcomes';

/**
 * An error that already knows its HTTP answer. Thrown (or passed to next) by routes; the one
 * error handler (server/error-handler.ts) sends it. `outcome` is undefined for a bare 401.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: OperationOutcome | undefined,
    readonly headers: Record<string, string> = {},
  ) {
    super(body?.issue[0]?.diagnostics ?? `HTTP ${status}`);
    this.name = 'HttpProblem';
  }

  static badRequest(diagnostics: string, expression?: string[]): HttpProblem {
    return new HttpProblem(400, outcome('invalid', diagnostics, expression));
  }

  static notFound(diagnostics: string): HttpProblem {
    return new HttpProblem(404, outcome('not-found', diagnostics));
  }

  /** A bare 401: the spec's security guidance asks us to say nothing more. */
  static unauthorized(): HttpProblem {
    return new HttpProblem(401, undefined);
  }
}
