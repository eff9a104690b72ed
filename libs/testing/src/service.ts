import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { ServiceName } from '@atrium/contracts';
import { loadServiceConfig, startServiceApp, type ServiceConfig } from '@atrium/messaging';
import { PinoNestLogger } from '@atrium/platform';
import { testInfra, uniqueDatabaseName } from './infra.js';

export interface TestService {
  app: INestApplication;
  config: ServiceConfig;
  close(): Promise<void>;
}

/**
 * Boots a service's Nest app in this process against the real test Kafka and PostgreSQL,
 * with its own database (unless one is given) and the suite's topic prefix. Real: database,
 * Kafka, outbox relay, transport. Faked: nothing unless the module factory swaps a provider.
 */
export async function startTestService(
  service: Exclude<ServiceName, 'gateway'>,
  moduleFor: (config: ServiceConfig) => unknown,
  options: { topicPrefix: string; databaseName?: string; instanceId?: string; env?: Record<string, string>; httpPort?: number | null },
): Promise<TestService> {
  const infra = testInfra();
  const config = loadServiceConfig(service, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    DATABASE_URL: infra.databaseServerUrl,
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    DATABASE_NAME: options.databaseName ?? uniqueDatabaseName(service),
    INSTANCE_ID: options.instanceId ?? `${service}-test`,
    OUTBOX_POLL_MS: '20',
    ...options.env,
  });
  const app = await NestFactory.create(moduleFor(config) as never, { logger: new PinoNestLogger() });
  await startServiceApp(app, options.httpPort ?? null);
  return { app, config, close: () => app.close() };
}
