import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openDatabase } from '@atrium/persistence';
import { createLogger, HealthRegistry } from '@atrium/platform';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { seedDemoDirectory } from '../seed/demo-seed.js';
import { GATEWAY_MIGRATIONS } from './migrations.js';

/** Opens (creating if missing) and migrates the gateway's own database. */
export function openGatewayDatabase(
  config: Pick<GatewayConfig, 'DATABASE_URL' | 'DATABASE_NAME' | 'INSTANCE_ID'>,
): Promise<DataSource> {
  return openDatabase({
    serverUrl: config.DATABASE_URL,
    database: config.DATABASE_NAME,
    entities: [],
    migrations: GATEWAY_MIGRATIONS,
    applicationName: `gateway-${config.INSTANCE_ID}`,
  });
}

/** Readiness check of the database, demo seed when asked for, and a closed pool at shutdown. */
@Injectable()
export class GatewayDatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly log = createLogger('gateway-database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register('database', async () => void (await this.dataSource.query('SELECT 1')));
    if (this.config.GATEWAY_SEED_DEMO) {
      const seeded = await seedDemoDirectory(this.dataSource);
      this.log.info({ created: seeded.created }, 'demo directory seeded');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export const databaseProviders: Provider[] = [
  {
    provide: DataSource,
    useFactory: (config: GatewayConfig) => openGatewayDatabase(config),
    inject: [GATEWAY_CONFIG],
  },
  GatewayDatabaseLifecycle,
];
