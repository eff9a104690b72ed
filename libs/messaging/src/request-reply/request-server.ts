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
    await this.consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: (p) => this.onMessage(p) });
    await joined;
  }

  async stop(): Promise<void> {
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

