// Atrium's layer rule: inside a service, a context is <context>/{domain,application,infrastructure,interface}.
//   domain          imports no other layer, no framework, no database or broker, none of our infrastructure libraries
//   application     imports no infrastructure and no interface
//   another context only through its public <context>/index.ts
// Files directly under src/ (main.ts, app.module.ts) are the composition root and may import any context's index.
// Test files may reach anywhere to set up what they test.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAYERS = ['domain', 'application', 'infrastructure', 'interface'];
const DOMAIN_FORBIDDEN = [
  /^@nestjs\//,
  /^typeorm$/,
  /^pg$/,
  /^kafkajs$/,
  /^@atrium\/(messaging|persistence|platform|testing)$/,
];
const TEST_FILE = /\.(spec|int-spec|e2e-spec|chaos-spec)\.ts$/;

/** Where a file sits: its service, its context (the folders above its layer) and its layer. */
export function locate(file) {
  const rel = relative(root, file).split('\\').join('/');
  const m = /^services\/([^/]+)\/src\/(.+)$/.exec(rel);
  if (!m) return null;
  const parts = m[2].split('/');
  // migrations and the database wiring belong to the service as a whole
  if (parts[0] === 'database') return { service: m[1], context: null, layer: null, path: m[2] };
  const at = parts.findIndex((p) => LAYERS.includes(p));
  if (at === -1) {
    // a context's own root (its module, its index) or the composition root
    const context = parts.length > 1 ? parts.slice(0, -1).join('/') : null;
    return { service: m[1], context, layer: null, path: m[2] };
  }
  return { service: m[1], context: parts.slice(0, at).join('/') || null, layer: parts[at], path: m[2] };
}

/** The problem with `from` importing `specifier`, or null when the import is allowed. */
export function layerProblem(from, specifier) {
  const source = locate(from);
  if (!source || TEST_FILE.test(from)) return null;
  if (!specifier.startsWith('.')) {
    if (source.layer === 'domain' && DOMAIN_FORBIDDEN.some((re) => re.test(specifier)))
      return `domain code imports no framework, database, broker or infrastructure library (${specifier}); use @atrium/kernel and ports`;
    return null;
  }
  const target = locate(resolve(dirname(from), specifier.replace(/\.js$/, '.ts')));
  if (!target || target.service !== source.service) return null; // crossing services is the Nx rule's job
  if (
    source.context &&
    target.context &&
    !isWithin(target.context, source.context) &&
    !isWithin(source.context, target.context)
  ) {
    if (target.path !== `${target.context}/index.ts`)
      return `the context ${source.context} imports ${target.context} only through ${target.context}/index.ts`;
    return null;
  }
  if (
    source.context === null &&
    target.context !== null &&
    target.path !== `${target.context}/index.ts` &&
    !target.path.endsWith('.module.ts')
  )
    return `the composition root imports the context ${target.context} through its index.ts or module`;
  if (source.context !== target.context) return null;
  if (source.layer === 'domain' && target.layer && target.layer !== 'domain')
    return `domain imports no ${target.layer} code`;
  if (source.layer === 'application' && (target.layer === 'infrastructure' || target.layer === 'interface'))
    return `application imports no ${target.layer} code: depend on a port (an abstract class in application/) instead`;
  return null;
}

const isWithin = (inner, outer) => inner === outer || inner.startsWith(`${outer}/`);

export default {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'Layers and context boundaries inside a service' },
        schema: [],
      },
      create(context) {
        const check = (node) => {
          if (!node.source || typeof node.source.value !== 'string') return;
          const problem = layerProblem(context.filename, node.source.value);
          if (problem) context.report({ node: node.source, message: problem });
        };
        return {
          ImportDeclaration: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
