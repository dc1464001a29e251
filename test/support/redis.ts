import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

// A real Redis for tests: Debian's redis-server (`apt-get install redis-server`; .ci/run installs
// it) on a free loopback port in a temp folder, nothing persisted, no system service.

export interface TestRedis {
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then waits for it) and removes its folder. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/** Whether a Redis answers PING on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer.startsWith('+PONG')));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A redis-server answering PING on `port`, or undefined when it exited at start (the port was taken). */
async function startOn(port: number, dir: string): Promise<ChildProcess | undefined> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const failed = await Promise.race([spawnError, new Promise<undefined>((r) => setTimeout(r, 50))]);
    if (failed) throw new Error(`redis-server cannot start (${failed.message}): apt-get install -y redis-server`);
    if (child.exitCode !== null) return undefined; // most likely the port was taken meanwhile
    if (await ping(port)) return child;
  }
  child.kill('SIGKILL');
  await exited(child);
  throw new Error(`redis-server did not answer within ${READY_TIMEOUT_MS} ms:\n${output.slice(-2000)}`);
}

/** Starts a throw-away Redis server; `stop()` it when done. */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'chartbrief-redis-'));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const child = await startOn(port, dir);
      if (!child) continue;
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    throw new Error('redis-server exited at start three times (ports taken?)');
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
