import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/database';
import { LOCK_FILE, lockDataDir } from '../../store/data-dir-lock';

// Two processes on one DATA_DIR silently lose writes: the second opener gets one clear line; a lock
// whose process is gone (a crash, a killed container) is taken over.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartbrief-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockPath = (): string => join(dir, LOCK_FILE);
const inUse = (pid: number): string => `DATA_DIR ${dir} is in use by process ${pid}; give each instance its own DATA_DIR or set DATABASE_URL`;

/** The pid of a process that has exited: nothing answers to it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

it('writes our pid in the lock and removes it on release', () => {
  const lock = lockDataDir(dir);
  if (!lock.ok) throw new Error(lock.error);
  expect(readFileSync(lockPath(), 'utf8').trim()).toBe(String(process.pid));
  lock.value.release();
  expect(existsSync(lockPath())).toBe(false);
  // Only the lock file was left behind, and then removed: no temp files.
  expect(readdirSync(dir)).toEqual([]);
});

it('refuses a second opener in the same process, naming this process', () => {
  const first = lockDataDir(dir);
  if (!first.ok) throw new Error(first.error);
  try {
    expect(lockDataDir(dir)).toEqual({ ok: false, error: inUse(process.pid) });
  } finally {
    first.value.release();
  }
});

it('refuses while the process named in the lock is alive', () => {
  // Our parent (jest) is alive and is not us.
  writeFileSync(lockPath(), `${process.ppid}\n`);
  expect(lockDataDir(dir)).toEqual({ ok: false, error: inUse(process.ppid) });
  expect(readFileSync(lockPath(), 'utf8').trim()).toBe(String(process.ppid));
});

it('openStore refuses a DATA_DIR another opener holds, before opening the database', async () => {
  writeFileSync(lockPath(), `${process.ppid}\n`);
  expect(await openStore({ dataDir: dir })).toEqual({ ok: false, error: inUse(process.ppid) });
  expect(readdirSync(dir)).toEqual([LOCK_FILE]);
});

it.each([
  ['a process that has exited', () => `${deadPid()}\n`],
  // A restarted container: the service gets the same pid (often 1) as the one that died.
  ['this pid, left by an earlier process (container restart)', () => `${process.pid}\n`],
  ['no pid (a damaged file)', () => ''],
])('takes over a stale lock naming %s', (_what, content) => {
  writeFileSync(lockPath(), content());
  const lock = lockDataDir(dir);
  if (!lock.ok) throw new Error(lock.error);
  try {
    expect(readFileSync(lockPath(), 'utf8').trim()).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  } finally {
    lock.value.release();
  }
});

it('does not remove a lock that another process took over after ours', () => {
  const lock = lockDataDir(dir);
  if (!lock.ok) throw new Error(lock.error);
  writeFileSync(lockPath(), `${process.ppid}\n`);
  lock.value.release();
  expect(readFileSync(lockPath(), 'utf8').trim()).toBe(String(process.ppid));
});

it('says in one line when the lock cannot be written', () => {
  const missing = join(dir, 'no-such-folder');
  expect(lockDataDir(missing)).toEqual({ ok: false, error: `DATA_DIR ${missing}: cannot write its lock file (ENOENT)` });
});
