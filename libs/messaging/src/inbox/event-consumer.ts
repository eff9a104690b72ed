import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { Counter } from 'prom-client';
import { dlqTopicOf, HEADER, type Envelope, type EventContract } from '@atrium/contracts';
import type { TransactionHost } from '@atrium/persistence';
import { AppError, createLogger, errorForLog, runWithContext, scrubText } from '@atrium/platform';
import { contextFrom, parseEnvelope } from '../envelope.js';
import { LOW_LATENCY_CONSUMER } from '../kafka.js';

const consumed = new Counter({
  name: 'atrium_events_consumed_total',
  help: 'Events consumed, by topic and outcome (done, duplicate, dead-lettered)',
  labelNames: ['topic', 'outcome'],
});

export interface EventBinding {
  contract: EventContract;
  handle(payload: unknown, envelope: Envelope): Promise<void>;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  producer: Producer;
  tx: TransactionHost;
  topicPrefix: string;
  /** Consumer group without prefix, e.g. `notifications`. */
  groupId: string;
  bindings: EventBinding[];
  maxAttempts?: number;
  backoffMs?: number;
}

/** Errors worth retrying: anything but a domain decision (AppError other than INTERNAL). */
const isPermanent = (error: unknown): boolean => error instanceof AppError && error.code !== 'INTERNAL';

/**
 * Consumes events idempotently: validate → (inbox row + handler effect in one transaction)
 * → commit. A redelivered message finds its inbox row and has no second effect. An invalid
 * message, or one still failing after retries with backoff, is parked in `<topic>.dlq` with
 * the error and original headers, and the partition moves on.
 */
export class EventConsumer {
  private readonly log = createLogger('event-consumer');
  private consumer?: Consumer;
  private readonly byTopic: Map<string, EventBinding>;

  constructor(private readonly options: EventConsumerOptions) {
    this.byTopic = new Map(options.bindings.map((b) => [b.contract.topic, b]));
  }

  get groupId(): string {
    return this.options.topicPrefix + this.options.groupId;
  }

  async start(): Promise<void> {
    if (this.byTopic.size === 0) return;
    const { kafka, topicPrefix } = this.options;
    this.consumer = kafka.consumer({ groupId: this.groupId, ...LOW_LATENCY_CONSUMER });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.byTopic.keys()].map((t) => topicPrefix + t), fromBeginning: true });
    const joined = new Promise<void>((resolve) => this.consumer!.on(this.consumer!.events.GROUP_JOIN, () => resolve()));
    await this.consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: (p) => this.onMessage(p) });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const base = topic.slice(this.options.topicPrefix.length);
    const binding = this.byTopic.get(base);
    if (!binding) return;
    let envelope: Envelope;
    let payload: unknown;
    try {
      envelope = parseEnvelope(message.value);
      if (envelope.type !== binding.contract.type) {
        throw new Error(`type ${envelope.type} does not belong on ${base} (expected ${binding.contract.type})`);
      }
      payload = binding.contract.schema.parse(envelope.payload);
    } catch (error) {
      await this.deadLetter(base, partition, message, `invalid message: ${describe(error)}`);
      return;
    }
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoff = this.options.backoffMs ?? 200;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await runWithContext(contextFrom(envelope), () =>
          this.options.tx.run(async (m) => {
            const inserted: unknown[] = await m.query(
              `INSERT INTO inbox (consumer_group, message_id, topic) VALUES ($1, $2, $3)
               ON CONFLICT DO NOTHING RETURNING message_id`,
              [this.options.groupId, envelope.id, base],
            );
            if (inserted.length === 0) return 'duplicate';
            await binding.handle(payload, envelope);
            return 'done';
          }),
        );
        consumed.inc({ topic: base, outcome });
        if (outcome === 'duplicate') this.log.info({ topic: base, messageId: envelope.id }, 'duplicate event skipped');
        return;
      } catch (error) {
        if (isPermanent(error) || attempt >= maxAttempts) {
          await this.deadLetter(base, partition, message, `handler failed after ${attempt} attempt(s): ${describe(error)}`);
          return;
        }
        this.log.warn({ topic: base, messageId: envelope.id, attempt, err: errorForLog(error) }, 'event handler failed; retrying');
        await heartbeat();
        await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: EachMessagePayload['message'], error: string): Promise<void> {
    const dlq = this.options.topicPrefix + dlqTopicOf(topic);
    await this.options.producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [HEADER.dlqError]: error.slice(0, 4000),
            [HEADER.dlqOriginalTopic]: topic,
            [HEADER.dlqOriginalPartition]: String(partition),
            [HEADER.dlqOriginalOffset]: message.offset,
            [HEADER.dlqConsumerGroup]: this.options.groupId,
            [HEADER.dlqFailedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    consumed.inc({ topic, outcome: 'dead-lettered' });
    this.log.error({ topic, partition, offset: message.offset, dlq, error }, 'event parked in DLQ');
  }
}

function describe(error: unknown): string {
  return scrubText(error instanceof Error ? error.message : String(error));
}
