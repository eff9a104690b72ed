import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings } from '@atrium/messaging';
import { TICKETS_MIGRATIONS } from './database/migrations.js';
import { DirectoryModule } from './directory/index.js';
import { ticketsSettingsOf, type TicketsAppConfig } from './tickets.config.js';
import { TicketsModule } from './tickets/tickets.module.js';

export interface TicketsAppOptions {
  /** SLA scheduler poll interval in ms (default the config's SLA_POLL_MS); null turns the timer off (tests drive the job). */
  slaPollMs?: number | null;
}

/**
 * The tickets process: its database, Kafka, health and metrics, and the tickets context.
 * `config` is the tickets config (tickets.config.ts, loaded once in main.ts); a config with only
 * the service variables (tests) runs with the tickets defaults.
 */
@Module({})
export class AppModule {
  static forRoot(config: TicketsAppConfig, options: TicketsAppOptions = {}): DynamicModule {
    const settings = ticketsSettingsOf(config);
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('tickets', config),
          entities: [],
          migrations: TICKETS_MIGRATIONS,
        }),
        DirectoryModule,
        TicketsModule.forRoot(
          { pollMs: options.slaPollMs === undefined ? settings.SLA_POLL_MS : options.slaPollMs },
          { timeZone: config.MALL_TIME_ZONE },
        ),
      ],
    };
  }
}
