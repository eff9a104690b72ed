import { NestFactory } from '@nestjs/core';
import { NestMicroservice } from '@nestjs/microservices';
import type { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import type { ServiceName } from '@atrium/contracts';
import { openDatabase } from '@atrium/persistence';
import {
  ConfigError,
  createLogger,
  errorForLog,
  loadConfig,
  nameProcess,
  PinoNestLogger,
  type ConfigSpec,
} from '@atrium/platform';
import { serviceConfigSpec, type ServiceConfig } from './service-config.js';
import { AtriumKafkaTransport, RethrowRpcErrors } from './atrium-kafka.transport.js';

/** Connects the Kafka transport to a created Nest app and starts it (used by main.ts and tests). */
export async function startServiceApp(
  app: INestApplication,
  httpPort: number | null,
): Promise<INestApplication> {
  app.enableShutdownHooks();
  // Handlers capture their exception filters when their listeners are registered, which
  // connectMicroservice does at once unless deferred: register the filter first, or an
  // AppError thrown by a handler reaches the transport as Nest's generic "Internal server error".
  const microservice = app.connectMicroservice(
    { strategy: app.get(AtriumKafkaTransport) },
    { deferInitialization: true },
  );
  microservice.useGlobalFilters(new RethrowRpcErrors());
  // Module init hooks run once, with the app (as without deferral), not again for the microservice.
  if (microservice instanceof NestMicroservice) microservice.setIsInitHookCalled(true);
  await app.startAllMicroservices();
  if (httpPort !== null) await app.listen(httpPort, '0.0.0.0');
  else await app.init();
  return app;
}

/** main.ts of a service: validated config, JSON logs, the app, its transport, its ops endpoints. */
export async function runService<C extends ServiceConfig = ServiceConfig>(
  service: Exclude<ServiceName, 'gateway'>,
  moduleFor: (config: C) => unknown,
  /** The process's one config spec: every service's variables plus its own (default: the shared ones). */
  spec: ConfigSpec = serviceConfigSpec(service),
): Promise<void> {
  nameProcess(service);
  const log = createLogger('boot');
  let config: C;
  try {
    config = loadConfig(spec) as C;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  register.setDefaultLabels({ service });
  const started = Date.now();
  const app = await NestFactory.create(moduleFor(config) as never, { logger: new PinoNestLogger() });
  await startServiceApp(app, config.HTTP_PORT);
  log.info({ port: config.HTTP_PORT, ms: Date.now() - started }, `${service} ready`);
}

/**
 * `nx run <service>:migrate`: creates the service's database if missing, applies pending
 * migrations and exits (0 when up to date, 1 on failure).
 */
export async function runMigrations(
  service: Exclude<ServiceName, 'gateway'>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[],
): Promise<void> {
  nameProcess(service);
  const spec = serviceConfigSpec(service);
  const log = createLogger('migrate');
  try {
    const config = loadConfig({ DATABASE_URL: spec.DATABASE_URL, DATABASE_NAME: spec.DATABASE_NAME });
    const dataSource = await openDatabase({
      serverUrl: config.DATABASE_URL,
      database: config.DATABASE_NAME,
      entities: [],
      migrations,
      applicationName: `${service}-migrate`,
    });
    const applied: Array<{ name: string }> = await dataSource.query(
      'SELECT name FROM migrations ORDER BY id',
    );
    await dataSource.destroy();
    log.info(
      { database: config.DATABASE_NAME, migrations: applied.map((m) => m.name) },
      'database is up to date',
    );
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: errorForLog(error) }, 'migration failed');
    process.exit(1);
  }
}
