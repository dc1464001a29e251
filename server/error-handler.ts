import type { ErrorRequestHandler, Response } from 'express';
import type { Problem } from '../src/problems';
import { problem, problemBody, problemStatus, ProblemError } from '../src/problems';
import type { Logger } from './logger';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && typeof (e as { status?: unknown }).status === 'number';
}

/** Maps what body-parser reports to a precise answer (it names the problem, we keep the body's content out). */
function fromBodyParser(e: BodyParserError, maxBodyBytes: number): Problem {
  switch (e.type) {
    case 'entity.too.large':
      return problem('too-large', `Request body is larger than the limit of ${maxBodyBytes} bytes (MAX_BODY_BYTES)`);
    case 'entity.parse.failed':
      return problem('invalid', 'Request body is not valid JSON (a JSON object is expected)', { code: 'structure' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem('unsupported-media', 'Unsupported content encoding or charset: send UTF-8 JSON');
    case 'request.aborted':
      return problem('invalid', 'Request was aborted by the client', { code: 'incomplete' });
    default:
      return problem('invalid', 'The request body could not be read');
  }
}

/** Answers a problem: its status, headers and OperationOutcome (nothing for a bare 401). The one place a Problem becomes HTTP. */
export function sendProblem(res: Response, p: Problem): void {
  for (const [k, v] of Object.entries(p.headers ?? {})) res.setHeader(k, v);
  const body = problemBody(p);
  if (body === undefined) {
    res.status(problemStatus(p)).end();
    return;
  }
  res.status(problemStatus(p)).type('application/json').send(JSON.stringify(body));
}

/**
 * The one place errors become HTTP for every route (CDS Hooks, the app, ops): problems as
 * src/problems.ts maps them, and for anything unexpected a 500 that carries no message from
 * inside and no stack.
 */
export function errorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof ProblemError) return sendProblem(res, error.problem);
    if (isBodyParserError(error)) return sendProblem(res, fromBodyParser(error, maxBodyBytes));
    // Log the error's name and stack frames only: its message could quote request data.
    const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
    logger.error({ requestId: req.requestId, errorName: error instanceof Error ? error.name : typeof error, frames }, 'unhandled error');
    sendProblem(res, problem('internal', 'Internal error; the request id in X-Request-Id identifies it in our logs'));
  };
}
