import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import {
  BaseRpcContext,
  Server,
  type CustomTransportStrategy,
  type MessageHandler,
} from '@nestjs/microservices';
import type { Kafka, Producer } from 'kafkajs';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import { ALL_EVENTS, ALL_OPERATIONS, type Envelope, type ServiceName } from '@atrium/contracts';
import type { TransactionHost } from '@atrium/persistence';
import { EventConsumer, type EventBinding } from '../inbox/event-consumer.js';
import { RequestServer, type RequestBinding } from '../request-reply/request-server.js';
import { ensureTopics } from '../topics.js';

/** What a handler receives as `@Ctx()`: the whole envelope (actor, correlation id, ...). */
export class AtriumRpcContext extends BaseRpcContext<[Envelope]> {
  get envelope(): Envelope {
    return this.args[0];
  }
}

export interface AtriumKafkaTransportOptions {
  service: ServiceName;
  kafka: Kafka;
  producer: Producer;
  tx: TransactionHost;
  topicPrefix: string;
}

/**
 * A NestJS transport over kafkajs with Atrium's guarantees: `@MessagePattern(op.pattern)`
 * handlers answer request-reply calls; `@EventPattern(event.topic)` handlers consume events
 * through the inbox (exactly one effect per message) with retries and a DLQ. Every pattern
 * must be a contract from @atrium/contracts, checked at boot.
 */
export class AtriumKafkaTransport extends Server implements CustomTransportStrategy {
  private events?: EventConsumer;
  private requests?: RequestServer;

  constructor(private readonly options: AtriumKafkaTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const { kafka, producer, tx, topicPrefix, service } = this.options;
      const eventBindings: EventBinding[] = [];
      const requestBindings: RequestBinding[] = [];
      for (const [pattern, handler] of this.getHandlers()) {
        if (handler.isEventHandler) {
          const contract = ALL_EVENTS.find((e) => e.topic === pattern);
          if (!contract)
            throw new Error(`@EventPattern('${pattern}') is not an event topic in @atrium/contracts`);
          eventBindings.push({
            contract,
            handle: async (payload, envelope) => void (await this.invoke(handler, payload, envelope)),
          });
        } else {
          const contract = ALL_OPERATIONS.find((o) => o.pattern === pattern);
          if (!contract)
            throw new Error(`@MessagePattern('${pattern}') is not an operation in @atrium/contracts`);
          if (contract.service !== service)
            throw new Error(`${pattern} belongs to ${contract.service}, not ${service}`);
          requestBindings.push({
            contract,
            handle: (payload, envelope) => this.invoke(handler, payload, envelope),
          });
        }
      }
      await ensureTopics(kafka, topicPrefix);
      await producer.connect();
      this.events = new EventConsumer({
        kafka,
        producer,
        tx,
        topicPrefix,
        groupId: service,
        bindings: eventBindings,
      });
      this.requests = new RequestServer({
        kafka,
        producer,
        topicPrefix,
        groupId: `${service}.requests`,
        bindings: requestBindings,
      });
      await Promise.all([this.events.start(), this.requests.start()]);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async invoke(handler: MessageHandler, payload: unknown, envelope: Envelope): Promise<unknown> {
    const result = this.transformToObservable(await handler(payload, new AtriumRpcContext([envelope])));
    return lastValueFrom(result, { defaultValue: undefined });
  }

  async close(): Promise<void> {
    await Promise.all([this.events?.stop(), this.requests?.stop()]);
  }

  on(): never {
    throw new Error('AtriumKafkaTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.kafka as T;
  }
}

/** Lets handler errors reach the transport as they were thrown (AppError keeps its code). */
@Catch()
export class RethrowRpcErrors implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
