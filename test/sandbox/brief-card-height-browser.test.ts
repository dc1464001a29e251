import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from '../support/browser';
import { artifactsDir, launchChromium } from '../support/browser';
import type { RunningSandbox } from '../support/start-sandbox';
import { openSandboxPage, startSandbox } from '../support/start-sandbox';

// The brief card as a clinician sees it in the sandbox EHR, for every fixture patient, in a
// 1400×900 window: it must fit the screen height (what matters is on it, not behind scrolling).
// Screenshots and measured heights: test-artifacts/brief-card/.

const WINDOW = { width: 1400, height: 900 };
const STEP_MS = 20_000;
const shots = artifactsDir('brief-card');
let sb: RunningSandbox;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  sb = await startSandbox();
  page = await openSandboxPage(browser, sb, WINDOW);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

it('shows the brief card of every fixture patient no taller than a 900 px window', async () => {
  const ids = (await page.$$eval('button[data-patient-id]', (nodes) => nodes.map((n) => n.getAttribute('data-patient-id') ?? ''))).filter((id) => id !== '');
  expect(ids.length).toBeGreaterThanOrEqual(13);
  const heights: Record<string, number> = {};
  for (const id of ids) {
    await page.evaluate(() => delete document.body.dataset['patientView']);
    await page.click(`button[data-patient-id="${id}"]`);
    await page.waitForSelector('body[data-patient-view="done"]', { timeout: STEP_MS });
    const brief = page.locator('#cards-patient-view article.card', { has: page.locator('a[data-link-type="smart"]') }).first();
    await brief.screenshot({ path: join(shots, `${id}.png`) });
    const box = await brief.boundingBox();
    heights[id] = Math.round(box?.height ?? Number.POSITIVE_INFINITY);
  }
  writeFileSync(join(shots, 'heights.json'), `${JSON.stringify(heights, null, 2)}\n`);
  expect(Object.entries(heights).filter(([, h]) => h > WINDOW.height)).toEqual([]);
}, 300_000);
