import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` as a process (server/main.ts through tsx): in development one command starts the
// service and the sandbox EHR and prints where they are, and Ctrl-C stops both; with
// NODE_ENV=production or SANDBOX=off none of /sandbox, the FHIR server or the authorization server exists.

const ROOT = join(__dirname, '..', '..');
const START_MS = 45_000;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + START_MS;
  for (;;) {
    const match = pattern.exec(started.output());
    if (match) return match;
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function status(url: string): Promise<number | 'refused'> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 'refused';
  }
}

async function stop(started: Started, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (started.child.exitCode === null) started.child.kill(signal);
  return started.exited;
}

it('development: one command starts service and sandbox, prints the URLs, and Ctrl-C stops everything', async () => {
  const app = start({ PORT: '0', SANDBOX_PORT: '0' });
  try {
    const [, service] = await waitFor(app, /CDS service:\s+(http:\/\/127\.0\.0\.1:\d+)\/cds-services/);
    const [, fhirBase] = await waitFor(app, /FHIR base:\s+(http:\/\/127\.0\.0\.1:\d+\/fhir)/);
    expect(app.output()).toMatch(/sandbox EHR:\s+http:\/\/127\.0\.0\.1:\d+\/sandbox/);
    expect(await status(`${service}/sandbox/`)).toBe(200);
    expect(await status(`${fhirBase}/metadata`)).toBe(200);
    expect(await status(`${fhirBase}/.well-known/smart-configuration`)).toBe(200);
    expect(await stop(app, 'SIGINT')).toBe(0);
    expect(await status(`${service}/healthz`)).toBe('refused');
    expect(await status(`${fhirBase}/metadata`)).toBe('refused');
  } finally {
    await stop(app);
  }
}, 60_000);

describe.each([
  ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ['SANDBOX=off', { SANDBOX: 'off' }],
])('%s', (_name, modeEnv) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chartbrief-clients-'));
    writeFileSync(join(dir, 'clients.json'), JSON.stringify([{ iss: 'https://ehr.example.org', jwks_url: 'https://ehr.example.org/jwks.json' }]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exposes no /sandbox, FHIR server or authorization server', async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const app = start({ PORT: String(port), SANDBOX_PORT: String(sandboxPort), PUBLIC_URL: base, CDS_CLIENTS_FILE: join(dir, 'clients.json'), ...modeEnv });
    try {
      await waitFor(app, /ChartBrief listening/);
      expect(app.output()).not.toMatch(/sandbox EHR:|FHIR base:/);
      expect(await status(`${base}/healthz`)).toBe(200);
      for (const path of ['/sandbox', '/sandbox/', '/sandbox/api/patients', '/sandbox/api/feedback', '/fhir/metadata', '/auth/.well-known/openid-configuration']) {
        expect({ path, status: await status(`${base}${path}`) }).toEqual({ path, status: 404 });
      }
      expect(await status(`http://127.0.0.1:${sandboxPort}/fhir/metadata`)).toBe('refused');
    } finally {
      await stop(app);
    }
  }, 60_000);
});
