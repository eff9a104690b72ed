import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createProducer, OutboxRelay, OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG, GATEWAY_KAFKA, GATEWAY_PRODUCER } from '../gateway.tokens.js';

/** How often an idle gateway relay looks for new outbox rows. */
const OUTBOX_POLL_MS = 100;

/**
 * The gateway's transactional outbox, as in every service: events are written with the
 * state change (OutboxWriter inside TransactionHost.run) and the relay publishes them.
 * The relay starts once the app is bootstrapped (topics ensured, database migrated) and
 * stops, with its producer, before the database pool closes.
 */
@Injectable()
export class GatewayOutboxLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(GATEWAY_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.relay = new OutboxRelay({
      dataSource: this.dataSource,
      producer: this.producer,
      topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
      idlePollMs: OUTBOX_POLL_MS,
    });
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.producer.disconnect();
  }
}

export const outboxProviders: Provider[] = [
  { provide: TransactionHost, useFactory: (ds: DataSource) => new TransactionHost(ds), inject: [DataSource] },
  {
    provide: OutboxWriter,
    useFactory: (tx: TransactionHost) => new OutboxWriter(tx),
    inject: [TransactionHost],
  },
  { provide: GATEWAY_PRODUCER, useFactory: (kafka: Kafka) => createProducer(kafka), inject: [GATEWAY_KAFKA] },
  GatewayOutboxLifecycle,
];

/** What other gateway modules may inject to publish with their changes. */
export const OUTBOX_EXPORTS = [TransactionHost, OutboxWriter];
