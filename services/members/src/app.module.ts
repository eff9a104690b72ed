import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { MEMBERS_MIGRATIONS } from './database/migrations.js';
import { IdentityModule } from './identity/identity.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('members', config),
          entities: [],
          migrations: MEMBERS_MIGRATIONS,
        }),
        IdentityModule,
      ],
    };
  }
}
