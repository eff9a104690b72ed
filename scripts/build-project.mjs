// Compiles one project's TypeScript sources (tests excluded) to <project>/dist with swc, keeping
// the ESM layout, plus the non-TypeScript files it ships at run time (SQL, templates, JSON).
// Each project's `build` target runs this (`nx run <project>:build`), so Nx caches each project
// on its own; `npm run build` builds them all through Nx. Type checking is `npm run typecheck`.
//   node scripts/build-project.mjs <project root, relative to the repository>
import { transformFile } from '@swc/core';
import { readFileSync, readdirSync, mkdirSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectArg = process.argv[2];
if (!projectArg) {
  console.error('usage: node scripts/build-project.mjs <project root>');
  process.exit(2);
}
const project = resolve(root, projectArg);
const project_json = JSON.parse(readFileSync(join(project, 'project.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

// A project keeps its sources in src/ (dist mirrors src/), except test/, whose compiled parts
// live in bench/ and support/ (dist mirrors test/).
const base = existsSync(join(project, 'src')) ? join(project, 'src') : project;
const srcRoots = base === project ? ['bench', 'support'].map((d) => join(project, d)) : [base];
const out = join(project, 'dist');
const isTest = (file) => /\.(spec|int-spec|e2e-spec|chaos-spec)\.ts$/.test(file);
const isAsset = (file) => /\.(json|sql|yaml|hbs)$/.test(file);

const entries = srcRoots
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((entry) => join(dir, entry.toString())))
  .filter((file) => !file.includes('node_modules') && statSync(file).isFile());
const sources = entries.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTest(file));
const assets = entries.filter(isAsset);

const started = Date.now();
rmSync(out, { recursive: true, force: true });
await Promise.all(
  sources.map(async (file) => {
    const target = join(out, relative(base, file)).replace(/\.ts$/, '.js');
    const result = await transformFile(file, {
      ...swcrc,
      filename: file,
      sourceFileName: relative(dirname(target), file),
      swcrc: false,
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, result.code + `\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (result.map) writeFileSync(`${target}.map`, result.map);
  }),
);
for (const file of assets) {
  const target = join(out, relative(base, file));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, readFileSync(file));
}
console.log(
  `${project_json.name}: ${sources.length} files compiled, ${assets.length} copied in ${Date.now() - started} ms`,
);
