import { randomBytes } from 'node:crypto';
import { ensureKafka, ensurePostgres } from '@atrium/launcher';

/**
 * Starts (or attaches to, when KAFKA_BROKERS / DATABASE_URL are set) the real Kafka broker and
 * PostgreSQL server for the whole run. Each suite then makes its own databases and topics.
 */
export default async function globalSetup(): Promise<void> {
  // Processes and in-process services log warnings and errors only, unless asked for more.
  process.env.LOG_LEVEL ??= 'warn';
  // Every suite creates the whole topic set under its own prefix: one partition each keeps a
  // run's partition count (and the broker's work) small. Ordering tests need no more.
  process.env.KAFKA_TOPIC_MAX_PARTITIONS ??= '1';
  const log = (line: string) => process.stderr.write(`[infra] ${line}\n`);
  const started = Date.now();
  const [kafka, postgres] = await Promise.all([ensureKafka({ log }), ensurePostgres({ log })]);
  process.env.ATRIUM_TEST_KAFKA_BROKERS = kafka.brokers.join(',');
  process.env.ATRIUM_TEST_DATABASE_URL = postgres.url;
  process.env.ATRIUM_TEST_RUN_ID = randomBytes(3).toString('hex');
  (globalThis as Record<string, unknown>).__atriumInfra = { kafka, postgres };
  log(`kafka ${kafka.started ? 'started' : 'attached'} at ${kafka.brokers.join(',')}, postgres ${postgres.started ? 'started' : 'attached'} (${Date.now() - started} ms)`);
}
