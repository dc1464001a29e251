import { postJson, send } from '../support/http';
import { patientViewRequest } from '../support/hook-requests';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.close());

it('answers liveness and readiness', async () => {
  expect((await send(`${svc.baseUrl}/healthz`)).status).toBe(200);
  expect((await send(`${svc.baseUrl}/readyz`)).status).toBe(200);
});

it('fails readiness once shutdown begins, while liveness holds', async () => {
  svc.service.setReady(false, 'shutting down');
  try {
    const reply = await send(`${svc.baseUrl}/readyz`);
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ status: 'not-ready', reason: 'shutting down' });
    expect((await send(`${svc.baseUrl}/healthz`)).status).toBe(200);
  } finally {
    svc.service.setReady(true);
  }
});

it('exposes request counts and hook latency by service in Prometheus format', async () => {
  expect((await postJson(`${svc.baseUrl}/cds-services/patient-view`, patientViewRequest())).status).toBe(200);
  const metrics = await send(`${svc.baseUrl}/metrics`);
  expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
  expect(metrics.text).toMatch(/chartbrief_hook_duration_seconds_count\{service="patient-view",status="200"\} 1/);
  expect(metrics.text).toMatch(/chartbrief_http_requests_total\{method="POST",route="\/cds-services\/:id",status="200"\} 1/);
  expect(metrics.text).toMatch(/# TYPE chartbrief_fhir_fetch_errors_total counter/);
});

it('logs request ids, routes and counts but no patient names or chart text', async () => {
  const request = patientViewRequest('pat-log');
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, request, { 'x-request-id': 'req-abc-123' });
  expect(reply.status).toBe(200);
  expect(reply.headers.get('x-request-id')).toBe('req-abc-123');
  const logs = svc.logs.join('');
  expect(logs).toContain('req-abc-123');
  expect(logs).not.toMatch(/Testperson|pat-log/);
});
