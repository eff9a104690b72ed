// `npm run build`: every project's `build` target through Nx (scripts/build-project.mjs per
// project), so a project whose inputs did not change is restored from the Nx cache (.nx/cache).
// Extra arguments go to Nx, e.g. `node scripts/build.mjs --skip-nx-cache`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
    'run-many',
    '-t',
    'build',
    '--output-style=static',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    // Nx's project-graph plugins run in this process: starting them as workers costs seconds.
    env: {
      ...process.env,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      NX_ISOLATE_PLUGINS: 'false',
    },
  },
);
if (run.status === 0) console.log(`build: done in ${Date.now() - started} ms`);
process.exit(run.status ?? 1);
