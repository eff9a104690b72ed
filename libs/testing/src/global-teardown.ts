import pg from 'pg';
import { createKafka, deleteTopicsWithPrefix } from '@atrium/messaging';
import { databaseUrl } from '@atrium/persistence';

interface Started {
  started: boolean;
  stop(): Promise<void>;
}

/** Drops this run's databases and topics, then stops what the setup started. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.ATRIUM_TEST_RUN_ID;
  const server = process.env.ATRIUM_TEST_DATABASE_URL;
  const brokers = process.env.ATRIUM_TEST_KAFKA_BROKERS;
  const infra = (globalThis as Record<string, unknown>).__atriumInfra as { kafka: Started; postgres: Started } | undefined;
  try {
    if (runId && server) {
      const client = new pg.Client({ connectionString: databaseUrl(server, 'postgres') });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`t${runId}\\_%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await client.end();
    }
    if (runId && brokers) {
      // Remove what this run created, also on a broker this run started: its data directory
      // outlives the run, and leftover partitions slow every later start.
      await deleteTopicsWithPrefix(createKafka({ brokers: brokers.split(','), clientId: 'test-teardown', topicPrefix: '' }), `t${runId}.`);
    }
  } finally {
    await infra?.kafka.stop();
    await infra?.postgres.stop();
  }
}
