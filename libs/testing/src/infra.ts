import { randomBytes } from 'node:crypto';

/** Where the shared infrastructure of this test run is; set by the jest global setup. */
export interface TestInfra {
  kafkaBrokers: string[];
  databaseServerUrl: string;
  runId: string;
}

export function testInfra(): TestInfra {
  const brokers = process.env.ATRIUM_TEST_KAFKA_BROKERS;
  const db = process.env.ATRIUM_TEST_DATABASE_URL;
  const runId = process.env.ATRIUM_TEST_RUN_ID;
  if (!brokers || !db || !runId) {
    throw new Error('test infrastructure is not set up: run tests through `npm run jest` (global setup starts Kafka and PostgreSQL)');
  }
  return { kafkaBrokers: brokers.split(','), databaseServerUrl: db, runId };
}

const suffix = () => randomBytes(3).toString('hex');

/** A topic prefix of its own for one test file or case, so runs and suites never share topics. */
export function uniqueTopicPrefix(): string {
  return `t${testInfra().runId}.${suffix()}.`;
}

/** A database name of its own (created on first open by openDatabase / ensureDatabase). */
export function uniqueDatabaseName(label: string): string {
  return `t${testInfra().runId}_${suffix()}_${label.replace(/[^a-z0-9_]/g, '_')}`;
}
