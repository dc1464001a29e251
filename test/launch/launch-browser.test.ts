import { join } from 'node:path';
import type { Page, Request, Response } from 'playwright-core';
import type { AnswerStatement, RecordedRequest } from '../support/azure-openai-server';
import { azureOpenAIEnv, AzureOpenAIServer, promptLines } from '../support/azure-openai-server';
import type { Browser } from '../support/browser';
import { artifactsDir, launchChromium } from '../support/browser';
import { fixturePatient, loadFixtureBundle } from '../support/synthea';
import { chartFromBundle } from '../support/chart-builder';
import type { AppSandbox } from './support/start-app-sandbox';
import { startAppSandbox } from './support/start-app-sandbox';

// The SMART app in Chromium against the sandbox EHR (its SMART authorization server and FHIR
// server), with a loopback Azure OpenAI server for the model brief. Screenshots:
// test-artifacts/launch/. No Chromium: every test fails with one line saying how to install it.

const STEP_MS = 20_000;
const shots = artifactsDir('launch');
const ali = fixturePatient('Ali_Herman'); // abnormal creatinine, eGFR and potassium
const clarine = fixturePatient('Clarine');
const ernest = fixturePatient('Ernest_Labadie'); // died in 2007 (deceasedDateTime)
const displayName = (name: string): string => name.replace(/\d+/g, '');

let model: AzureOpenAIServer;
let sb: AppSandbox;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  model = await AzureOpenAIServer.start();
  sb = await startAppSandbox(azureOpenAIEnv(model));
  page = await browser.context.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await sb?.close();
  await model?.close();
});

/** The EHR opens the app for `patient` (the sandbox mints a launch code and redirects to /launch). */
async function ehrLaunch(patientId: string, target: Page = page): Promise<void> {
  await target.goto(`${sb.baseUrl}/sandbox/launch?patient=${encodeURIComponent(patientId)}`);
  await target.waitForSelector('body[data-state="ready"]', { timeout: STEP_MS });
}

async function setEpicQuirks(on: boolean): Promise<void> {
  const response = await fetch(`${sb.baseUrl}/sandbox/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ epicQuirks: on }) });
  expect(response.status).toBe(200);
}

/** A model that cites the first problem line of its prompt, in words only (nothing numeric to verify). */
function statements(req: RecordedRequest): AnswerStatement[] {
  const line = promptLines(req).find((l) => l.startsWith('Condition/'));
  if (!line) throw new Error('no problem line in the prompt');
  return [{ section: 'problems', text: 'An active problem is recorded in the chart', evidence: [line.slice(0, line.indexOf(' | '))] }];
}

it('shows the embedded brief at once and replaces it with the model brief when the late model answers, without a reload', async () => {
  const held = model.hold({ kind: 'answer', statements });
  await ehrLaunch(ali.patientId);
  expect(await page.getAttribute('body', 'data-brief')).toBe('embedded');
  expect(await page.textContent('#provenance')).toContain('embedded summarizer');
  expect(await page.textContent('#brief-note')).toContain('A model is writing');
  await held.received;
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.screenshot({ path: join(shots, '01-embedded-brief-while-model-computes.png'), fullPage: true });

  held.release();
  await page.waitForSelector('body[data-brief="model"]', { timeout: STEP_MS });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  const provenance = (await page.textContent('#provenance')) ?? '';
  expect(provenance).toContain('Azure OpenAI');
  expect(provenance).toMatch(/verified 1\/1 statements/);
  expect(await page.textContent('#brief-body')).toContain('An active problem is recorded in the chart');
  await page.screenshot({ path: join(shots, '02-model-brief-replaced.png'), fullPage: true });
}, 90_000);

it('EHR launch with PKCE for two patients in one browser context: the second launch shows the second patient, the first session stays the first', async () => {
  const authorizeRequests: Request[] = [];
  const onRequest = (r: Request): void => {
    if (new URL(r.url()).pathname === '/auth/authorize') authorizeRequests.push(r);
  };
  page.on('request', onRequest);
  await ehrLaunch(ali.patientId);
  const firstUrl = page.url();
  expect(await page.textContent('#patient-name')).toBe(displayName(ali.name));

  await ehrLaunch(clarine.patientId);
  page.off('request', onRequest);
  expect(page.url()).not.toBe(firstUrl);
  expect(await page.textContent('#patient-name')).toBe(displayName(clarine.name));
  expect(await page.textContent('body')).not.toContain(displayName(ali.name));
  await page.screenshot({ path: join(shots, '03-second-patient.png'), fullPage: true });

  expect(authorizeRequests).toHaveLength(2);
  for (const r of authorizeRequests) {
    const q = new URL(r.url()).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('aud')).toBe(sb.sandbox.fhirBaseUrl);
    expect(q.get('launch')).toBeTruthy();
  }
  // Each launch is its own session: the first URL still shows the first patient.
  const other = await browser!.context.newPage();
  await other.goto(firstUrl);
  await other.waitForSelector('body[data-state="ready"]', { timeout: STEP_MS });
  expect(await other.textContent('#patient-name')).toBe(displayName(ali.name));
  await other.close();
}, 90_000);

it('a citation opens the cited resource, rendered readably, with the raw JSON one click away; Escape returns focus', async () => {
  await ehrLaunch(ali.patientId);
  const chip = page.locator('.brief-section[data-section="problems"] button.cite').first();
  const ref = (await chip.getAttribute('data-ref')) ?? '';
  const label = (await chip.textContent()) ?? '';
  expect(ref).toMatch(/^Condition\//);
  await chip.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#resource-dialog[open][data-ref="${ref}"]`, { timeout: STEP_MS });
  expect(await page.textContent('#resource-title')).toBe(label);
  const fields = await page.$$eval('#resource-dialog dt', (nodes) => nodes.map((n) => n.textContent));
  expect(fields).toEqual(expect.arrayContaining(['Clinical status', 'Code', 'Subject']));
  expect(await page.textContent('#resource-dialog pre')).toContain(ref.split('/')[1]);
  await page.screenshot({ path: join(shots, '04-citation-resource.png') });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#resource-dialog:not([open])', { state: 'attached' });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe(ref);
}, 60_000);

it('draws the trend plots with a point for each observation, the reference range and a table of the values', async () => {
  await ehrLaunch(ali.patientId);
  const chart = chartFromBundle(loadFixtureBundle(ali.file));
  const creatinine = chart.observations.filter((o) => o.code.coding?.some((c) => c.code === '38483-4' || c.code === '2160-0') && o.valueQuantity?.value !== undefined);
  expect(creatinine.length).toBeGreaterThan(1);
  const figure = page.locator('figure[data-trend="creatinine"]');
  await figure.locator('.plot[data-drawn="true"] canvas').waitFor({ timeout: STEP_MS });
  expect(await figure.locator('.plot').getAttribute('data-points')).toBe(String(creatinine.length));
  expect(await figure.locator('tbody tr').count()).toBe(creatinine.length);
  expect(await figure.locator('.range').textContent()).toMatch(/reference range 0\.6–1\.3 mg\/dL/);
  expect(await figure.locator('.plot').getAttribute('aria-label')).toMatch(/^Creatinine trend: \d+ readings from/);
  // Each reading is drawn: the canvas is coloured where the plot put its point.
  const painted = await figure.locator('.plot').evaluate((plot) => {
    const canvas = plot.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const at = JSON.parse((plot as HTMLElement).dataset['pointPx'] ?? '[]') as [number, number][];
    return at.map(([x, y]) => {
      const [r, g, b, a] = ctx.getImageData(x, y, 1, 1).data;
      return a! > 0 && !(r! > 240 && g! > 240 && b! > 240);
    });
  });
  expect(painted).toHaveLength(creatinine.length);
  expect(painted.every(Boolean)).toBe(true);
  for (const key of ['egfr', 'potassium', 'blood-pressure', 'weight']) expect(await page.locator(`figure[data-trend="${key}"] canvas`).count()).toBe(1);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '05-trends.png'), fullPage: true });
}, 60_000);

it('fits 360 px and 1400 px wide windows without horizontal scrolling', async () => {
  await ehrLaunch(ali.patientId);
  for (const width of [360, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(shots, `06-width-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}, 60_000);

it('standalone launch (no launch parameter) asks launch/patient and opens the patient the user picks', async () => {
  // The sandbox EHR offers EHR launches only: the test stands in for its patient picker, adding the
  // picked patient's launch code (and the `launch` scope its check wants) to the app's authorization
  // request. (Chromium does not route redirected requests, so the app's own redirect is rewritten.)
  let asked: URL | undefined;
  const isLaunch = (url: URL): boolean => url.pathname === '/launch';
  await page.route(isLaunch, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    asked = new URL(response.headers()['location'] ?? '');
    const picked = new URL(asked);
    picked.searchParams.set('launch', sb.sandbox.auth.createLaunch({ patient: clarine.patientId, user: 'Practitioner/sandbox-clinician' }));
    picked.searchParams.set('scope', `${asked.searchParams.get('scope') ?? ''} launch`);
    await route.fulfill({ response, headers: { ...response.headers(), location: picked.href } });
  });
  await page.goto(`${sb.baseUrl}/launch?iss=${encodeURIComponent(sb.sandbox.fhirBaseUrl)}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: STEP_MS });
  await page.unroute(isLaunch);
  expect(asked?.pathname).toBe('/auth/authorize');
  expect(asked?.searchParams.has('launch')).toBe(false);
  expect(asked?.searchParams.get('scope')?.split(' ')).toContain('launch/patient');
  expect(asked?.searchParams.get('scope')?.split(' ')).not.toContain('launch');
  expect(asked?.searchParams.get('code_challenge_method')).toBe('S256');
  expect(await page.textContent('#patient-name')).toBe(displayName(clarine.name));
  await page.screenshot({ path: join(shots, '07-standalone.png') });
}, 60_000);

it('need_patient_banner "false" (Epic) hides the banner', async () => {
  await setEpicQuirks(true);
  try {
    await ehrLaunch(ali.patientId);
    expect(await page.getAttribute('body', 'data-banner')).toBe('hidden');
    expect(await page.isVisible('#patient-banner')).toBe(false);
    expect(await page.locator('.brief-section').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '08-no-banner.png') });
  } finally {
    await setEpicQuirks(false);
  }
}, 60_000);

it('an expired token without a refresh token ends the session: the page says to relaunch from the EHR and shows no chart', async () => {
  await ehrLaunch(ali.patientId);
  sb.clock.advance(2 * 60 * 60 * 1000);
  try {
    await page.locator('button.cite').first().click();
    await page.waitForSelector('body[data-state="expired"]', { timeout: STEP_MS });
    expect(await page.textContent('h1')).toBe('Session expired: relaunch from the EHR');
    expect(await page.textContent('body')).not.toContain(displayName(ali.name));
    await page.screenshot({ path: join(shots, '09-expired-in-page.png') });
    await page.reload();
    expect(await page.textContent('h1')).toBe('Session expired: relaunch from the EHR');
    expect(await page.textContent('body')).not.toContain(displayName(ali.name));
    await page.screenshot({ path: join(shots, '10-expired-reload.png') });
  } finally {
    sb.clock.reset();
  }
}, 60_000);

it('shows blood pressure systolic/diastolic, the care-gap finding’s lists as lists, the user and encounter by name, and fetches nothing that 404s', async () => {
  const failed: string[] = [];
  const onResponse = (r: Response): void => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  };
  page.on('response', onResponse);
  await ehrLaunch(ali.patientId);
  await page.waitForTimeout(500);
  page.off('response', onResponse);
  expect(failed).toEqual([]);
  expect(await page.getAttribute('link[rel="icon"]', 'href')).toBe('data:,');

  // A blood pressure chip reads systolic/diastolic (Synthea lists the diastolic component first).
  const bpChip = page.locator('.brief-section button.cite', { hasText: /^Blood Pressure / }).first();
  const label = (await bpChip.textContent()) ?? '';
  const [, sys, dia] = /^Blood Pressure (\d+)\/(\d+) mmHg · /.exec(label) ?? [];
  expect(Number(sys)).toBeGreaterThan(Number(dia));
  const bp = page.locator('figure[data-trend="blood-pressure"]');
  expect(await bp.locator('thead th').allTextContents()).toEqual(['Date', 'Systolic (mmHg)', 'Diastolic (mmHg)', 'Source']);
  expect(await page.locator('figure[data-trend="egfr"] h3').textContent()).toBe('eGFR · mL/min/1.73 m²');

  // The care-gap card's "Due" list is a list: its items are <li>, and the headings after it are not inside it.
  const careGap = page.locator('article[data-rule="care-gap"] .markdown');
  expect(await careGap.locator('ul > li').count()).toBeGreaterThan(0);
  expect(await careGap.locator('p > strong').allTextContents()).toEqual(expect.arrayContaining(['Due']));
  expect(await careGap.locator('li strong').count()).toBe(0);

  const footer = (await page.textContent('#context')) ?? '';
  expect(footer).toContain('Signed in as Sam Sandbox');
  expect(footer).toMatch(/Encounter: .+ · \d{4}-\d{2}-\d{2}/);
  expect(footer).not.toContain('Practitioner/sandbox-clinician');
  await careGap.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '11-care-gaps-bp-footer.png'), fullPage: true });
}, 60_000);

it('says in the banner that the patient has died', async () => {
  await ehrLaunch(ernest.patientId);
  expect(await page.getAttribute('body', 'data-deceased')).toBe('true');
  expect(await page.textContent('#patient-deceased')).toMatch(/^Deceased \d{4}-\d{2}-\d{2}$/);
  await page.screenshot({ path: join(shots, '12-deceased-banner.png') });
  await ehrLaunch(ali.patientId);
  expect(await page.locator('#patient-deceased').count()).toBe(0);
}, 60_000);
