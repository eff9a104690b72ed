import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { TICKETS_MIGRATIONS } from './database/migrations.js';
import { TicketsModule } from './tickets/tickets.module.js';

export interface TicketsAppOptions {
  /** SLA scheduler poll interval in ms (default 1000); null turns the timer off (tests drive the job). */
  slaPollMs?: number | null;
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
        TicketsModule.forRoot({ pollMs: options.slaPollMs === undefined ? 1000 : options.slaPollMs }),
      ],
    };
  }
}
