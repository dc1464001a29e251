import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';

// The embedded store has one writer: two processes on one DATA_DIR silently lose writes. A lock
// file holding the owner's pid keeps a second process out; a lock whose process is gone (a crash,
// a killed container) is taken over.

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'chartbrief.lock';

/** A held lock; `release()` removes the file if it is still ours. */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

// Lock files this process holds: a lock naming our own pid that is not in here was left by an
// earlier process that had the same pid (pid 1 in a restarted container), so it is stale.
const held = new Set<string>();

const ATTEMPTS = 5;

function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === code;
}

/** The pid in a lock file; 0 when it holds no pid (damaged: treated as stale); undefined when there is no file. */
function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return undefined;
    throw e;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return isErrno(e, 'EPERM');
  }
}

/** Creates the lock file with our pid in one step: it never exists half-written. */
function tryCreate(path: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${process.pid}\n`, { mode: 0o644 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if (isErrno(e, 'EEXIST')) return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Moves a stale lock aside. Only the lock that still names `stalePid` is removed: if another
 * process took it over in the meantime, its fresh lock is put back.
 */
function removeStale(path: string, stalePid: number): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return; // someone else moved it first
    throw e;
  }
  if (readPid(aside) !== stalePid) {
    try {
      linkSync(aside, path);
    } catch (e) {
      if (!isErrno(e, 'EEXIST')) throw e;
    }
  }
  unlinkSync(aside);
}

function inUse(dataDir: string, pid: number): string {
  return `DATA_DIR ${dataDir} is in use by process ${pid}; give each instance its own DATA_DIR or set DATABASE_URL`;
}

/**
 * Takes DATA_DIR (which must exist) for this process, or says in one line which process has it.
 * A lock whose process is not alive is taken over.
 */
export function lockDataDir(dataDir: string): Result<DataDirLock, string> {
  const path = join(dataDir, LOCK_FILE);
  if (held.has(path)) return err(inUse(dataDir, process.pid));
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryCreate(path)) {
        held.add(path);
        return ok({
          path,
          release: () => {
            if (!held.delete(path)) return;
            try {
              if (readPid(path) === process.pid) unlinkSync(path);
            } catch {
              // Already gone, or the folder with it: nothing left to release.
            }
          },
        });
      }
      const owner = readPid(path);
      if (owner === undefined) continue; // released just now: try again
      if (owner !== 0 && owner !== process.pid && processAlive(owner)) return err(inUse(dataDir, owner));
      removeStale(path, owner);
    }
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    return err(`DATA_DIR ${dataDir}: cannot write its lock file (${code})`);
  }
  return err(`DATA_DIR ${dataDir}: its lock file keeps changing; is another instance starting on it?`);
}
