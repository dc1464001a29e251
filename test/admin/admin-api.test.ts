import { memoryLedger } from '../../src/ledger/memory-ledger';
import type { Ledger } from '../../src/ledger/ports';
import { EXPECTED, recordExample, recordLateCard } from '../ledger/alert-example';
import { outcomeIssues, send } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// GET /admin/api/alerts: the alert analytics behind ADMIN_TOKEN, and nothing at all without it.

const TOKEN = 'test-admin-token-0123456789abcdef';
const NOW = new Date('2026-11-20T12:00:00Z');

const get = (svc: RunningService, path: string, token?: string) => send(`${svc.baseUrl}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

describe('with ADMIN_TOKEN', () => {
  let svc: RunningService;
  beforeAll(async () => {
    const ledger = memoryLedger();
    await recordExample(ledger);
    await recordLateCard(ledger);
    svc = await startService({ env: { ADMIN_TOKEN: TOKEN }, ledger, now: () => NOW });
  });
  afterAll(() => svc.close());

  it('answers the table for a window of dates (the until date included)', async () => {
    const reply = await get(svc, '/admin/api/alerts?since=2026-11-01&until=2026-11-07', TOKEN);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.body).toEqual(EXPECTED);
  });

  it('takes date-times with an offset', async () => {
    const reply = await get(svc, `/admin/api/alerts?since=${encodeURIComponent('2026-11-01T01:00:00+01:00')}&until=2026-11-08T00:00:00Z`, TOKEN);
    expect(reply.body).toEqual(EXPECTED);
  });

  it('covers the last 30 days by default', async () => {
    const reply = await get(svc, '/admin/api/alerts', TOKEN);
    expect(reply.body).toMatchObject({ since: '2026-10-21T12:00:00.000Z', until: '2026-11-20T12:00:00.000Z' });
    // The card shown at the window's end in the example (c8) counts now, and the one before it (c7) too.
    expect((reply.body as typeof EXPECTED).rules.find((r) => r.ruleId === 'drug-interaction')?.shown).toBe(8);
  });

  it('answers the override rate per rule per day for the plot', async () => {
    const reply = await get(svc, '/admin/api/alerts/daily?since=2026-11-01&until=2026-11-03', TOKEN);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ days: ['2026-11-01', '2026-11-02', '2026-11-03'], rules: expect.arrayContaining([{ ruleId: 'drug-interaction', accepted: [0, 1, 1], overridden: [2, 0, 1], overrideRate: [1, 0, 0.5] }]) as unknown });
  });

  it.each([
    ['since', '?since=yesterday'],
    ['since', '?since=2026-02-30'],
    ['until', '?until=2026-11-01T10:00:00'],
    ['since', '?since=2026-11-05&until=2026-11-01'],
  ])('refuses a bad %s with 400 naming it (%s)', async (field, query) => {
    const reply = await get(svc, `/admin/api/alerts${query}`, TOKEN);
    expect(reply.status).toBe(400);
    expect(outcomeIssues(reply.body)[0]?.expression).toEqual([field]);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-the-admin-token-0123456789ab'],
    ['a prefix of the token', TOKEN.slice(0, 20)],
  ])('answers 401 to %s', async (_what, token) => {
    for (const path of ['/admin/api/alerts', '/admin/api/alerts/daily']) {
      const reply = await get(svc, path, token);
      expect(reply.status).toBe(401);
      expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(reply.text).not.toContain('drug-interaction');
    }
  });

  it('serves the page and its script and uPlot from this origin, under a CSP without inline script', async () => {
    const page = await get(svc, '/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.text).not.toMatch(/<script>[^<]/);
    for (const src of page.text.matchAll(/(?:src|href)="(\/admin\/static\/[^"]+)"/g)) expect((await get(svc, src[1]!)).status).toBe(200);
    expect(page.text).toContain('/admin/static/vendor/uPlot.iife.min.js');
    // The page holds no data: it is the same with or without a token.
    expect(page.text).not.toContain('drug-interaction');
  });
});

it('answers 503 when the store cannot be read', async () => {
  const ledger: Ledger = { ...memoryLedger(), analytics: { alertTallies: () => Promise.reject(new Error('connection terminated')) } };
  const svc = await startService({ env: { ADMIN_TOKEN: TOKEN }, ledger });
  try {
    const reply = await get(svc, '/admin/api/alerts', TOKEN);
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ resourceType: 'OperationOutcome' });
  } finally {
    await svc.close();
  }
});

it('serves nothing under /admin without ADMIN_TOKEN', async () => {
  const svc = await startService();
  try {
    for (const path of ['/admin', '/admin/api/alerts', '/admin/api/alerts/daily', '/admin/static/admin.js']) {
      expect((await get(svc, path, TOKEN)).status).toBe(404);
    }
  } finally {
    await svc.close();
  }
});

it('refuses a short ADMIN_TOKEN at start-up with one line naming it', async () => {
  await expect(startService({ env: { ADMIN_TOKEN: 'short' } })).rejects.toThrow(/^ADMIN_TOKEN must be at least 16 characters/);
});
