import { createServer } from 'node:http';
import type { RecordedRequest } from '../../sandbox/fhir/fhir-server';

// The loopback FHIR server lives with the sandbox EHR (sandbox/fhir/fhir-server.ts), which runs it
// at start-up; the tests start their own with a fixed token. The helpers below are test-only.
export type { FhirFault, FhirServerOptions, RecordedRequest, RunningFhirServer } from '../../sandbox/fhir/fhir-server';
export { startFhirServer } from '../../sandbox/fhir/fhir-server';

/** A plain HTTP server that answers 404 to everything and records what it received: the "elsewhere" a next link must never lead. */
export async function startRecordingServer(): Promise<{ origin: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const authorization = req.headers.authorization;
    requests.push({ method: req.method ?? '', url: req.url ?? '', ...(authorization !== undefined && { authorization }) });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on a port that was just listening and is now closed: connecting is refused ("server down"). */
export async function closedFhirBase(): Promise<string> {
  const s = await startRecordingServer();
  await s.close();
  return `${s.origin}/fhir`;
}
