import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { openDatabase, TransactionHost } from '@atrium/persistence';
import { CLOCK, HealthRegistry, OpsModule, systemClock } from '@atrium/platform';
import { createKafka, createProducer } from '../kafka.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { OutboxWriter } from '../outbox/outbox-writer.js';
import { AtriumKafkaTransport } from './atrium-kafka.transport.js';
import { pingControllerFor } from './ping.controller.js';
import { KAFKA, PRODUCER, SERVICE_SETTINGS, type ServiceSettings } from './service.tokens.js';

export { KAFKA, PRODUCER, SERVICE_SETTINGS, type ServiceSettings };

export interface ServiceModuleOptions {
  settings: ServiceSettings;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/** Starts the outbox relay with the process and stops it, the producer and the pool at shutdown. */
@Injectable()
class ServiceLifecycle implements OnModuleInit, OnApplicationShutdown {
  private relay?: OutboxRelay;
  constructor(
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register('database', async () => void (await this.dataSource.query('SELECT 1')));
    this.health.register('kafka', async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    });
    await this.producer.connect();
    this.relay = new OutboxRelay({
      dataSource: this.dataSource,
      producer: this.producer,
      topicPrefix: this.settings.topicPrefix,
      idlePollMs: this.settings.outboxPollMs,
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.producer.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * What every Atrium service process has: its own database (migrated at boot), ambient
 * transactions, the outbox, Kafka, the transport for its handlers, health and metrics.
 */
@Module({})
export class AtriumServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const { settings } = options;
    const providers: Provider[] = [
      { provide: SERVICE_SETTINGS, useValue: settings },
      { provide: CLOCK, useValue: systemClock },
      {
        provide: DataSource,
        useFactory: () =>
          openDatabase({
            serverUrl: settings.databaseServerUrl,
            database: settings.database,
            entities: options.entities,
            migrations: options.migrations,
            applicationName: `${settings.service}-${settings.instanceId}`,
          }),
      },
      {
        provide: TransactionHost,
        useFactory: (ds: DataSource) => new TransactionHost(ds),
        inject: [DataSource],
      },
      {
        provide: OutboxWriter,
        useFactory: (tx: TransactionHost) => new OutboxWriter(tx),
        inject: [TransactionHost],
      },
      {
        provide: KAFKA,
        useFactory: () =>
          createKafka({
            brokers: settings.kafkaBrokers,
            clientId: `${settings.service}-${settings.instanceId}`,
            topicPrefix: settings.topicPrefix,
          }),
      },
      { provide: PRODUCER, useFactory: (kafka: Kafka) => createProducer(kafka), inject: [KAFKA] },
      {
        provide: AtriumKafkaTransport,
        useFactory: (kafka: Kafka, producer: Producer, tx: TransactionHost) =>
          new AtriumKafkaTransport({
            service: settings.service,
            kafka,
            producer,
            tx,
            topicPrefix: settings.topicPrefix,
          }),
        inject: [KAFKA, PRODUCER, TransactionHost],
      },
      ServiceLifecycle,
    ];
    return {
      module: AtriumServiceModule,
      global: true,
      imports: [OpsModule.forRoot()],
      controllers: [pingControllerFor(settings.service)],
      providers,
      exports: [
        SERVICE_SETTINGS,
        CLOCK,
        DataSource,
        TransactionHost,
        OutboxWriter,
        KAFKA,
        PRODUCER,
        AtriumKafkaTransport,
      ],
    };
  }
}
