import type { Envelope, OperationContract } from '@atrium/contracts';
import { createProducer, RequestServer } from '@atrium/messaging';
import type { Kafka, Producer } from 'kafkajs';

export interface Received {
  pattern: string;
  payload: Record<string, unknown>;
  envelope: Envelope;
}

/**
 * A stand-in answering some members operations over the real Kafka request-reply topics, for
 * gateway tests: records every request (payload and envelope) and answers with the handler's
 * result (a thrown AppError travels back as the service's would).
 */
export class FakeMembersOperations {
  readonly received: Received[] = [];
  private server?: RequestServer;
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
    private readonly handlers: Map<OperationContract, (payload: Record<string, unknown>) => unknown>,
  ) {}

  async start(groupId: string): Promise<void> {
    this.producer = createProducer(this.kafka);
    await this.producer.connect();
    this.server = new RequestServer({
      kafka: this.kafka,
      producer: this.producer,
      topicPrefix: this.topicPrefix,
      groupId,
      bindings: [...this.handlers].map(([contract, handle]) => ({
        contract,
        handle: async (payload, envelope) => {
          this.received.push({
            pattern: contract.pattern,
            payload: payload as Record<string, unknown>,
            envelope,
          });
          return handle(payload as Record<string, unknown>);
        },
      })),
    });
    await this.server.start();
  }

  sent(op: OperationContract): Received[] {
    return this.received.filter((r) => r.pattern === op.pattern);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.producer?.disconnect();
  }
}
