import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import type { ServiceName } from '@atrium/contracts';
import { loadServiceConfig, startServiceApp, type ServiceConfig } from '@atrium/messaging';
import { PinoNestLogger } from '@atrium/platform';
import { testInfra, uniqueDatabaseName } from './infra.js';

/** A provider of the service's module replaced in a test: its injection token and the value used instead. */
export interface ProviderOverride {
  provide: string | symbol | (abstract new (...args: never[]) => unknown);
  useValue: unknown;
}

export interface TestService {
  app: INestApplication;
  config: ServiceConfig;
  close(): Promise<void>;
}

/**
 * Boots a service's Nest app in this process against the real test Kafka and PostgreSQL,
 * with its own database (unless one is given) and the suite's topic prefix. Real: database,
 * Kafka, outbox relay, transport. Faked: only the providers listed in `overrides` (each
 * replaced wherever the module tree declares it, e.g. `{ provide: CLOCK, useValue: clock }`).
 */
export async function startTestService(
  service: Exclude<ServiceName, 'gateway'>,
  moduleFor: (config: ServiceConfig) => unknown,
  options: {
    topicPrefix: string;
    databaseName?: string;
    instanceId?: string;
    env?: Record<string, string>;
    httpPort?: number | null;
    overrides?: readonly ProviderOverride[];
  },
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
  const logger = new PinoNestLogger();
  let builder = Test.createTestingModule({ imports: [moduleFor(config) as never] }).setLogger(logger);
  for (const { provide, useValue } of options.overrides ?? []) builder = builder.overrideProvider(provide).useValue(useValue);
  const app = (await builder.compile()).createNestApplication({ logger });
  await startServiceApp(app, options.httpPort ?? null);
  return { app, config, close: () => app.close() };
}
