// Local infrastructure without Docker: Kafka broker, PostgreSQL server, databases, process runner.
// Used by `npm start` (deploy/local) and by the test harness (libs/testing).
export { ensureKafka, stopKafka, kafkaStatus, kafkaVersion } from './kafka.js';
export type { KafkaHandle, KafkaOptions, KafkaStatus } from './kafka.js';
export { ensurePostgres, stopPostgres, postgresStatus } from './postgres.js';
export type { PostgresHandle, PostgresOptions, PostgresStatus } from './postgres.js';
export { ensureDatabase, dropDatabase } from '@atrium/persistence';
export { runProcesses } from './process-runner.js';
export type { ProcessSpec, RunOptions, RunningProcesses } from './process-runner.js';
export { dataDir, repoRoot } from './paths.js';
export { freePort } from './os-helpers.js';
