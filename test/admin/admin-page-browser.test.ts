import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { memoryLedger } from '../../src/ledger/memory-ledger';
import { recordExample, recordLateCard } from '../ledger/alert-example';
import type { Browser } from '../support/browser';
import { artifactsDir, launchChromium } from '../support/browser';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// The admin page in a real browser, as a CMIO uses it: enter the token, read the table and the
// plots, see the retirement candidates. Screenshots: test-artifacts/admin/.

const TOKEN = 'test-admin-token-0123456789abcdef';
const STEP_MS = 20_000;
const shots = artifactsDir('admin');
let svc: RunningService;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const ledger = memoryLedger();
  await recordExample(ledger);
  await recordLateCard(ledger);
  svc = await startService({ env: { ADMIN_TOKEN: TOKEN }, ledger, now: () => new Date('2026-11-20T12:00:00Z') });
  browser = await launchChromium();
  page = await browser.context.newPage();
  // Any script error or CSP refusal is a failure of the page.
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

interface Row {
  rule: string;
  cells: string[];
  retire: boolean;
}

async function tableRows(): Promise<Row[]> {
  return page.$$eval('#rules > tbody > tr[data-rule]', (rows) =>
    rows.map((r) => ({ rule: r.getAttribute('data-rule') ?? '', cells: Array.from(r.querySelectorAll<HTMLElement>(':scope > td')).slice(0, 6).map((c) => c.textContent ?? ''), retire: r.classList.contains('retire') })),
  );
}

it('asks for the token, then shows the table and the plots, with the retirement candidate highlighted', async () => {
  await page.goto(`${svc.baseUrl}/admin`);
  await page.fill('#token', TOKEN);
  await page.fill('#since', '2026-11-01');
  await page.fill('#until', '2026-11-07');
  await page.click('button[type=submit]');
  await page.waitForSelector('#rules > tbody > tr[data-rule]', { timeout: STEP_MS });
  expect(await tableRows()).toEqual([
    { rule: 'drug-interaction', cells: ['6', '2', '3', '1', '60%', 'will-monitor (2)'], retire: false },
    { rule: 'beers-criteria', cells: ['4', '0', '3', '1', '100%', 'not-applicable (2), benefit-outweighs-risk (1)'], retire: true },
    { rule: 'care-gaps', cells: ['1', '0', '0', '1', '–', '–'], retire: false },
  ]);
  expect(await page.textContent('tr[data-rule="beers-criteria"] .badge')).toBe('Retirement candidate');
  expect(await page.textContent('#status')).toMatch(/3 rules shown cards; 1 retirement candidate\./);

  // Both plots drawn by uPlot: two rules with feedback in the bars, and a series per rule over the days.
  await page.waitForSelector('#daily-plot[data-drawn="true"] canvas', { timeout: STEP_MS });
  expect(await page.getAttribute('#rates-plot', 'data-rules')).toBe('2');
  expect(await page.getAttribute('#daily-plot', 'data-series')).toBe('2');
  expect(await page.$$eval('#daily-plot .u-legend .u-series', (s) => s.map((x) => x.textContent ?? ''))).toEqual(expect.arrayContaining([expect.stringContaining('beers-criteria (retirement candidate)')]));
  expect(await page.getAttribute('#rates-plot', 'aria-label')).toBe('Override rate by rule: drug-interaction 60%, beers-criteria 100%.');

  // The knowledge rows behind a rule, one click away.
  await page.click('tr[data-rule="drug-interaction"] summary');
  expect(await page.$$eval('tr[data-rule="drug-interaction"] details tbody tr', (rows) => rows.map((r) => r.textContent))).toEqual(['mech:bleeding:warfarin-nsaid412', 'mech:qt:two-qt-drugs311']);
  await page.screenshot({ path: join(shots, 'alerts.png'), fullPage: true });

  // The token stays out of the URL and the form; this tab keeps it for a reload.
  expect(page.url()).toBe(`${svc.baseUrl}/admin`);
  expect(await page.inputValue('#token')).toBe('');
  await page.reload();
  await page.waitForSelector('#rules > tbody > tr[data-rule]', { timeout: STEP_MS });
  expect((await tableRows()).length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

it('says when the token is wrong and shows nothing', async () => {
  await page.click('#forget');
  expect(await page.isHidden('#results')).toBe(true);
  await page.fill('#token', 'not-the-admin-token-0123456789ab');
  await page.click('button[type=submit]');
  await page.waitForSelector('#status.error', { timeout: STEP_MS });
  expect(await page.textContent('#status')).toBe('The admin token was not accepted.');
  expect(await page.isHidden('#results')).toBe(true);
  expect(await page.evaluate(() => window.sessionStorage.getItem('chartbrief.adminToken'))).toBeNull();
});
