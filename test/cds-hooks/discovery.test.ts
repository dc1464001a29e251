import { send } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.close());

interface Service {
  hook: string;
  id: string;
  title?: string;
  description: string;
  prefetch?: Record<string, string>;
}

it('lists patient-view, order-select and order-sign with a title, description and prefetch', async () => {
  const reply = await send(`${svc.baseUrl}/cds-services`);
  expect(reply.status).toBe(200);
  const services = (reply.body as { services: Service[] }).services;
  expect(services.map((s) => s.hook).sort()).toEqual(['order-select', 'order-sign', 'patient-view']);
  for (const s of services) {
    expect(s.title).toMatch(/\S/);
    expect(s.description).toMatch(/\S/);
    expect(s.prefetch?.['patient']).toBe('Patient/{{context.patientId}}');
  }
});

it('advertises prefetch queries in the forms Epic and Oracle Health accept', async () => {
  const services = ((await send(`${svc.baseUrl}/cds-services`)).body as { services: Service[] }).services;
  const prefetch = services.find((s) => s.hook === 'patient-view')?.prefetch ?? {};
  expect(prefetch).toMatchObject({
    conditions: 'Condition?patient={{context.patientId}}',
    medications: 'MedicationRequest?patient={{context.patientId}}&status=active&_include=MedicationRequest:medication',
    allergies: 'AllergyIntolerance?patient={{context.patientId}}',
    immunizations: 'Immunization?patient={{context.patientId}}',
    procedures: 'Procedure?patient={{context.patientId}}',
  });
  expect(prefetch['labs']).toMatch(/^Observation\?patient=\{\{context\.patientId\}\}&category=laboratory/);
  expect(prefetch['vitals']).toMatch(/^Observation\?patient=\{\{context\.patientId\}\}&category=vital-signs/);
  expect(prefetch['encounters']).toMatch(/^Encounter\?patient=\{\{context\.patientId\}\}/);
  // Pregnancy status (US Core: social-history) and smoking status (Synthea: survey), one category per query.
  expect(prefetch['socialHistory']).toMatch(/^Observation\?patient=\{\{context\.patientId\}\}&category=social-history(&|$)/);
  expect(prefetch['surveys']).toMatch(/^Observation\?patient=\{\{context\.patientId\}\}&category=survey(&|$)/);
  for (const template of Object.values(prefetch)) expect(template).not.toMatch(/category=[^&]*,/);
  // Only the spec's prefetch tokens: context fields the hook defines.
  for (const template of Object.values(prefetch)) expect(template.match(/\{\{[^}]*\}\}/g)).toEqual(expect.arrayContaining(['{{context.patientId}}']));
});

it('order hooks prefetch what medication safety reads: pregnancy and smoking status, and the procedures that end a pregnancy', async () => {
  const services = ((await send(`${svc.baseUrl}/cds-services`)).body as { services: Service[] }).services;
  const patientView = services.find((s) => s.hook === 'patient-view')?.prefetch ?? {};
  for (const hook of ['order-select', 'order-sign']) {
    const prefetch = services.find((s) => s.hook === hook)?.prefetch ?? {};
    expect(Object.keys(prefetch)).toEqual(expect.arrayContaining(['patient', 'conditions', 'medications', 'allergies', 'labs', 'vitals', 'procedures', 'socialHistory', 'surveys']));
    // The same query under the same key as patient-view: an EHR may fetch it once for both.
    for (const [key, template] of Object.entries(prefetch)) expect(template).toBe(patientView[key]);
  }
});

it('lets a browser-based EHR call from another origin (CORS, preflight included)', async () => {
  const preflight = await send(`${svc.baseUrl}/cds-services/patient-view`, {
    method: 'OPTIONS',
    headers: { origin: 'https://sandbox.cds-hooks.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
  const discovery = await send(`${svc.baseUrl}/cds-services`, { headers: { origin: 'https://sandbox.cds-hooks.org' } });
  expect(discovery.headers.get('access-control-allow-origin')).toBe('*');
});

it('sends security headers (helmet) and a request id', async () => {
  const reply = await send(`${svc.baseUrl}/cds-services`);
  expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  expect(reply.headers.get('x-powered-by')).toBeNull();
  expect(reply.headers.get('x-request-id')).toMatch(/\S/);
});
