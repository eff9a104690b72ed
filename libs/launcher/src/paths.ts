// Where the local infrastructure keeps its files: <repo root>/.data unless ATRIUM_DATA_DIR says otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** libs/launcher itself (one level above src/ or dist/). */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function isRepoRoot(dir: string): boolean {
  if (existsSync(join(dir, 'nx.json'))) return true;
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'atrium';
  } catch {
    return false;
  }
}

/** The monorepo root, found by walking up from this module. */
export function repoRoot(): string {
  let dir = packageDir;
  for (;;) {
    if (isRepoRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `@atrium/launcher: cannot find the repository root above ${packageDir} (no nx.json or package.json named "atrium"); set ATRIUM_DATA_DIR`,
      );
    }
    dir = parent;
  }
}

/** Root of all runtime data (git-ignored). */
export function dataDir(): string {
  const override = process.env['ATRIUM_DATA_DIR'];
  return override ? resolve(override) : join(repoRoot(), '.data');
}
