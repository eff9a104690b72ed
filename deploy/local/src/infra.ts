// `node deploy/local/dist/infra.js up|down|status`: the local Kafka broker and PostgreSQL on their own.
import { ensureKafka, ensurePostgres, kafkaStatus, postgresStatus, stopKafka, stopPostgres } from '@atrium/launcher';

const usage = 'usage: node deploy/local/dist/infra.js up|down|status';

async function up(): Promise<void> {
  const [postgres, kafka] = await Promise.all([
    ensurePostgres({ keepRunning: true }),
    ensureKafka({ keepRunning: true }),
  ]);
  console.log(`DATABASE_URL=${postgres.url}`);
  console.log(`KAFKA_BROKERS=${kafka.brokers.join(',')}`);
}

async function down(): Promise<void> {
  const [kafka, postgres] = await Promise.all([stopKafka(), stopPostgres()]);
  if (!kafka) console.log('kafka: not running');
  if (!postgres) console.log('postgres: not running');
}

async function status(): Promise<boolean> {
  const [kafka, postgres] = await Promise.all([kafkaStatus(), postgresStatus()]);
  const kafkaLine = kafka.running
    ? `running (pid ${kafka.pid}, Kafka ${kafka.version ?? '?'}) KAFKA_BROKERS=${kafka.brokers!.join(',')}`
    : kafka.pid
      ? `process ${kafka.pid} exists but does not answer`
      : 'not running';
  const postgresLine = postgres.running
    ? `running (pid ${postgres.pid}) DATABASE_URL=${postgres.url}`
    : postgres.pid
      ? `process ${postgres.pid} exists but does not accept connections`
      : 'not running';
  console.log(`kafka:    ${kafkaLine}`);
  console.log(`postgres: ${postgresLine}`);
  return kafka.running && postgres.running;
}

const command = process.argv[2];
try {
  switch (command) {
    case 'up':
      await up();
      break;
    case 'down':
      await down();
      break;
    case 'status':
      process.exitCode = (await status()) ? 0 : 1;
      break;
    default:
      console.error(usage);
      process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
