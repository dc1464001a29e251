// `npm run bench`: the patient-view hook with full prefetch, against the built service started as
// `npm start` starts it. Prints p50/p99 latency, requests per second, peak memory, GC time per call,
// the ratio of the service's p50 to a bare JSON.parse of the same body, and the same ratio for a
// do-nothing server (bench/do-nothing-server.ts) measured in the same run, then the hook-deadline
// fault cases (bench/fault-cases.ts: slow or hanging FHIR servers). Asserts nothing about time.
import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { renderChartForModel } from '../src/brief/model/chart-prompt';
import { MODEL_DEFAULTS } from '../src/brief/model/model-settings';
import { estimateTokens } from '../src/brief/model/tokens';
import { loadChart } from '../src/chart/chart-loader';
import { startPostgres } from '../test/support/postgres';
import { startRedis } from '../test/support/redis';
import { fixturePatients, loadFixtureBundle, prefetchFromBundle } from '../test/support/synthea';
import { faultCaseReport } from './fault-cases';
import { countResources, scalePrefetch, withoutDeceased } from './scale-chart';

const DURATION_S = Number(process.env['BENCH_SECONDS'] ?? 8);
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** The issue's scaled chart: the biggest Synthea record, alive, its Observations repeated to this many resources. */
const SCALED_PATIENT = 'Ernest_Labadie';
const SCALED_RESOURCES = 9_000;

/**
 * V8 flags of `npm start` (package.json), for the service and the floor alike. A larger young
 * generation (`--max-semi-space-size=128`, MiB) lets each request's ~50 MB of parsed JSON die young
 * instead of being copied and promoted while the hook still holds it: on the scaled chart it cut the
 * floor's p50 from ~82 to ~63 ms and the service's from ~103 ms (at 64) to ~74 ms.
 */
const NODE_FLAGS = ['--max-semi-space-size=128'];

// Preloaded into the service (`--import`): sums the durations of the process's GC pauses and
// answers the running total over the IPC channel, so the bench can take it before and after a run.
const GC_PROBE = `data:text/javascript,${encodeURIComponent(
  'import { PerformanceObserver } from "node:perf_hooks";' +
    'let gcMs = 0;' +
    'new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ["gc"] });' +
    'process.on("message", () => setImmediate(() => process.send({ gcMs })));',
)}`;

interface Case {
  name: string;
  body: string;
  resources: number;
}

function hookBody(patientId: string, prefetch: Record<string, unknown>): string {
  return JSON.stringify({
    hook: 'patient-view',
    hookInstance: 'bench-0001',
    context: { userId: 'Practitioner/bench', patientId },
    prefetch,
  });
}

function buildCases(): Case[] {
  const patients = fixturePatients()
    .map((p) => ({ ...p, bundle: loadFixtureBundle(p.file) }))
    .sort((a, b) => (a.bundle.entry?.length ?? 0) - (b.bundle.entry?.length ?? 0));
  const pick = (i: number): (typeof patients)[number] => {
    const p = patients[i];
    if (!p) throw new Error('no fixture patients');
    return p;
  };
  const small = pick(0);
  const typical = pick(Math.floor(patients.length / 2));
  const large = pick(patients.length - 1);
  const cases: Case[] = [];
  for (const [name, p] of [['small', small], ['typical', typical], ['large', large]] as const) {
    const prefetch = prefetchFromBundle(p.bundle);
    cases.push({ name: `${name} (${p.file.split('_').slice(0, 2).join(' ')})`, body: hookBody(p.patientId, prefetch), resources: countResources(prefetch) });
  }
  const ernest = patients.find((p) => p.file.startsWith(SCALED_PATIENT));
  if (!ernest) throw new Error(`no fixture patient ${SCALED_PATIENT}`);
  const scaled = scalePrefetch(withoutDeceased(prefetchFromBundle(ernest.bundle)), SCALED_RESOURCES);
  const body = hookBody(ernest.patientId, scaled);
  if (Buffer.byteLength(body) >= MAX_BODY_BYTES) throw new Error('scaled request does not fit MAX_BODY_BYTES');
  cases.push({ name: `scaled (${SCALED_PATIENT.replace('_', ' ')}, alive)`, body, resources: countResources(scaled) });
  return cases;
}

const SERVICE_ENV = { NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SANDBOX: 'off', RATE_LIMIT_PER_MINUTE: '1000000', MAX_BODY_BYTES: String(MAX_BODY_BYTES) };

/** The built service as `npm start` runs it, with `env` on top (its own DATA_DIR: never a developer's). */
function startService(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', GC_PROBE, 'dist/server/main.js'], {
    env: { ...process.env, ...SERVICE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`service exited with ${String(code)}`)));
    // The service logs one JSON line per request; the first with a port says where it listens.
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.includes('ChartBrief listening')) return;
      const { port } = JSON.parse(line) as { port: number };
      resolve({ child, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}

/** The do-nothing floor (bench/do-nothing-server.ts) in its own process, as the service runs in its own. */
function startFloor(): Promise<{ child: ChildProcess; baseUrl: string }> {
  // This process's execArgv (tsx's loader) runs the floor from its .ts source; the flags are the service's.
  const child = fork(join(__dirname, 'do-nothing-server.ts'), [], {
    execArgv: [...process.execArgv, ...NODE_FLAGS],
    env: { ...process.env, MAX_BODY_BYTES: String(MAX_BODY_BYTES) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`do-nothing server exited with ${String(code)}`)));
    child.once('message', (m) => resolve({ child, baseUrl: `http://127.0.0.1:${String((m as { port: number }).port)}` }));
  });
}

/** The service's GC pause time so far (ms), from the probe preloaded into it. */
function gcMsOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as { gcMs: number }).gcMs));
    child.send('gc?');
  });
}

async function post(url: string, body: string): Promise<{ status: number; cards?: unknown[] }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await res.json()) as { cards?: unknown[] };
  return { status: res.status, ...answer };
}

function peakRssMiB(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return (kb / 1024).toFixed(0);
  } catch {
    return 'n/a';
  }
}

function parseP50Ms(body: string): number {
  const runs: number[] = [];
  const deadline = performance.now() + 2000;
  while (runs.length < 15 || (performance.now() < deadline && runs.length < 400)) {
    const t = performance.now();
    JSON.parse(body);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? Number.NaN;
}

interface Load {
  result: autocannon.Result;
  /** Percentiles of the 2xx response times, exact: autocannon's own histogram keeps whole milliseconds. */
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function load(url: string, body: string, connections: number): Promise<Load> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: DURATION_S }, (err, result) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      times.sort((a, b) => a - b);
      resolve({ result, p50: percentile(times, 50), p99: percentile(times, 99) });
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
}

/** The model's input against the raw prefetch, per Synthea patient (issue: aim ≥ 10× smaller). */
async function promptSizes(): Promise<string> {
  const asOf = new Date('2021-06-01T00:00:00Z');
  const rows: string[][] = [];
  for (const p of fixturePatients()) {
    const prefetch = prefetchFromBundle(loadFixtureBundle(p.file));
    const loaded = await loadChart({ patientId: p.patientId, prefetch });
    if (!loaded.ok) throw new Error(`${p.file}: ${loaded.error.reason}`);
    const rendering = renderChartForModel(loaded.value.chart, { asOf, tokenBudget: MODEL_DEFAULTS.MODEL_PROMPT_TOKENS });
    const raw = estimateTokens(JSON.stringify(prefetch));
    const omitted = Object.values(rendering.omittedByType).reduce((n, v) => n + v, 0);
    rows.push([p.file.split('_').slice(0, 2).join(' '), String(raw), String(rendering.tokens), (raw / rendering.tokens).toFixed(1), String(rendering.lines.length), String(omitted)]);
  }
  const header = ['patient', 'prefetch JSON', 'model prompt', 'ratio', 'lines sent', 'lines left out'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return `\nmodel prompt size (estimated tokens, budget ${MODEL_DEFAULTS.MODEL_PROMPT_TOKENS}; lines left out are the least relevant, oldest first)\n${line(header)}\n${rows.map(line).join('\n')}\n`;
}

async function main(): Promise<void> {
  const cases = buildCases();
  const dataDir = mkdtempSync(join(tmpdir(), 'chartbrief-bench-'));
  const { child, baseUrl } = await startService({ DATA_DIR: dataDir });
  const floorServer = await startFloor();
  const url = `${baseUrl}/cds-services/patient-view`;
  const floorUrl = `${floorServer.baseUrl}/cds-services/patient-view`;
  const rows: string[][] = [];
  let faults = '';
  try {
    for (const c of cases) {
      const check = await post(url, c.body);
      if (check.status !== 200 || !check.cards?.length) throw new Error(`${c.name}: service answered ${check.status}`);
      const floorCheck = await post(floorUrl, c.body);
      if (floorCheck.status !== 200) throw new Error(`${c.name}: do-nothing server answered ${floorCheck.status}`);
      const gcBefore = await gcMsOf(child);
      const latencyRun = await load(url, c.body, 1); // one EHR call at a time: the latency a clinician sees
      const latency = latencyRun.result;
      const throughput = (await load(url, c.body, 8)).result; // concurrent calls: what one process sustains
      const gcMs = (await gcMsOf(child)) - gcBefore;
      if (latency.non2xx + throughput.non2xx > 0 || latency.errors + throughput.errors > 0) throw new Error(`${c.name}: non-200 answers under load`);
      const floorRun = await load(floorUrl, c.body, 1); // the same settings as the service's latency run
      const floor = floorRun.result;
      if (floor.non2xx > 0 || floor.errors > 0) throw new Error(`${c.name}: non-200 answers from the do-nothing server`);
      const parse = parseP50Ms(c.body);
      rows.push([
        c.name,
        String(c.resources),
        (Buffer.byteLength(c.body) / 1024 / 1024).toFixed(2),
        latencyRun.p50.toFixed(1),
        latencyRun.p99.toFixed(1),
        throughput.requests.average.toFixed(0),
        parse.toFixed(2),
        (latencyRun.p50 / parse).toFixed(1),
        (gcMs / (latency.requests.total + throughput.requests.total)).toFixed(2),
        floorRun.p50.toFixed(2),
        (floorRun.p50 / parse).toFixed(1),
        peakRssMiB(child.pid),
      ]);
    }
    faults = await faultCaseReport(baseUrl, process.env);
  } finally {
    child.kill('SIGTERM');
    floorServer.child.kill('SIGTERM');
  }
  const stores = await storeComparison(cases.find((c) => c.name.startsWith('typical')) ?? cases[0], dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  const header = ['chart', 'resources', 'MiB', 'p50 ms', 'p99 ms', 'req/s (8 conn)', 'JSON.parse p50 ms', 'p50 / parse', 'GC ms/call', 'floor p50 ms', 'floor p50 / parse', 'peak RSS MiB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  process.stdout.write(`patient-view, full prefetch, ${DURATION_S}s per run, Node ${process.version}, ${String((await import('node:os')).cpus().length)} CPUs\n`);
  process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(await promptSizes());
  process.stdout.write(faults);
  process.stdout.write(stores);
}

/** Runs `body` one call at a time against a service started by `start`, and gives its p50 (ms). */
async function p50Of(start: () => Promise<{ child: ChildProcess; baseUrl: string }>, body: string): Promise<number> {
  const { child, baseUrl } = await start();
  try {
    const url = `${baseUrl}/cds-services/patient-view`;
    if ((await post(url, body)).status !== 200) throw new Error('store comparison: service did not answer 200');
    return (await load(url, body, 1)).p50;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** The in-memory ledger (bench/memory-ledger-service.ts), as the service ran before the durable store. */
function startMemoryLedgerService(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = fork(join(__dirname, 'memory-ledger-service.ts'), [], { env: { ...process.env, ...SERVICE_ENV }, execArgv: [...process.execArgv, ...NODE_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`memory-ledger service exited with ${String(code)}`)));
    child.once('message', (m) => resolve({ child, baseUrl: `http://127.0.0.1:${String((m as { port: number }).port)}` }));
  });
}

/**
 * Hook p50 with each store, on one chart: the in-memory ledger, the embedded store (PGlite, what
 * `npm start` uses), and PostgreSQL + Redis (Debian's servers in temp folders, when installed).
 * Recording happens after the answer, so the three should be within a few milliseconds.
 */
async function storeComparison(c: Case | undefined, dataDir: string): Promise<string> {
  if (c === undefined) return '';
  const rows: string[][] = [];
  rows.push(['in-memory ledger', (await p50Of(startMemoryLedgerService, c.body)).toFixed(1)]);
  rows.push(['embedded store (PGlite, DATA_DIR)', (await p50Of(() => startService({ DATA_DIR: dataDir }), c.body)).toFixed(1)]);
  try {
    const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    try {
      const env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, SESSION_KEY: randomBytes(32).toString('base64') };
      rows.push(['PostgreSQL + Redis', (await p50Of(() => startService(env), c.body)).toFixed(1)]);
    } finally {
      await Promise.all([pg.stop(), redis.stop()]);
    }
  } catch (e) {
    rows.push(['PostgreSQL + Redis', `not run: ${e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e)}`]);
  }
  const width = Math.max(...rows.map((r) => (r[0] ?? '').length));
  return `\nhook p50 by store, ${c.name}, one call at a time (recording is written after the answer)\n${rows.map(([name, p50]) => `${(name ?? '').padEnd(width)}  ${p50 ?? ''} ms`).join('\n')}\n`;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
