import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { loadConfig, positiveInt, type ConfigSpec } from '@atrium/platform';
import { TICKETS_MIGRATIONS } from './database/migrations.js';
import { DirectoryModule } from './directory/index.js';
import { TicketsModule } from './tickets/tickets.module.js';

/** Variables of the tickets process besides those every service reads. */
export const ticketsConfigSpec = {
  SLA_POLL_MS: {
    schema: positiveInt(1000),
    description: 'How often each replica looks for SLA deadlines that have come due.',
  },
} satisfies ConfigSpec;

export interface TicketsAppOptions {
  /** SLA scheduler poll interval in ms (default SLA_POLL_MS); null turns the timer off (tests drive the job). */
  slaPollMs?: number | null;
  /** The environment the tickets variables are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** The tickets process: its database, Kafka, health and metrics, and the tickets context. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, options: TicketsAppOptions = {}): DynamicModule {
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
          {
            pollMs:
              options.slaPollMs === undefined
                ? loadConfig(ticketsConfigSpec, options.env ?? process.env).SLA_POLL_MS
                : options.slaPollMs,
          },
          { timeZone: config.MALL_TIME_ZONE },
        ),
      ],
    };
  }
}
