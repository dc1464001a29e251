// The floor for `npm run bench`: an HTTP server that does only what any CDS service must do with a
// patient-view call (receive the body through the same express JSON parser and body limit, parse it,
// find the patient id and the prefetch Patient) and answers no cards. Started by bench/run.ts with
// `fork`; it reports its port over the IPC channel.
import type { AddressInfo } from 'node:net';
import express from 'express';

const limit = Number(process.env['MAX_BODY_BYTES'] ?? 10 * 1024 * 1024);

const app = express();
app.post('/cds-services/patient-view', express.json({ limit, type: ['application/json', 'application/*+json'], strict: true }), (req, res) => {
  const body = req.body as { context?: { patientId?: unknown }; prefetch?: { patient?: { resourceType?: unknown; id?: unknown } } };
  const patientId = body.context?.patientId;
  const patient = body.prefetch?.patient;
  if (typeof patientId !== 'string' || patient?.resourceType !== 'Patient' || patient.id !== patientId) {
    res.status(400).json({ error: 'no patient' });
    return;
  }
  res.json({ cards: [] });
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
