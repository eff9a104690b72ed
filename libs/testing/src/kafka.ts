import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders, Kafka, Producer } from 'kafkajs';
import type { Actor, EventContract, EventPayload } from '@atrium/contracts';
import { buildEnvelope, createKafka, createProducer, deleteTopicsWithPrefix, ensureTopics, headersOf, LOW_LATENCY_CONSUMER } from '@atrium/messaging';
import { testInfra } from './infra.js';

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Kafka for one suite: its own topic prefix, topics created, a producer and collectors. */
export class TestKafka {
  readonly kafka: Kafka;
  private producer_?: Producer;
  private readonly consumers: Consumer[] = [];

  constructor(readonly prefix: string) {
    this.kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: `test-${prefix}`, topicPrefix: prefix });
  }

  async createTopics(): Promise<void> {
    await ensureTopics(this.kafka, this.prefix);
  }

  async producer(): Promise<Producer> {
    if (!this.producer_) {
      this.producer_ = createProducer(this.kafka);
      await this.producer_.connect();
    }
    return this.producer_;
  }

  /** Publishes an event as a service's relay would; returns the envelope's message id. */
  async publish<E extends EventContract>(
    event: E,
    payload: EventPayload<E>,
    options: { key?: string; id?: string; actor?: Actor } = {},
  ): Promise<string> {
    const envelope = buildEnvelope(event.type, event.version, payload, {
      correlationId: randomUUID(),
      causationId: null,
      actor: options.actor ?? { kind: 'system', id: 'test', tenantId: null, roles: [], scopes: [] },
      traceparent: null,
    });
    if (options.id) envelope.id = options.id;
    await this.publishRaw(event.topic, JSON.stringify(envelope), { key: options.key ?? envelope.id, headers: headersOf(envelope) });
    return envelope.id;
  }

  /** Publishes any bytes to a (prefix-less) topic name, e.g. a malformed message. */
  async publishRaw(topic: string, value: string, options: { key?: string; headers?: IHeaders } = {}): Promise<void> {
    const producer = await this.producer();
    await producer.send({ topic: this.prefix + topic, acks: -1, messages: [{ key: options.key ?? null, value, headers: options.headers }] });
  }

  /** Collects every message of the (prefix-less) topics from the beginning, into the returned array. */
  async collect(topics: string[]): Promise<CollectedMessage[]> {
    const collected: CollectedMessage[] = [];
    const consumer = this.kafka.consumer({ groupId: `${this.prefix}collector.${randomUUID()}`, ...LOW_LATENCY_CONSUMER });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((t) => this.prefix + t), fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
        collected.push({
          topic: topic.slice(this.prefix.length),
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
      },
    });
    await joined;
    return collected;
  }

  /**
   * Disconnects and deletes this suite's topics, so a run never holds more than a few suites'
   * topics at once (a broker opens files per partition). Call it after the suite's services stop.
   */
  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    await this.producer_?.disconnect();
    await deleteTopicsWithPrefix(this.kafka, this.prefix).catch(() => undefined);
  }
}
