// Compiles every project's TypeScript sources (src/**/*.ts, tests excluded) to <project>/dist
// with swc, keeping the ESM layout. Type checking is a separate step (npm run typecheck).
import { transformFile } from '@swc/core';
import { readFileSync, readdirSync, mkdirSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

const projectDirs = [
  ...['libs', 'services'].flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
  ),
  join(root, 'gateway'),
  join(root, 'deploy', 'local'),
  join(root, 'test'),
].filter((dir) => existsSync(join(dir, 'src')) || dir.endsWith('test'));

const isTest = (file) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);

function collect(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, entry.toString()))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTest(file) && !file.includes('node_modules'));
}

let compiled = 0;
const started = Date.now();
for (const project of projectDirs) {
  // test/ keeps its sources in bench/ and support/ folders; other projects in src/.
  const srcRoots = project.endsWith('test') ? ['bench', 'support'].map((d) => join(project, d)) : [join(project, 'src')];
  const out = join(project, 'dist');
  const files = srcRoots.flatMap(collect);
  if (files.length === 0) continue;
  rmSync(out, { recursive: true, force: true });
  await Promise.all(
    files.map(async (file) => {
      const base = project.endsWith('test') ? project : join(project, 'src');
      const target = join(out, relative(base, file)).replace(/\.ts$/, '.js');
      const result = await transformFile(file, { ...swcrc, filename: file, sourceFileName: relative(dirname(target), file), swcrc: false });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, result.code + `\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (result.map) writeFileSync(`${target}.map`, result.map);
      compiled += 1;
    }),
  );
  // Non-TypeScript assets a project ships at run time (SQL, templates, JSON).
  for (const srcRoot of srcRoots) {
    if (!existsSync(srcRoot)) continue;
    for (const entry of readdirSync(srcRoot, { recursive: true })) {
      const file = join(srcRoot, entry.toString());
      if (/\.(json|sql|yaml|hbs)$/.test(file) && statSync(file).isFile()) {
        const base = project.endsWith('test') ? project : join(project, 'src');
        const target = join(out, relative(base, file));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, readFileSync(file));
      }
    }
  }
}
console.log(`build: ${compiled} files compiled in ${Date.now() - started} ms`);
