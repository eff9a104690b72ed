import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../support/platform.js';

// Real: the project's ESLint configuration with its layer rule. Each case lints a small source
// text as if it were the named file (nothing is written to disk).
describe('layers and context boundaries inside a service', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const errorsOf = async (file: string, code: string, rule: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
    return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
  };
  const layers = (file: string, code: string) => errorsOf(file, code, 'atrium/layers');

  it.each([
    [
      'domain importing application',
      'services/notifications/src/inbox/domain/x.ts',
      "import '../application/inbox.repository.js';\n",
      'domain imports no application code',
    ],
    [
      'domain importing infrastructure',
      'services/notifications/src/inbox/domain/x.ts',
      "import '../infrastructure/sql-inbox.repository.js';\n",
      'domain imports no infrastructure code',
    ],
    [
      'domain importing interface',
      'services/notifications/src/inbox/domain/x.ts',
      "import '../interface/inbox.controller.js';\n",
      'domain imports no interface code',
    ],
    [
      'domain importing NestJS',
      'services/notifications/src/inbox/domain/x.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      'domain code imports no framework, database, broker or infrastructure library (@nestjs/common); use @atrium/kernel and ports',
    ],
    [
      'domain importing TypeORM',
      'services/notifications/src/inbox/domain/x.ts',
      "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
      'domain code imports no framework, database, broker or infrastructure library (typeorm); use @atrium/kernel and ports',
    ],
    [
      'domain importing the messaging library',
      'services/notifications/src/inbox/domain/x.ts',
      "import { OutboxWriter } from '@atrium/messaging';\nexport const x = OutboxWriter;\n",
      'domain code imports no framework, database, broker or infrastructure library (@atrium/messaging); use @atrium/kernel and ports',
    ],
    [
      'application importing infrastructure',
      'services/notifications/src/inbox/application/queries/x.ts',
      "import '../../infrastructure/sql-inbox.repository.js';\n",
      'application imports no infrastructure code: depend on a port (an abstract class in application/) instead',
    ],
    [
      'application importing interface',
      'services/notifications/src/inbox/application/x.ts',
      "import '../interface/inbox.controller.js';\n",
      'application imports no interface code: depend on a port (an abstract class in application/) instead',
    ],
    [
      'a context reaching into another',
      'services/notifications/src/sms/application/x.ts',
      "import '../../inbox/domain/inbox-message.js';\n",
      'the context sms imports inbox only through inbox/index.ts',
    ],
    [
      'a context module reaching into another',
      'services/notifications/src/sms/sms.module.ts',
      "import '../inbox/application/inbox.repository.js';\n",
      'the context sms imports inbox only through inbox/index.ts',
    ],
  ])('refuses %s', async (_case, file, code, message) => {
    expect(await layers(file, code)).toEqual([message]);
  });

  it.each([
    [
      'domain importing the kernel and contracts',
      'services/notifications/src/inbox/domain/x.ts',
      "import { atLeast } from '@atrium/kernel';\nimport { PING } from '@atrium/contracts';\nexport const x = [atLeast, PING];\n",
    ],
    [
      'application importing its domain and its ports',
      'services/notifications/src/inbox/application/queries/x.ts',
      "import '../../domain/inbox-message.js';\nimport '../inbox.repository.js';\n",
    ],
    [
      'infrastructure importing application ports',
      'services/notifications/src/inbox/infrastructure/x.ts',
      "import '../application/inbox.repository.js';\n",
    ],
    [
      'a context importing another through its index',
      'services/notifications/src/sms/application/x.ts',
      "import '../../inbox/index.js';\n",
    ],
    [
      'the composition root importing a context module',
      'services/notifications/src/app.module.ts',
      "import './inbox/inbox.module.js';\n",
    ],
    [
      'a test reaching in to set up',
      'services/notifications/src/sms/interface/x.int-spec.ts',
      "import '../../inbox/infrastructure/sql-inbox.repository.js';\n",
    ],
  ])('allows %s', async (_case, file, code) => {
    expect(await layers(file, code)).toEqual([]);
  });

  it.each([
    ['a use case', 'services/notifications/src/inbox/application/queries/x.ts'],
    ['a library', 'libs/messaging/src/x.ts'],
    ['the gateway', 'gateway/src/members/x.ts'],
  ])('refuses process.env in %s: the environment is read in the config spec', async (_case, file) => {
    expect(
      await errorsOf(file, 'export const x = process.env.DATABASE_URL;\n', 'no-restricted-properties'),
    ).toEqual([
      "'process.env' is restricted from being used. read the environment only in the process config spec (a *config.ts file)",
    ]);
  });

  it('allows process.env in a config spec', async () => {
    expect(
      await errorsOf(
        'services/notifications/src/notifications.config.ts',
        'export const x = process.env.DATABASE_URL;\n',
        'no-restricted-properties',
      ),
    ).toEqual([]);
  });
});
