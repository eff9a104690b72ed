import { NestFactory } from '@nestjs/core';
import { NestMicroservice } from '@nestjs/microservices';
import type { INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { hostname } from 'node:os';
import { register } from 'prom-client';
import type { ServiceName } from '@atrium/contracts';
import { openDatabase } from '@atrium/persistence';
import { ConfigError, createLogger, errorForLog, loadConfig, PinoNestLogger, platformConfigSpec, port, positiveInt, type ConfigOf } from '@atrium/platform';
import { AtriumKafkaTransport, RethrowRpcErrors } from './atrium-kafka.transport.js';
import type { ServiceSettings } from './service.module.js';

export const DEFAULT_HTTP_PORTS: Record<Exclude<ServiceName, 'gateway'>, number> = {
  members: 4101,
  tickets: 4102,
  feedback: 4103,
  recommendations: 4104,
  notifications: 4105,
};

/** The configuration every service reads: platform variables, its HTTP port and database. */
export function serviceConfigSpec(service: Exclude<ServiceName, 'gateway'>) {
  return {
    ...platformConfigSpec,
    HTTP_PORT: { schema: port(DEFAULT_HTTP_PORTS[service]), description: `HTTP port of ${service} for /health and /metrics.` },
    DATABASE_NAME: { schema: z.string().regex(/^[a-z_][a-z0-9_]*$/).default(`atrium_${service}`), description: `Database of ${service} on DATABASE_URL's server.` },
    OUTBOX_POLL_MS: { schema: positiveInt(100), description: 'How often an idle outbox relay looks for new rows.' },
    INSTANCE_ID: { schema: z.string().default(`${hostname()}-${process.pid}`), description: 'Name of this replica in logs and client ids.' },
  };
}
export type ServiceConfig = ConfigOf<ReturnType<typeof serviceConfigSpec>>;

export function serviceSettings(service: Exclude<ServiceName, 'gateway'>, config: ServiceConfig): ServiceSettings {
  return {
    service,
    instanceId: config.INSTANCE_ID,
    kafkaBrokers: config.KAFKA_BROKERS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    databaseServerUrl: config.DATABASE_URL,
    database: config.DATABASE_NAME,
    outboxPollMs: config.OUTBOX_POLL_MS,
  };
}

export function loadServiceConfig(service: Exclude<ServiceName, 'gateway'>, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig(serviceConfigSpec(service), env);
}

/** Connects the Kafka transport to a created Nest app and starts it (used by main.ts and tests). */
export async function startServiceApp(app: INestApplication, httpPort: number | null): Promise<INestApplication> {
  app.enableShutdownHooks();
  // Handlers capture their exception filters when their listeners are registered, which
  // connectMicroservice does at once unless deferred: register the filter first, or an
  // AppError thrown by a handler reaches the transport as Nest's generic "Internal server error".
  const microservice = app.connectMicroservice({ strategy: app.get(AtriumKafkaTransport) }, { deferInitialization: true });
  microservice.useGlobalFilters(new RethrowRpcErrors());
  // Module init hooks run once, with the app (as without deferral), not again for the microservice.
  if (microservice instanceof NestMicroservice) microservice.setIsInitHookCalled(true);
  await app.startAllMicroservices();
  if (httpPort !== null) await app.listen(httpPort, '0.0.0.0');
  else await app.init();
  return app;
}

/** main.ts of a service: validated config, JSON logs, the app, its transport, its ops endpoints. */
export async function runService(
  service: Exclude<ServiceName, 'gateway'>,
  moduleFor: (config: ServiceConfig) => unknown,
): Promise<void> {
  process.env.ATRIUM_SERVICE = service;
  const log = createLogger('boot');
  let config: ServiceConfig;
  try {
    config = loadServiceConfig(service);
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
  process.env.ATRIUM_SERVICE = service;
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
    const applied: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    await dataSource.destroy();
    log.info({ database: config.DATABASE_NAME, migrations: applied.map((m) => m.name) }, 'database is up to date');
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: errorForLog(error) }, 'migration failed');
    process.exit(1);
  }
}
