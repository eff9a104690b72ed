import { z } from 'zod';
import { hostname } from 'node:os';
import type { ServiceName } from '@atrium/contracts';
import { loadConfig, platformConfigSpec, port, positiveInt, type ConfigOf } from '@atrium/platform';
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
    HTTP_PORT: {
      schema: port(DEFAULT_HTTP_PORTS[service]),
      description: `HTTP port of ${service} for /health and /metrics.`,
    },
    DATABASE_NAME: {
      schema: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .default(`atrium_${service}`),
      description: `Database of ${service} on DATABASE_URL's server.`,
    },
    OUTBOX_POLL_MS: {
      schema: positiveInt(100),
      description: 'How often an idle outbox relay looks for new rows.',
    },
    INSTANCE_ID: {
      schema: z.string().default(`${hostname()}-${process.pid}`),
      description: 'Name of this replica in logs and client ids.',
    },
  };
}
export type ServiceConfig = ConfigOf<ReturnType<typeof serviceConfigSpec>>;

export function serviceSettings(
  service: Exclude<ServiceName, 'gateway'>,
  config: ServiceConfig,
): ServiceSettings {
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

export function loadServiceConfig(
  service: Exclude<ServiceName, 'gateway'>,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  return loadConfig(serviceConfigSpec(service), env);
}
