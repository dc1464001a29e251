import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { Browser } from '../support/browser';
import { artifactsDir, launchChromium } from '../support/browser';
import { authorizeUrl, newPkce, smartConfiguration, tokenRequest } from '../support/smart-launch';
import type { RunningSandbox } from '../support/start-sandbox';
import { openSandboxPage, startSandbox } from '../support/start-sandbox';
import { fixturePatient } from '../support/synthea';

// The sandbox page in a real browser, as a newcomer uses it: open a chart, read the cards, draft
// an interacting order, sign it, act on the card, launch the app. Screenshots: test-artifacts/sandbox/.

const STEP_MS = 20_000;
const shots = artifactsDir('sandbox');
const clarine = fixturePatient('Clarine'); // AF on warfarin: an NSAID draft interacts
let sb: RunningSandbox;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  sb = await startSandbox();
  page = await openSandboxPage(browser, sb);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

interface RenderedCard {
  summary: string;
  indicator: string;
}

async function renderedCards(container: string): Promise<RenderedCard[]> {
  return page.$$eval(`${container} article.card`, (nodes) =>
    nodes.map((n) => ({ summary: n.querySelector('.summary')?.textContent ?? '', indicator: n.getAttribute('data-indicator') ?? '' })),
  );
}

/** The last hook request the page's EHR sent, as shown in its exchange panel. */
async function lastRequest(): Promise<Record<string, unknown>> {
  return JSON.parse((await page.textContent('#last-request')) ?? '{}') as Record<string, unknown>;
}

/** The same request sent straight to the service (unsigned, as development allows): the cards the page must show. */
async function serviceCards(hook: string, request: Record<string, unknown>): Promise<RenderedCard[]> {
  const response = await fetch(`${sb.baseUrl}/cds-services/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  expect(response.status).toBe(200);
  const { cards } = (await response.json()) as { cards: { summary: string; indicator: string }[] };
  return cards.map((c) => ({ summary: c.summary, indicator: c.indicator }));
}

async function waitForHook(marker: 'patientView' | 'orders', action: () => Promise<void>): Promise<void> {
  await page.evaluate((m) => delete document.body.dataset[m], marker);
  await action();
  await page.waitForSelector(`body[data-${marker === 'patientView' ? 'patient-view' : 'orders'}="done"]`, { timeout: STEP_MS });
}

async function feedbackStore(): Promise<{ card: string; outcome: string; acceptedSuggestions?: { id: string }[] }[]> {
  const response = await fetch(`${sb.baseUrl}/sandbox/api/feedback`);
  return ((await response.json()) as { feedback: { card: string; outcome: string; acceptedSuggestions?: { id: string }[] }[] }).feedback;
}

it('opens a chart: patient-view cards as the service returns them, the brief with its smart link, rendered markdown', async () => {
  await waitForHook('patientView', () => page.click(`button[data-patient-id="${clarine.patientId}"]`));
  await page.screenshot({ path: join(shots, '01-patient-view.png') });
  const cards = await renderedCards('#cards-patient-view');
  expect(cards.length).toBeGreaterThan(0);
  expect(cards).toEqual(await serviceCards('patient-view', await lastRequest()));
  const brief = page.locator('#cards-patient-view article.card', { has: page.locator('a[data-link-type="smart"]') }).first();
  expect(await brief.locator('.markdown li').count()).toBeGreaterThan(0);
  expect(await page.textContent('#patient-banner')).toContain(clarine.name.replace(/\d+/g, '').split(' ')[0]);
}, 60_000);

it('gives the same cards with no prefetch and Epic quirks on (the service reads the sandbox FHIR server)', async () => {
  const before = await renderedCards('#cards-patient-view');
  await page.selectOption('#prefetch', 'none');
  await page.check('#epic-quirks');
  await waitForHook('patientView', () => page.click(`button[data-patient-id="${clarine.patientId}"]`));
  expect((await lastRequest())['prefetch']).toBeUndefined();
  expect(await renderedCards('#cards-patient-view')).toEqual(before);
  await page.uncheck('#epic-quirks');
  await page.selectOption('#prefetch', 'full');
}, 60_000);

it('drafts ibuprofen for a patient on warfarin: order-select, then order-sign warns; accepting a suggestion reaches the feedback store', async () => {
  await page.selectOption('#draft-option', { label: 'Ibuprofen 400 MG Oral Tablet' });
  await waitForHook('orders', () => page.click('#add-draft'));
  expect((await lastRequest())['hook']).toBe('order-select');
  await page.screenshot({ path: join(shots, '02-order-select.png') });

  await waitForHook('orders', () => page.click('#sign-orders'));
  await page.screenshot({ path: join(shots, '03-order-sign.png') });
  const request = await lastRequest();
  expect(request).toMatchObject({ hook: 'order-sign', fhirServer: sb.sandbox.fhirBaseUrl, fhirAuthorization: { token_type: 'Bearer', patient: clarine.patientId } });
  const cards = await renderedCards('#cards-orders');
  expect(cards).toEqual(await serviceCards('order-sign', request));
  expect(cards.some((c) => c.indicator !== 'info')).toBe(true); // warfarin + ibuprofen: a bleeding-risk interaction

  const card = page.locator('#cards-orders article.card', { has: page.locator('button.accept') }).first();
  const cardUuid = await card.getAttribute('data-card-uuid');
  const suggestionUuid = await card.locator('button.accept').first().getAttribute('data-suggestion-uuid');
  await card.locator('button.accept').first().click();
  await card.locator('.card-status', { hasText: 'feedback sent' }).waitFor({ timeout: STEP_MS });
  await page.screenshot({ path: join(shots, '04-suggestion-accepted.png') });
  expect(await feedbackStore()).toContainEqual(expect.objectContaining({ card: cardUuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestionUuid }] }));
}, 90_000);

it('orders any drug the knowledge knows by typing its name: order-select fires with it as a draft', async () => {
  await page.fill('#order-search', 'fluconazole');
  await waitForHook('orders', () => page.click('#order-any'));
  const request = await lastRequest();
  expect(request['hook']).toBe('order-select');
  const drafts = ((request['context'] as { draftOrders: { entry: { resource: { medicationCodeableConcept?: { text?: string } } }[] } }).draftOrders.entry ?? []).map((e) => e.resource.medicationCodeableConcept?.text);
  expect(drafts).toContain('Fluconazole');
  expect(await renderedCards('#cards-orders')).toEqual(await serviceCards('order-select', request));
}, 60_000);

it('replacing a draft removes it, drafts the alternative with a dose and directions, and drops other cards\' suggestions for the removed draft', async () => {
  await waitForHook('patientView', () => page.click(`button[data-patient-id="${clarine.patientId}"]`));
  await page.selectOption('#draft-option', { label: 'Ibuprofen 400 MG Oral Tablet' });
  await waitForHook('orders', () => page.click('#add-draft'));
  await waitForHook('orders', () => page.click('#sign-orders'));
  const replace = page.locator('#cards-orders button.accept', { hasText: 'Replace with acetaminophen' }).first();
  const draftId = (await replace.getAttribute('data-drafts')) ?? '';
  expect(draftId).not.toBe('');
  expect(await page.locator(`#cards-orders button.accept[data-drafts~="${draftId}"]`).count()).toBeGreaterThan(1);
  await replace.click();
  expect(await page.locator(`#cards-orders button.accept[data-drafts~="${draftId}"]:not([disabled])`).count()).toBe(0);
  await waitForHook('orders', () => page.click('#sign-orders'));
  const drafts = ((await lastRequest())['context'] as { draftOrders: { entry: { resource: { id?: string; dosageInstruction?: { text?: string }[] } }[] } }).draftOrders.entry.map((e) => e.resource);
  expect(drafts.map((d) => d.id)).not.toContain(draftId);
  expect(drafts.some((d) => (d.dosageInstruction?.[0]?.text ?? '').includes('every 4 to 6 hours'))).toBe(true);
}, 90_000);

it('accepting one care-gap suggestion leaves the card\'s other suggestions available', async () => {
  await waitForHook('patientView', () => page.click(`button[data-patient-id="${clarine.patientId}"]`));
  const card = page.locator('#cards-patient-view article.card', { has: page.locator('button.accept:nth-of-type(2)') }).first();
  const buttons = card.locator('button.accept');
  expect(await buttons.count()).toBeGreaterThan(1);
  await buttons.first().click();
  await card.locator('.card-status', { hasText: 'feedback sent' }).waitFor({ timeout: STEP_MS });
  expect(await buttons.first().isDisabled()).toBe(true);
  expect(await buttons.nth(1).isDisabled()).toBe(false);
}, 60_000);

it('has no sideways scroll at 400 px', async () => {
  const narrow = await openSandboxPage(browser!, sb, { width: 400, height: 900 });
  await narrow.click(`button[data-patient-id="${clarine.patientId}"]`);
  await narrow.waitForSelector('body[data-patient-view="done"]', { timeout: STEP_MS });
  await narrow.screenshot({ path: join(shots, '06-narrow-400px.png'), fullPage: true });
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await narrow.close();
}, 60_000);

it('overrides a card with a reason: the feedback reaches the service', async () => {
  const card = page.locator('#cards-patient-view article.card').first();
  const cardUuid = await card.getAttribute('data-card-uuid');
  await card.locator('input[name="comment"]').fill('reviewed in clinic');
  await card.locator('form.override button[type="submit"]').click();
  await card.locator('.card-status', { hasText: 'feedback sent' }).waitFor({ timeout: STEP_MS });
  const stored = (await feedbackStore()).find((f) => f.card === cardUuid);
  expect(stored).toMatchObject({ outcome: 'overridden', overrideReason: expect.objectContaining({ userComment: 'reviewed in clinic' }) as unknown });
}, 60_000);

it("launches the app from the brief card's smart link: the EHR launch reaches /app with a token for this patient", async () => {
  const launches: Request[] = [];
  browser!.context.on('request', (r) => {
    if (new URL(r.url()).pathname === '/launch') launches.push(r);
  });
  await page.click(`button[data-patient-id="${clarine.patientId}"]`);
  await page.waitForSelector('body[data-patient-view="done"]', { timeout: STEP_MS });
  const [app] = await Promise.all([browser!.context.waitForEvent('page'), page.locator('#cards-patient-view a[data-link-type="smart"]').first().click()]);
  await app.waitForLoadState();
  expect(launches).toHaveLength(1);
  const launchUrl = new URL(launches[0]!.url());
  const iss = launchUrl.searchParams.get('iss') ?? '';
  expect(iss).toBe(sb.sandbox.fhirBaseUrl);

  // The app's part (the SMART app issue replaces this with the real /launch): authorize with PKCE S256, exchange the code.
  const smart = await smartConfiguration(iss);
  const pkce = newPkce();
  const redirectUri = `${sb.baseUrl}/app`;
  await app.goto(authorizeUrl(smart.authorization_endpoint, { clientId: sb.sandbox.smartClientId, redirectUri, iss, launch: launchUrl.searchParams.get('launch') ?? '', pkce, state: 'browser-test' }));
  const landed = new URL(app.url());
  expect(`${landed.origin}${landed.pathname}`).toBe(redirectUri);
  expect(landed.searchParams.get('state')).toBe('browser-test');
  await app.screenshot({ path: join(shots, '05-app-redirect.png') });
  const token = await tokenRequest(smart.token_endpoint, { grant_type: 'authorization_code', code: landed.searchParams.get('code') ?? '', code_verifier: pkce.verifier, redirect_uri: redirectUri, client_id: sb.sandbox.smartClientId });
  expect(token).toMatchObject({ status: 200, body: { patient: clarine.patientId, need_patient_banner: true } });
  const patient = await fetch(`${iss}/Patient/${clarine.patientId}`, { headers: { authorization: `Bearer ${String(token.body['access_token'])}` } });
  expect(patient.status).toBe(200);
  await app.close();
}, 60_000);

it('renders card markdown without letting HTML or script URLs through', async () => {
  // A string, not a function: the test's transpiler would rewrite the page's import().
  const result = await page.evaluate<{ text: string; elements: string[]; hrefs: string[] }>(`(async () => {
    const { renderMarkdown } = await import('/sandbox/markdown.js');
    const node = renderMarkdown('<img src=x onerror="alert(1)"> **bold** \\u0060Observation/1\\u0060\\n\\n- [safe](https://example.org) [bad](javascript:alert(1))\\n- <script>alert(2)</script>');
    return {
      text: node.textContent,
      elements: [...node.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).sort(),
      hrefs: [...node.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    };
  })()`);
  expect(result.elements).toEqual(['a', 'code', 'li', 'li', 'p', 'strong', 'ul']);
  expect(result.hrefs).toEqual(['https://example.org']);
  expect(result.text).toContain('<img src=x onerror="alert(1)">');
  expect(result.text).toContain('<script>alert(2)</script>');
});
