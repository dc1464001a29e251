import type { AuditEvent } from '../../src/ledger/ports';
import { fixturePatient } from '../support/synthea';
import { CookieBrowser } from '../launch/support/cookie-browser';
import type { AppSandbox } from '../launch/support/start-app-sandbox';
import { startAppSandbox } from '../launch/support/start-app-sandbox';

// The audit trail of app launches (issue 12 §3): one event per completed SMART launch, written once
// the launched chart has loaded, naming the EHR, the user, the patient, the sections read from the
// EHR's FHIR server and the findings the page shows. A refused launch names no patient: no event.

const ali = fixturePatient('Ali_Herman');
let sb: AppSandbox;

beforeAll(async () => {
  sb = await startAppSandbox();
}, 60_000);
afterAll(async () => {
  await sb?.close();
});

function auditEvents(): AuditEvent[] {
  const ledger = sb.service.ledger;
  if (!('auditEvents' in ledger) || typeof ledger.auditEvents !== 'function') throw new Error('the sandbox should run on the in-memory ledger');
  return (ledger.auditEvents as () => AuditEvent[])();
}

async function launchEvent(patientId: string): Promise<AuditEvent> {
  for (;;) {
    const event = auditEvents().find((e) => e.kind === 'app-launch' && e.patientId === patientId);
    if (event) return event;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('writes one event for a completed launch: the EHR, the user, the patient, the sections and the findings', async () => {
  const browser = new CookieBrowser();
  const { final } = await browser.follow(`${sb.baseUrl}/sandbox/launch?patient=${encodeURIComponent(ali.patientId)}`);
  expect(final.status).toBe(200);
  const event = await launchEvent(ali.patientId);
  expect(event).toMatchObject({ kind: 'app-launch', clientIss: sb.sandbox.fhirBaseUrl, userId: expect.stringContaining('Practitioner/sandbox-clinician') as string, status: 200 });
  expect(event.requestId).toMatch(/\S/);
  expect(event.durationMs).toBeGreaterThanOrEqual(0);
  expect(event.sections).toContainEqual({ section: 'patient', state: 'complete', source: 'fhir' });
  expect(event.sections.length).toBeGreaterThan(5);
  for (const card of event.cards) expect(card.ruleId).toMatch(/^[a-z-]+$/);
  expect(auditEvents().filter((e) => e.kind === 'app-launch' && e.patientId === ali.patientId)).toHaveLength(1);
  // The patient id is in the audit, never in the application log.
  expect(sb.logs.join('\n')).not.toContain(ali.patientId);
});

it('writes nothing for a launch refused before any patient was known', async () => {
  const before = auditEvents().length;
  const { final } = await new CookieBrowser().follow(`${sb.baseUrl}/app?state=forged&code=x`);
  expect(final.status).toBeGreaterThanOrEqual(400);
  // A completed launch after it is audited; the refused one never is.
  const browser = new CookieBrowser();
  await browser.follow(`${sb.baseUrl}/sandbox/launch?patient=${encodeURIComponent(ali.patientId)}`);
  for (;;) {
    if (auditEvents().length > before) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(auditEvents().slice(before).every((e) => e.kind === 'app-launch' && e.patientId === ali.patientId)).toBe(true);
});
