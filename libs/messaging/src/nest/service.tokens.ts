import type { ServiceName } from '@atrium/contracts';

export const KAFKA = Symbol('Kafka');
export const PRODUCER = Symbol('Producer');
export const SERVICE_SETTINGS = Symbol('ServiceSettings');

export interface ServiceSettings {
  service: Exclude<ServiceName, 'gateway'>;
  instanceId: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  databaseServerUrl: string;
  database: string;
  outboxPollMs: number;
}
