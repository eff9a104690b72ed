// The fast lane (`npm run test:unit`): only the unit specs (*.spec.ts), with no Kafka and no
// PostgreSQL, so without the harness's global set-up and teardown. The rest as in jest.config.mjs.
import base from './jest.config.mjs';

/** @type {import('jest').Config} */
export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
