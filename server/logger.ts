import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured logs without PHI: request ids, routes, status, timings and counts only. Headers are
 * never logged whole, and anything that could carry a token is redacted should it slip in.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'chartbrief' },
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'access_token', '*.access_token', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}
