import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../support/platform.js';

// Real: the project's ESLint configuration and Nx project graph. Each case lints a small
// source text as if it were a file of the given project (nothing is written to disk).
describe('module boundaries', () => {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
    cwd: repoRoot,
    // The project graph the rule reads; jest's NODE_OPTIONS (vm modules) must not reach nx.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: 'ignore',
  });
  const eslint = new ESLint({ cwd: repoRoot });
  const boundaryErrors = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it.each([
    ['a service importing another service', 'services/tickets/src/x.ts', "import '@atrium/members';\n"],
    ['a service importing the gateway', 'services/members/src/x.ts', "import '@atrium/gateway';\n"],
    ['the gateway importing a service', 'gateway/src/x.ts', "import '@atrium/notifications';\n"],
    ['a service reaching into another by path', 'services/tickets/src/x.ts', "import '../../members/src/app.module.js';\n"],
    ['contracts importing a library', 'libs/contracts/src/x.ts', "import { OutboxWriter } from '@atrium/messaging';\nexport const x = OutboxWriter;\n"],
    ['a library importing an application', 'libs/messaging/src/x.ts', "import '@atrium/members';\n"],
  ])('forbids %s', async (_case, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['a service importing shared libraries', 'services/tickets/src/x.ts', "import { PING } from '@atrium/contracts';\nimport { OutboxWriter } from '@atrium/messaging';\nexport const x = [PING, OutboxWriter];\n"],
    ['the gateway importing contracts', 'gateway/src/x.ts', "import { PING } from '@atrium/contracts';\nexport const x = PING;\n"],
  ])('allows %s', async (_case, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
