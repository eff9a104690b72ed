import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import atrium from './eslint/layers.mjs';

const services = ['members', 'tickets', 'feedback', 'recommendations', 'notifications'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx, atrium },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          banTransitiveDependencies: false,
          depConstraints: [
            // contracts import nothing of ours; every other library may use contracts and libraries.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            // the shared kernel speaks the domain's vocabulary on top of the contracts, nothing else
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:lib',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel', 'type:lib', 'type:tool'],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel', 'type:lib', 'type:tool'],
            },
            // A service or the gateway imports only shared code: never another service or the gateway.
            ...services.map((s) => ({
              sourceTag: `scope:${s}`,
              onlyDependOnLibsWithTags: ['scope:shared', `scope:${s}`],
            })),
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
            // End-to-end tests and benchmarks drive processes; they import only shared libraries.
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Layers and context boundaries inside a service (eslint/layers.mjs).
    files: ['services/*/src/**/*.ts'],
    rules: { 'atrium/layers': 'error' },
  },
  {
    // Each process reads its environment once, through its validated config spec (a *config.ts
    // file); the logger reads its level and process label before any config exists.
    files: ['services/*/src/**/*.ts', 'gateway/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: [
      '**/*config.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'libs/platform/src/logger.ts',
      'libs/testing/**',
      'libs/launcher/**',
      'gateway/src/testing/**',
      // the partition cap of small clusters, set by the launcher and the test harness for every process
      'libs/messaging/src/topics.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'read the environment only in the process config spec (a *config.ts file)',
        },
      ],
    },
  },
  {
    // The kernel is plain TypeScript: no framework, no database, no broker.
    files: ['libs/kernel/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'kafkajs',
                '@atrium/messaging',
                '@atrium/persistence',
                '@atrium/platform',
              ],
              message: 'libs/kernel imports only @atrium/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Decorator metadata needs value imports of injected classes; the rule would turn them into type imports.
    files: [
      'services/**/*.ts',
      'gateway/**/*.ts',
      'libs/messaging/src/nest/**/*.ts',
      'libs/platform/src/ops.ts',
    ],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
