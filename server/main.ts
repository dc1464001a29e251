import type { AddressInfo } from 'node:net';
import type { ComposedService } from './compose';
import { composeService } from './compose';
import { loadConfig } from './config';
import { listen, listenMetrics } from './listen';
import { createLogger } from './logger';
import type { Store } from '../store/database';
import { openStore } from '../store/database';

// The process entry point (`npm start`): read the environment, listen, shut down gracefully.

const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`chartbrief: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const configResult = loadConfig(process.env);
  if (!configResult.ok) fail(configResult.error);
  const config = configResult.value;
  const logger = createLogger(config.logLevel);
  // The durable store first: a second instance on one DATA_DIR stops here with one line.
  const opened = await openStore(config, { onPoolError: (e) => logger.warn({ error: e.message }, 'database connection lost; the pool reconnects') });
  if (!opened.ok) fail(opened.error);
  const store: Store = opened.value;
  logger.info({ store: store.engine, ...(store.engine === 'pglite' && { dataDir: config.dataDir }), migrated: store.migrated }, 'store open');
  // Later start-up failures release the store (and DATA_DIR's lock) before exiting.
  const stop = async (message: string): Promise<never> => {
    await store.close().catch(() => undefined);
    return fail(message);
  };
  // Development: the sandbox EHR too, loaded only then (it needs dev dependencies; production never loads it).
  let announce = (): string[] => [];
  let service: ComposedService;
  if (config.sandbox) {
    const wired = await (await import('./sandbox-wiring.js')).composeWithSandbox(config, process.env, { logger, store });
    if (!wired.ok) return stop(wired.error);
    ({ service, urls: announce } = wired.value);
  } else {
    const composed = composeService(config, { logger, store });
    if (!composed.ok) return stop(composed.error);
    service = composed.value;
  }

  const server = await listen(service).catch((e: NodeJS.ErrnoException) => stop(`cannot listen on ${config.host}:${config.port}: ${e.code ?? e.message}`));
  const metricsServer = await listenMetrics(service).catch((e: NodeJS.ErrnoException) => stop(`METRICS_PORT: cannot listen on ${config.host}:${String(config.metricsPort)}: ${e.code ?? e.message}`));
  const { port } = server.address() as AddressInfo;
  logger.info({ port, ...(metricsServer !== undefined && { metricsPort: (metricsServer.address() as AddressInfo).port }), publicUrl: config.publicUrl, jwt: config.cdsClientsFile !== undefined, modelProvider: config.model.provider }, 'ChartBrief listening');
  for (const line of announce()) process.stdout.write(`${line}\n`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    // Fail readiness first so a load balancer stops sending new calls, then finish those in flight.
    service.setReady(false, 'shutting down');
    logger.info({ signal }, 'shutting down');
    // The store (and the Redis client) close after the server: calls in flight may still use them.
    server.close(() => {
      // The service first (it writes its queued records), then the store they go to.
      service
        .close()
        .then(() => store.close())
        .then(
          () => {
            logger.info('stopped');
            process.exit(0);
          },
          (e: unknown) => {
            logger.error({ error: e instanceof Error ? e.message : String(e) }, 'store did not close cleanly');
            process.exit(1);
          },
        );
    });
    server.closeIdleConnections();
    metricsServer?.close();
    setTimeout(() => {
      logger.warn('calls still open after the grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
