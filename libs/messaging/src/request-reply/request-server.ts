import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { Histogram } from 'prom-client';
import { HEADER, type Envelope, type OperationContract, type Reply } from '@atrium/contracts';
import { createLogger, errorForLog, fromZodError, runWithContext, toWireError } from '@atrium/platform';
import { buildEnvelope, contextFrom, headerString, headersOf, parseEnvelope } from '../envelope.js';
import { LOW_LATENCY_CONSUMER } from '../kafka.js';

const handled = new Histogram({
  name: 'atrium_requests_handled_seconds',
  help: 'Time to handle a request-reply call in the service, by pattern and outcome',
  labelNames: ['pattern', 'outcome'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

export interface RequestBinding {
  contract: OperationContract;
  handle(payload: unknown, envelope: Envelope): Promise<unknown>;
}

export interface RequestServerOptions {
  kafka: Kafka;
  producer: Producer;
  topicPrefix: string;
  groupId: string;
  bindings: RequestBinding[];
  /** Requests handled at once by this instance (default 32). */
  maxConcurrency?: number;
}

/**
 * The service side of request-reply: validates the request against its contract, runs the
 * handler with the caller's actor and correlation id, and answers on the reply topic named
 * in the request's headers. Requests whose deadline has passed are dropped: nobody waits.
 */
export class RequestServer {
  private readonly log = createLogger('request-server');
  private consumer?: Consumer;
  private readonly byPattern: Map<string, RequestBinding>;
  private inFlight = 0;
  private readonly slotWaiters: Array<() => void> = [];
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly options: RequestServerOptions) {
    this.byPattern = new Map(options.bindings.map((b) => [b.contract.pattern, b]));
  }

  async start(): Promise<void> {
    if (this.byPattern.size === 0) return;
    const { kafka, topicPrefix } = this.options;
    this.consumer = kafka.consumer({ groupId: topicPrefix + this.options.groupId, ...LOW_LATENCY_CONSUMER });
    await this.consumer.connect();
    // From the beginning for a new group: a request sent while the group was forming is still
    // answered, and older ones are dropped by their deadline.
    await this.consumer.subscribe({ topics: [...this.byPattern.keys()].map((p) => topicPrefix + p), fromBeginning: true });
    const joined = new Promise<void>((resolve) => this.consumer!.on(this.consumer!.events.GROUP_JOIN, () => resolve()));
    // Requests need no order among themselves, so a partition does not wait for one request to
    // finish before taking the next: up to maxConcurrency run at once. The offset of a request
    // is committed once it has been handed to a handler; a crash then loses the in-flight ones,
    // whose callers time out (commands that must not be lost carry idempotency keys and retry).
    await this.consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: (p) => this.admit(p) });
    await joined;
  }

  private async admit(payload: EachMessagePayload): Promise<void> {
    const max = this.options.maxConcurrency ?? 32;
    while (this.inFlight >= max) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.inFlight += 1;
    void this.onMessage(payload)
      .catch((error: unknown) => this.log.error({ err: errorForLog(error) }, 'request handling failed'))
      .finally(() => {
        this.inFlight -= 1;
        this.slotWaiters.shift()?.();
        if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      });
  }

  async stop(): Promise<void> {
    // Let the requests being handled send their replies first.
    if (this.inFlight > 0) {
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
    }
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onMessage({ topic, message }: EachMessagePayload): Promise<void> {
    const started = process.hrtime.bigint();
    const pattern = topic.slice(this.options.topicPrefix.length);
    const binding = this.byPattern.get(pattern);
    const replyTopic = headerString(message.headers, HEADER.replyTopic);
    if (!binding || !replyTopic) {
      this.log.warn({ topic }, 'request without a handler or reply topic dropped');
      return;
    }
    const deadline = Number(headerString(message.headers, HEADER.deadline) ?? Infinity);
    if (Date.now() > deadline) {
      this.log.warn({ pattern }, 'request past its deadline dropped');
      return;
    }
    let envelope: Envelope;
    try {
      envelope = parseEnvelope(message.value);
    } catch (error) {
      this.log.warn({ pattern, err: errorForLog(error) }, 'request that is not an envelope dropped');
      return;
    }
    let reply: Reply;
    await runWithContext(contextFrom(envelope), async () => {
      try {
        const parsed = binding.contract.request.safeParse(envelope.payload);
        if (!parsed.success) throw fromZodError(parsed.error);
        const result = await binding.handle(parsed.data, envelope);
        const response = binding.contract.response.safeParse(result);
        if (!response.success) throw new Error(`response of ${pattern} breaks its contract: ${response.error.message}`);
        reply = { ok: true, result: response.data };
      } catch (error) {
        const wire = toWireError(error, (errorId, e) =>
          this.log.error({ errorId, pattern, err: errorForLog(e) }, 'request failed'),
        );
        reply = { ok: false, error: wire };
      }
      const out = buildEnvelope(`${pattern}.reply`, 1, reply);
      await this.options.producer.send({
        topic: replyTopic,
        messages: [{ key: envelope.id, value: JSON.stringify(out), headers: headersOf(out) }],
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      handled.observe({ pattern, outcome: reply.ok ? 'ok' : reply.error.code }, seconds);
    });
  }
}

