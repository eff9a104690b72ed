import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { TICKETS_MIGRATIONS } from './database/migrations.js';

/** The tickets process: its database, Kafka, health and metrics. Its domain comes in a later issue. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('tickets', config),
          entities: [],
          migrations: TICKETS_MIGRATIONS,
        }),
      ],
    };
  }
}
