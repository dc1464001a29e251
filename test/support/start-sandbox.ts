import type { Server } from 'node:http';
import pino from 'pino';
import { loadConfig } from '../../server/config';
import { listen } from '../../server/listen';
import type { ServiceWithSandbox } from '../../server/sandbox-wiring';
import { composeWithSandbox } from '../../server/sandbox-wiring';
import type { Page } from 'playwright-core';

export interface RunningSandbox extends ServiceWithSandbox {
  /** The service's base URL (`http://127.0.0.1:<port>`); the page is `${baseUrl}/sandbox/`. */
  baseUrl: string;
  logs: string[];
  close(): Promise<void>;
}

/** Starts the service with the sandbox EHR exactly as `npm start` does in development, on free loopback ports. */
export async function startSandbox(env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<RunningSandbox> {
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  if (!config.ok) throw new Error(config.error);
  const logs: string[] = [];
  const logger = pino({ level: config.value.logLevel }, { write: (line: string) => void logs.push(line) });
  const wired = await composeWithSandbox(config.value, { SANDBOX_PORT: '0', ...env }, { logger, ...(options.now !== undefined && { now: options.now }) });
  if (!wired.ok) throw new Error(wired.error);
  const server: Server = await listen(wired.value.service);
  return {
    ...wired.value,
    baseUrl: config.value.publicUrl,
    logs,
    close: async () => {
      await wired.value.sandbox.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // The Redis client, when REDIS_URL was given.
      await wired.value.service.close();
    },
  };
}

/** A new page of the sandbox EHR in `browser`, at `viewport` when given, once the page says it is ready. */
export async function openSandboxPage(browser: { context: { newPage(): Promise<Page> } }, sb: RunningSandbox, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${sb.baseUrl}/sandbox`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}
