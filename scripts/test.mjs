// `npm test`: lint, typecheck, build, then every jest suite (unit, integration against real
// PostgreSQL + Kafka started by the harness when not given, end to end through the gateway).
// Stops at the first failing step; prints one closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };
const results = '.jest-results.json';
const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['jest', 'npm', ['run', '--silent', 'jest', '--', '--json', `--outputFile=${results}`, ...process.argv.slice(2)]],
];

const total = Date.now();
rmSync(results, { force: true });
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (run.status !== 0) {
    summarize();
    process.exit(run.status ?? 1);
  }
}
summarize();
console.log(`npm test finished in ${((Date.now() - total) / 1000).toFixed(1)} s`);

function summarize() {
  if (!existsSync(results)) return;
  const r = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
