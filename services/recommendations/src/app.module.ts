import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { RECOMMENDATIONS_MIGRATIONS } from './database/migrations.js';
import { CatalogModule } from './catalog/index.js';

/** The recommendations process: its database, Kafka, health and metrics. Its first context is catalog/. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('recommendations', config),
          entities: [],
          migrations: RECOMMENDATIONS_MIGRATIONS,
        }),
        CatalogModule,
      ],
    };
  }
}
