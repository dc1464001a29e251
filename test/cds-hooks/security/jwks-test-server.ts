// A real loopback HTTP server for JWKS in tests: serves fixed JSON per path, records every request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request path received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export type Route = { status: number; body: unknown } | 'hang';

/** Starts a server on 127.0.0.1, port 0. Unknown paths answer 404. */
export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    const route = routes[path];
    if (route === 'hang') return; // never answers: a JWKS host that has gone quiet
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(route.status, { 'content-type': 'application/json' }).end(JSON.stringify(route.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port that was just listening and is now closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = await startTestServer({});
  await server.close();
  return server.port;
}
