import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ComposedService } from './compose';
import { metricsApp } from './ops-routes';

/**
 * Listens on the configured host and port (0: any free port) and marks the service ready.
 * Without PUBLIC_URL, the public URL (JWT audience, smart links) becomes the address bound.
 */
export function listen(service: ComposedService): Promise<Server> {
  const { config } = service;
  const server = createServer(service.app);
  // Slow clients must not hold sockets forever; EHR calls are small and quick.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      if (!config.publicUrlExplicit) {
        config.publicUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      }
      service.setReady(true);
      resolve(server);
    });
  });
}

/**
 * With METRICS_PORT, `/metrics` on its own listener on the configured host (Prometheus scrapes it
 * inside the cluster; the public port no longer serves it). Undefined without METRICS_PORT.
 */
export function listenMetrics(service: ComposedService): Promise<Server | undefined> {
  const { config } = service;
  if (config.metricsPort === undefined) return Promise.resolve(undefined);
  const server = createServer(metricsApp(service.metrics));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metricsPort, config.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
