import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    requestId?: string;
  }
}

// A caller's X-Request-Id is kept only if it looks like an id, so nothing else reaches the logs.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request an id, echoed in `X-Request-Id`, for logs and support. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const id = given && SAFE_ID.test(given) ? given : randomUUID();
  req.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
}
