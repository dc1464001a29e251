import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found by walking up from this file: the sandbox runs from `sandbox/`
 * (tests, tsx) and from `dist/sandbox/` (`npm start`), and reads `fixtures/` and
 * `sandbox/public/` from the checkout either way (tsc copies no data files).
 */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures', 'synthea', 'index.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`sandbox: cannot find the repository root (fixtures/synthea) above ${start}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const SYNTHEA_DIR = join(REPO_ROOT, 'fixtures', 'synthea');
export const SYNTHEA_BULK_DIR = join(REPO_ROOT, 'fixtures', 'synthea-bulk');
export const PUBLIC_DIR = join(REPO_ROOT, 'sandbox', 'public');
