import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { printGatewaySchema, SCHEMA_FILE } from './schema-printer.js';

describe('gateway/schema.graphql', () => {
  it('is exactly what the code-first resolvers produce (run `npm run schema` after changing the graph)', async () => {
    const produced = await printGatewaySchema();
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(produced);
  });

  it('exposes the enums with the contracts’ values and the operations of the gateway', async () => {
    const sdl = await printGatewaySchema();
    expect(sdl).toContain('enum Language {\n  EN\n  ZH_CN\n  ZH_TW\n}');
    expect(sdl).toContain('MINI_PROGRAM');
    for (const operation of [
      'registerMember(',
      'requestLoginCode(',
      'loginWithCode(',
      'refreshSession(',
      'staffLogin(',
      'createApiKey(',
      'revokeApiKey(',
      'me:',
      'member(',
      'systemStatus:',
      'gatewayInfo:',
    ]) {
      expect(sdl).toContain(operation);
    }
  });
});
