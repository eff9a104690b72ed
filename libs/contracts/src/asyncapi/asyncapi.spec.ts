import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { allTopicSpecs } from '../topics.js';
import { buildAsyncApiDocument } from './build-asyncapi.js';

const committedPath = new URL('../../asyncapi.json', import.meta.url);
const committed = readFileSync(committedPath, 'utf8');

describe('AsyncAPI document', () => {
  it('is valid AsyncAPI 3 according to @asyncapi/parser', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('lists every topic the code creates, and nothing else', async () => {
    const { document } = await new Parser().parse(committed);
    const addresses = document!.channels().all().map((c) => c.address()).sort();
    expect(addresses).toEqual(allTopicSpecs().map((t) => t.name).sort());
  });

  it('is up to date with the contracts (run `npm run asyncapi` after changing one)', () => {
    expect(JSON.parse(committed)).toEqual(buildAsyncApiDocument());
  });
});
