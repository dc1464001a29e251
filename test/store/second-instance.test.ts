import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../store/data-dir-lock';
import type { ServiceProcess } from '../support/service-process';
import { ensureBuilt, runServiceUntilExit, startServiceProcess } from '../support/service-process';

// The built service as `npm start` runs it: a second instance on the same DATA_DIR stops at once
// with one line and exit code 1, the first keeps serving, and after a graceful stop the folder is
// free again for the next start (schema already there: nothing to migrate).

const SLOW_MS = 240_000;

let dir: string;
let running: ServiceProcess | undefined;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chartbrief-instance-'));
}, SLOW_MS);
afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function storeOpenLine(output: string): { migrated: string[] } {
  const line = output.split('\n').find((l) => l.includes('"store open"'));
  if (!line) throw new Error(`no "store open" line in:\n${output}`);
  return JSON.parse(line) as { migrated: string[] };
}

it('refuses a second instance on one DATA_DIR with one line, and the folder is free after a graceful stop', async () => {
  const dataDir = join(dir, 'data');
  const first = await startServiceProcess({ DATA_DIR: dataDir });
  running = first;
  expect(storeOpenLine(first.output()).migrated).toEqual(['0001-initial']);

  const second = await runServiceUntilExit({ DATA_DIR: dataDir }, 60_000);
  expect(second).toEqual({
    code: 1,
    stdout: '',
    stderr: `chartbrief: DATA_DIR ${dataDir} is in use by process ${first.child.pid}; give each instance its own DATA_DIR or set DATABASE_URL\n`,
  });
  expect((await fetch(`${first.baseUrl}/healthz`)).status).toBe(200);

  expect(await first.stop()).toBe(0);
  running = undefined;
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

  const again = await startServiceProcess({ DATA_DIR: dataDir });
  running = again;
  expect(storeOpenLine(again.output()).migrated).toEqual([]);
  expect(await again.stop()).toBe(0);
  running = undefined;
}, SLOW_MS);
