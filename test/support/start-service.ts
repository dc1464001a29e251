import type { Server } from 'node:http';
import pino from 'pino';
import type { Summarizer } from '../../src/brief/summarizer';
import type { Ledger } from '../../src/ledger/ports';
import type { ComposedService } from '../../server/compose';
import { composeService } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { listen } from '../../server/listen';

export interface RunningService {
  baseUrl: string;
  service: ComposedService;
  /** Log lines the service wrote (pino JSON), to check that nothing sensitive is logged. */
  logs: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  summarizer?: Summarizer;
  now?: () => Date;
  /** The ledger (default: a fresh in-memory one). */
  ledger?: Ledger;
}

/** Starts the real service (same composition as `npm start`) on a free loopback port. */
export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env });
  if (!config.ok) throw new Error(config.error);
  const logs: string[] = [];
  const logger = pino({ level: config.value.logLevel }, { write: (line: string) => void logs.push(line) });
  const composed = composeService(config.value, {
    logger,
    ...(options.summarizer !== undefined && { summarizer: options.summarizer }),
    ...(options.now !== undefined && { now: options.now }),
    ...(options.ledger !== undefined && { ledger: options.ledger }),
  });
  if (!composed.ok) throw new Error(composed.error);
  const server: Server = await listen(composed.value);
  return {
    baseUrl: composed.value.config.publicUrl,
    service: composed.value,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // The Redis client, when REDIS_URL was given.
      await composed.value.close();
    },
  };
}
