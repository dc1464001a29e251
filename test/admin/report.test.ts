import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { memoryLedger } from '../../src/ledger/memory-ledger';
import type { Store } from '../../store/database';
import { openStore } from '../../store/database';
import { sqlLedger } from '../../store/sql-ledger';
import { recordExample, recordLateCard } from '../ledger/alert-example';
import type { TestPostgres } from '../support/postgres';
import { startPostgres } from '../support/postgres';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// `npm run report` prints the /admin table, from a running service or from the database.

const TOKEN = 'test-admin-token-0123456789abcdef';
const ROOT = join(__dirname, '..', '..');

/** The table the worked example gives for its week. */
const TABLE = [
  'Rule cards shown from 2026-11-01T00:00:00.000Z to 2026-11-08T00:00:00.000Z',
  '',
  'Rule                            Shown  Accepted  Overridden  Ignored  Override rate  Override reasons',
  'drug-interaction                    6         2           3        1            60%  will-monitor (2)',
  '  mech:bleeding:warfarin-nsaid      4         1           2',
  '  mech:qt:two-qt-drugs              3         1           1',
  'beers-criteria *                    4         0           3        1           100%  not-applicable (2), benefit-outweighs-risk (1)',
  '  beers/benzodiazepines             4         0           3',
  'care-gaps                           1         0           0        1              -  -',
  '  uspstf/colorectal                 1         0           0',
  '',
  '* retirement candidate: overridden more than 90% of the times it was acted on',
  '',
].join('\n');

function report(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'report', '--', ...args], { cwd: ROOT, env: { ...process.env, ADMIN_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('from a running service', () => {
  let svc: RunningService;
  beforeAll(async () => {
    const ledger = memoryLedger();
    await recordExample(ledger);
    await recordLateCard(ledger);
    svc = await startService({ env: { ADMIN_TOKEN: TOKEN }, ledger });
  });
  afterAll(() => svc.close());

  it('prints the table', async () => {
    const out = await report(['--url', svc.baseUrl, '--since', '2026-11-01', '--until', '2026-11-07'], { ADMIN_TOKEN: TOKEN });
    expect(out).toEqual({ code: 0, stdout: TABLE, stderr: '' });
  }, 60_000);

  it('says in one line when the token is refused', async () => {
    const out = await report(['--url', svc.baseUrl], { ADMIN_TOKEN: 'not-the-admin-token-0123456789ab' });
    expect(out).toEqual({ code: 1, stdout: '', stderr: `report: ${svc.baseUrl} refused ADMIN_TOKEN\n` });
  }, 60_000);
});

describe('from a PostgreSQL database', () => {
  let pg: TestPostgres;
  let store: Store;
  beforeAll(async () => {
    pg = await startPostgres();
    const opened = await openStore({ databaseUrl: pg.url, dataDir: '/nonexistent' });
    if (!opened.ok) throw new Error(opened.error);
    store = opened.value;
    const ledger = sqlLedger(store);
    await recordExample(ledger);
    await recordLateCard(ledger);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await pg?.stop();
  });

  it('prints the same table', async () => {
    const out = await report(['--database-url', pg.url, '--since', '2026-11-01', '--until', '2026-11-07']);
    expect(out).toEqual({ code: 0, stdout: TABLE, stderr: '' });
  }, 60_000);

  it('refuses a bad date in one line', async () => {
    const out = await report(['--database-url', pg.url, '--since', 'last week']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('report: --since must be a date (YYYY-MM-DD) or an ISO 8601 date-time with an offset\n');
  }, 60_000);
});
