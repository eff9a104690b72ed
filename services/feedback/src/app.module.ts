import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { FEEDBACK_MIGRATIONS } from './database/migrations.js';

/** The feedback process: its database, Kafka, health and metrics. Its domain comes in a later issue. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('feedback', config),
          entities: [],
          migrations: FEEDBACK_MIGRATIONS,
        }),
      ],
    };
  }
}
