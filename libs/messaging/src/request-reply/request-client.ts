import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { Histogram } from 'prom-client';
import {
  HEADER,
  replySchema,
  replyTopicOf,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { AppError, contextOrNew, createLogger, errorForLog, fromZodError, RemoteError, type RequestContext } from '@atrium/platform';
import { buildEnvelope, headersOf, parseEnvelope } from '../envelope.js';
import { createProducer, LOW_LATENCY_CONSUMER } from '../kafka.js';
import { retryUntil } from '../topics.js';

const roundTrip = new Histogram({
  name: 'atrium_request_round_trip_seconds',
  help: 'Round trip of request-reply calls seen by the caller, by pattern and outcome',
  labelNames: ['pattern', 'outcome'],
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export interface RequestClientOptions {
  kafka: Kafka;
  topicPrefix: string;
  operations: readonly OperationContract[];
  defaultTimeoutMs: number;
  /** Distinguishes this caller instance; each instance reads every reply partition in its own group. */
  instanceId?: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
  contract: OperationContract;
  started: bigint;
}

/**
 * The caller side of request-reply. Each instance consumes all partitions of the reply topics
 * in a consumer group of its own (no offsets committed), so a new gateway replica never
 * triggers a rebalance that would stall another replica's calls; replies are matched by the
 * request id they carry as causationId. A call that gets no answer in time fails with
 * UPSTREAM_TIMEOUT.
 */
export class RequestClient {
  private readonly log = createLogger('request-client');
  private readonly pending = new Map<string, Pending>();
  private producer?: Producer;
  private consumer?: Consumer;
  readonly instanceId: string;

  constructor(private readonly options: RequestClientOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
  }

  async start(): Promise<void> {
    const { kafka, topicPrefix, operations } = this.options;
    this.producer = createProducer(kafka);
    await this.producer.connect();
    const replyTopics = [...new Set(operations.map((op) => topicPrefix + replyTopicOf(op.pattern)))];
    // Remember where every reply partition ends *before* joining, and start reading there:
    // a reply produced at any moment after start() returns is then never skipped, even on
    // topics created a moment ago whose leaders are still settling.
    const admin = kafka.admin();
    await admin.connect();
    const startAt: Array<{ topic: string; partition: number; offset: string }> = [];
    try {
      for (const topic of replyTopics) {
        const offsets = await retryUntil(`offsets of ${topic}`, () => admin.fetchTopicOffsets(topic));
        for (const { partition, offset } of offsets) startAt.push({ topic, partition, offset });
      }
    } finally {
      await admin.disconnect();
    }
    this.consumer = kafka.consumer({
      groupId: `${topicPrefix}gateway.replies.${this.instanceId}`,
      ...LOW_LATENCY_CONSUMER,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: replyTopics, fromBeginning: false });
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 4,
      eachMessage: async ({ message }) => this.onReply(message.value),
    });
    for (const position of startAt) this.consumer.seek(position);
  }

  async stop(): Promise<void> {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new AppError('UPSTREAM_TIMEOUT', 'SHUTTING_DOWN', 'the gateway is shutting down'));
      this.pending.delete(id);
    }
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  async send<O extends OperationContract>(
    op: O,
    request: OperationRequest<O>,
    options: { timeoutMs?: number; key?: string; context?: RequestContext } = {},
  ): Promise<OperationResponse<O>> {
    if (!this.producer) throw new Error('RequestClient.start() was not called');
    const checked = op.request.safeParse(request);
    if (!checked.success) throw fromZodError(checked.error);
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    const envelope = buildEnvelope(op.pattern, 1, checked.data, options.context ?? contextOrNew());
    const started = process.hrtime.bigint();
    const result = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope.id);
        roundTrip.observe({ pattern: op.pattern, outcome: 'UPSTREAM_TIMEOUT' }, timeoutMs / 1000);
        reject(new AppError('UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT', `${op.service} did not answer ${op.pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelope.id, { resolve, reject, timer, contract: op, started });
    });
    try {
      await this.producer.send({
        topic: this.options.topicPrefix + op.pattern,
        messages: [
          {
            key: options.key ?? envelope.id,
            value: JSON.stringify(envelope),
            headers: {
              ...headersOf(envelope),
              [HEADER.replyTopic]: this.options.topicPrefix + replyTopicOf(op.pattern),
              [HEADER.deadline]: String(Date.now() + timeoutMs),
            },
          },
        ],
      });
    } catch (error) {
      const pending = this.pending.get(envelope.id);
      if (pending) {
        clearTimeout(pending.timer);
        this.pending.delete(envelope.id);
      }
      this.log.error({ pattern: op.pattern, err: errorForLog(error) }, 'could not send request');
      throw new AppError('UPSTREAM_TIMEOUT', 'BROKER_UNAVAILABLE', `could not reach ${op.service}: the message broker is unavailable`);
    }
    return result as Promise<OperationResponse<O>>;
  }

  private onReply(value: Buffer | null): void {
    let requestId: string | null;
    let reply;
    try {
      const envelope = parseEnvelope(value);
      requestId = envelope.causationId;
      reply = replySchema.parse(envelope.payload);
    } catch (error) {
      this.log.warn({ err: errorForLog(error) }, 'unreadable reply ignored');
      return;
    }
    const pending = requestId ? this.pending.get(requestId) : undefined;
    if (!pending || !requestId) return; // another instance's call, or one that timed out
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    const seconds = Number(process.hrtime.bigint() - pending.started) / 1e9;
    if (reply.ok) {
      roundTrip.observe({ pattern: pending.contract.pattern, outcome: 'ok' }, seconds);
      pending.resolve(pending.contract.response.parse(reply.result));
    } else {
      roundTrip.observe({ pattern: pending.contract.pattern, outcome: reply.error.code }, seconds);
      pending.reject(new RemoteError(reply.error));
    }
  }

  /** Number of calls waiting for a reply (exposed for health and tests). */
  get inFlight(): number {
    return this.pending.size;
  }
}
