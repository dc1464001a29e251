import type { ErrorRequestHandler } from 'express';
import { HttpProblem } from '../cds-hooks/http-problem';
import { outcome } from '../src/outcomes';
import type { Logger } from './logger';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && typeof (e as { status?: unknown }).status === 'number';
}

/** Maps what body-parser reports to a precise answer (it names the problem, we keep the body's content out). */
function fromBodyParser(e: BodyParserError, maxBodyBytes: number): HttpProblem {
  switch (e.type) {
    case 'entity.too.large':
      return new HttpProblem(413, outcome('too-costly', `Request body is larger than the limit of ${maxBodyBytes} bytes (MAX_BODY_BYTES)`));
    case 'entity.parse.failed':
      return new HttpProblem(400, outcome('structure', 'Request body is not valid JSON (a JSON object is expected)'));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, outcome('not-supported', 'Unsupported content encoding or charset: send UTF-8 JSON'));
    case 'request.aborted':
      return new HttpProblem(400, outcome('incomplete', 'Request was aborted by the client'));
    default:
      return new HttpProblem(e.status >= 400 && e.status < 500 ? e.status : 400, outcome('invalid', 'The request body could not be read'));
  }
}

/**
 * The one place errors become HTTP: OperationOutcome bodies, a bare 401, and for anything
 * unexpected a 500 that carries no message from inside and no stack.
 */
export function errorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let problem: HttpProblem;
    if (error instanceof HttpProblem) problem = error;
    else if (isBodyParserError(error)) problem = fromBodyParser(error, maxBodyBytes);
    else {
      // Log the error's name and stack frames only: its message could quote request data.
      const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
      logger.error({ requestId: req.requestId, errorName: error instanceof Error ? error.name : typeof error, frames }, 'unhandled error');
      problem = new HttpProblem(500, outcome('exception', 'Internal error; the request id in X-Request-Id identifies it in our logs'));
    }
    for (const [k, v] of Object.entries(problem.headers)) res.setHeader(k, v);
    if (problem.body === undefined) {
      res.status(problem.status).end();
      return;
    }
    res.status(problem.status).type('application/json').send(JSON.stringify(problem.body));
  };
}
