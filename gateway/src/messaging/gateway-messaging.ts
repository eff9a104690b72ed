import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { ALL_OPERATIONS } from '@atrium/contracts';
import { createKafka, ensureTopics, RequestClient } from '@atrium/messaging';
import { HealthRegistry } from '@atrium/platform';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG, GATEWAY_KAFKA } from '../gateway.tokens.js';

/**
 * The gateway's one RequestClient: topics ensured and reply consumer joined before the
 * gateway takes traffic; stopped (pending calls failed) at shutdown.
 */
@Injectable()
export class GatewayMessagingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_KAFKA) private readonly kafka: Kafka,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly client: RequestClient,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register('kafka', async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    });
    await ensureTopics(this.kafka, this.config.KAFKA_TOPIC_PREFIX);
    await this.client.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.stop();
  }
}

export const messagingProviders: Provider[] = [
  {
    provide: GATEWAY_KAFKA,
    useFactory: (config: GatewayConfig) =>
      createKafka({
        brokers: config.KAFKA_BROKERS,
        clientId: `gateway-${config.INSTANCE_ID}`,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
      }),
    inject: [GATEWAY_CONFIG],
  },
  {
    provide: RequestClient,
    useFactory: (kafka: Kafka, config: GatewayConfig) =>
      new RequestClient({
        kafka,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        operations: ALL_OPERATIONS,
        defaultTimeoutMs: config.REQUEST_TIMEOUT_MS,
      }),
    inject: [GATEWAY_KAFKA, GATEWAY_CONFIG],
  },
  GatewayMessagingLifecycle,
];
