import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { parseArgs } from 'node:util';
import { alertWindow } from '../admin/alert-window';
import { formatAlertTable } from '../admin/alert-table';
import type { AlertReport } from '../src/ledger/alert-analytics';
import { alertReport } from '../src/ledger/alert-analytics';
import type { StoreSchema } from '../store/schema';
import { sqlAlertAnalytics } from '../store/sql-ledger';

// `npm run report`: the alert analytics table (as /admin shows it), from a running service
// (`--url`, with ADMIN_TOKEN in the environment) or straight from a PostgreSQL database
// (`--database-url`, read-only transactions). The embedded store is read through its service:
// its DATA_DIR is locked by the process that owns it.

const USAGE = `usage: npm run report -- (--url http://127.0.0.1:3000 | --database-url postgres://…) [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]
  --url           a running ChartBrief; ADMIN_TOKEN must be set in the environment
  --database-url  a PostgreSQL database of the service (read only)
  --since/--until dates (the until day included) or ISO date-times; default: the last 30 days`;

function fail(message: string): never {
  process.stderr.write(`report: ${message}\n`);
  process.exit(1);
}

async function fromService(url: string, query: string): Promise<AlertReport> {
  const token = process.env['ADMIN_TOKEN'];
  if (!token) fail('--url needs ADMIN_TOKEN in the environment (the service’s admin token)');
  const res = await fetch(`${url.replace(/\/+$/, '')}/admin/api/alerts${query}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }).catch((e: unknown) =>
    fail(`cannot reach ${url}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`),
  );
  if (res.status === 401) fail(`${url} refused ADMIN_TOKEN`);
  if (res.status === 404) fail(`${url} serves no /admin/api/alerts (is ADMIN_TOKEN set for the service?)`);
  const body = (await res.json().catch(() => undefined)) as (AlertReport & { issue?: Array<{ diagnostics?: string }> }) | undefined;
  if (!res.ok || body === undefined) fail(`${url} answered HTTP ${res.status}${body?.issue?.[0]?.diagnostics ? `: ${body.issue[0].diagnostics}` : ''}`);
  return body;
}

async function fromDatabase(databaseUrl: string, since: unknown, until: unknown): Promise<AlertReport> {
  const window = alertWindow({ since, until }, new Date());
  if (!window.ok) fail(`--${window.error.path} ${window.error.message}`);
  // Every transaction of this connection is read only: the report can never change the store.
  const pool = new Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 10_000, options: '-c default_transaction_read_only=on' });
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    const tallies = await sqlAlertAnalytics(db).alertTallies(window.value.since, window.value.until);
    return alertReport(tallies, window.value);
  } catch (e) {
    return fail(`cannot read ${databaseUrl.replace(/\/\/[^@/]*@/, '//')}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, 'database-url': { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if ((values.url === undefined) === (values['database-url'] === undefined)) fail(`give one of --url or --database-url\n${USAGE}`);
  const params = new URLSearchParams();
  if (values.since !== undefined) params.set('since', values.since);
  if (values.until !== undefined) params.set('until', values.until);
  const report = values.url !== undefined ? await fromService(values.url, params.size > 0 ? `?${params.toString()}` : '') : await fromDatabase(values['database-url'] as string, values.since, values.until);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatAlertTable(report));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
