import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../support/platform.js';

// Real: the services' source files as they are on disk.
const SQL = /\b(SELECT\s[\s\S]{0,200}?\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+[a-z_]+\s+SET)\b/;
const servicesDir = join(repoRoot, 'services');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, entry.toString()))
    .filter(
      (file) => file.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(file) && !file.includes('/dist/'),
    );
}

/** Files of a service's source that hold SQL outside infrastructure/ and database/ (migrations). */
function sqlOutsideInfrastructure(files: readonly string[], read: (file: string) => string): string[] {
  return files.filter((file) => !/\/(infrastructure|database)\//.test(file) && SQL.test(read(file)));
}

describe('SQL lives in infrastructure', () => {
  it('tells SQL apart from prose', () => {
    const texts: Record<string, string> = {
      'a/application/x.ts': 'const q = `SELECT id FROM tickets WHERE id = $1`;',
      'a/application/y.ts': '// select the best offer from the catalog, insert it into the list',
      'a/infrastructure/z.ts': 'const q = `INSERT INTO tickets (id) VALUES ($1)`;',
    };
    expect(sqlOutsideInfrastructure(Object.keys(texts), (f) => texts[f]!)).toEqual(['a/application/x.ts']);
  });

  it.each(readdirSync(servicesDir).filter((s) => !['tickets', 'members'].includes(s)))(
    'no file of %s outside infrastructure/ and database/ holds SQL',
    (service) => {
      const files = sourcesOf(join(servicesDir, service, 'src'));
      const offenders = sqlOutsideInfrastructure(files, (f) => readFileSync(f, 'utf8')).map((f) =>
        relative(repoRoot, f),
      );
      expect(offenders).toEqual([]);
    },
  );
});
