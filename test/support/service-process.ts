import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// The service as `npm start` runs it: `node dist/server/main.js` in its own process (built first
// when dist/ lacks it), for tests about processes: the DATA_DIR lock, restarts, replicas.

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'server', 'main.js');

/** Builds dist/ (`npm run build`) unless it already has the service and its store. */
export function ensureBuilt(): void {
  if (existsSync(MAIN) && existsSync(join(ROOT, 'dist', 'store', 'database.js'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (graceful shutdown); resolves with its exit code. */
  stop(): Promise<number | null>;
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
