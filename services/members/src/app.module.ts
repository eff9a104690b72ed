import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings, type ServiceConfig } from '@atrium/messaging';
import { MEMBERS_MIGRATIONS } from './database/migrations.js';
import { IdentityModule } from './identity/identity.module.js';
import { MergeModule } from './identity/merge.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { ProfileModule } from './profile/profile.module.js';
import { SegmentsModule } from './segments/segments.module.js';
import { TiersModule } from './tiers/tiers.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const ledger = LedgerModule.forRoot(config);
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('members', config),
          entities: [],
          migrations: MEMBERS_MIGRATIONS,
        }),
        IdentityModule,
        ledger,
        PrivacyModule,
        ProfileModule.forRoot(config),
        TiersModule.forRoot(config),
        SegmentsModule.forRoot(config),
        MergeModule.forRoot(ledger),
      ],
    };
  }
}
