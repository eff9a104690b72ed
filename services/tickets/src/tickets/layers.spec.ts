import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(root, { recursive: true })
  .map((f) => f.toString())
  .filter((f) => f.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(f));
const read = (f: string) => readFileSync(join(root, f), 'utf8');
const importsOf = (f: string) => [...read(f).matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
const layer = (f: string) => relative(root, join(root, f)).split('/')[0];

describe('the layers of the tickets context', () => {
  it('no application file imports infrastructure or interface', () => {
    const offending = sources
      .filter((f) => layer(f) === 'application')
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /\/(infrastructure|interface)\//.test(i))
          .map((i) => `${f} -> ${i}`),
      );
    expect(offending).toEqual([]);
  });

  it('domain files import no framework and no other layer', () => {
    const offending = sources
      .filter((f) => layer(f) === 'domain')
      .flatMap((f) =>
        importsOf(f)
          .filter((i) =>
            /^@nestjs\/|^typeorm|^pg$|^@atrium\/(messaging|persistence)|\/(application|infrastructure|interface)\//.test(
              i,
            ),
          )
          .map((i) => `${f} -> ${i}`),
      );
    expect(offending).toEqual([]);
  });

  it('SQL is written only in infrastructure', () => {
    const sql = /\b(SELECT\s.+\sFROM|INSERT INTO|DELETE FROM|UPDATE\s+\w+\s+SET)\b/s;
    const offending = sources.filter((f) => layer(f) !== 'infrastructure' && sql.test(read(f)));
    expect(offending).toEqual([]);
  });

  it('the old all-in-one store is gone', () => {
    expect(sources.filter((f) => f.endsWith('ticket.store.ts'))).toEqual([]);
  });
});
