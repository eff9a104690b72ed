import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { FEEDBACK_MIGRATIONS } from './database/migrations.js';
import { SurveysModule } from './surveys/index.js';

/** The feedback process: its database, Kafka, health and metrics. Its first context is surveys/. */
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
        SurveysModule,
      ],
    };
  }
}
