import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// The service as `npm start` runs it: `node dist/server/main.js` in its own process (built first
// when dist/ lacks it or is older than its sources), for tests about processes: the DATA_DIR
// lock, restarts, replicas.

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const MAIN = join(DIST, 'server', 'main.js');
// What tsconfig.build.json compiles (sandbox/ comes in through server/).
const SOURCE_DIRS = ['src', 'cds-hooks', 'launch', 'server', 'store', 'redis', 'admin', 'sandbox'];
const BUILD_LOCK = join(DIST, '.build-lock');
// A lock older than this was left by a killed run (a build takes well under a minute).
const STALE_LOCK_MS = 5 * 60_000;

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  if (!existsSync(MAIN) || !existsSync(join(DIST, 'store', 'database.js'))) return true;
  const built = statSync(MAIN).mtimeMs;
  return SOURCE_DIRS.some((d) => existsSync(join(ROOT, d)) && newestSourceMs(join(ROOT, d)) > built);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ (`npm run build`) when it lacks the service or is older than its sources. Jest
 * workers may get here at once: one builds under a lock folder while the others wait, so no
 * service starts from a half-written file.
 */
export function ensureBuilt(): void {
  if (!needsBuild()) return;
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else if (lock !== undefined) sleepSync(250);
    }
  }
  try {
    if (needsBuild()) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (graceful shutdown); resolves with its exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash: nothing flushed, nothing closed); resolves once it is gone. */
  kill(): Promise<void>;
}

/** Environment for a quiet service on a free loopback port without the sandbox EHR; `env` adds to it. */
function serviceEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SANDBOX: 'off', ...env };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function spawnService(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], { cwd: ROOT, env: serviceEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return { child, output: () => output };
}

/** Starts the built service and resolves once it listens; rejects with its output if it exits first. */
export function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const { child, output } = spawnService(env);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`service exited with ${String(code)} before listening:\n${output()}`));
    child.once('exit', onExit);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.includes('ChartBrief listening')) return;
      const { port } = JSON.parse(line) as { port: number };
      child.off('exit', onExit);
      resolve({
        child,
        baseUrl: `http://127.0.0.1:${port}`,
        output,
        stop: () => {
          child.kill('SIGTERM');
          return exitOf(child);
        },
        kill: async () => {
          child.kill('SIGKILL');
          await exitOf(child);
        },
      });
    });
  });
}

/** Runs the built service until it exits by itself (a start-up refusal); kills it after `timeoutMs`. */
export async function runServiceUntilExit(env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: serviceEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exitOf(child);
  clearTimeout(timer);
  return { code, stdout, stderr };
}
