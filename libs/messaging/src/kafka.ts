import { AsyncLocalStorage } from 'node:async_hooks';
import { Kafka, logLevel, Partitioners, type KafkaConfig, type LogEntry, type Producer } from 'kafkajs';
import { createLogger } from '@atrium/platform';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and group id of this deployment (isolates test runs). */
  topicPrefix: string;
}

const kafkaLog = createLogger('kafkajs');

/** Set while a readiness probe runs: the broker's refusals it gets are expected, not errors. */
const probing = new AsyncLocalStorage<string>();

/**
 * Runs `probe` (Kafka requests that are retried until the cluster is ready, e.g. offsets of a
 * topic whose leader is still settling) with kafkajs's error lines of its requests logged at
 * debug level, naming `what`. A probe that still fails when its caller gives up throws as usual.
 */
export function expectingRefusals<T>(what: string, probe: () => Promise<T>): Promise<T> {
  return probing.run(what, probe);
}

function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    const line = { namespace: extra.namespace, broker: extra.broker, error: extra.error };
    const probe = probing.getStore();
    if (probe !== undefined && level === logLevel.ERROR) kafkaLog.debug({ ...line, probe }, message);
    else if (level === logLevel.ERROR) kafkaLog.error(line, message);
    else if (level === logLevel.WARN) kafkaLog.warn(line, message);
  };
}

export function createKafka(settings: KafkaSettings, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    // Keep retrying through a broker restart instead of giving up after a few seconds.
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 30 },
    ...overrides,
  });
}

/** Idempotent, acks=all producer; per-partition order is kept with one request in flight. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // Idempotence needs unbounded retries; callers bound their own waiting (timeouts, relay passes).
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: Number.MAX_SAFE_INTEGER },
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** Consumer tuning that keeps request-reply and event latency in milliseconds. */
export const LOW_LATENCY_CONSUMER = {
  maxWaitTimeInMs: 50,
  sessionTimeout: 10000,
  heartbeatInterval: 3000,
  rebalanceTimeout: 15000,
  allowAutoTopicCreation: false,
  retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 30 },
} as const;

export const prefixed = (settings: Pick<KafkaSettings, 'topicPrefix'>, name: string): string =>
  `${settings.topicPrefix}${name}`;
