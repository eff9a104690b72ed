import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings } from '@atrium/messaging';
import { MEMBERS_MIGRATIONS } from './database/migrations.js';
import { IdentityModule } from './identity/index.js';
import { LedgerModule } from './ledger/index.js';
import { membersSettingsOf, type MembersAppConfig } from './members.config.js';
import { MergeModule } from './merge/index.js';
import { PrivacyModule } from './privacy/index.js';
import { ProfileModule } from './profile/index.js';
import { SegmentsModule } from './segments/index.js';
import { TiersModule } from './tiers/index.js';

/**
 * The members service's composition root. Each context's module is built once here and handed
 * to the contexts that use its public ports, so every context is one instance and no module
 * needs to be global. `serviceConfig` is the members config (members.config.ts, loaded once in
 * main.ts); a config with only the service variables (tests) runs with the members defaults.
 */
@Module({})
export class AppModule {
  static forRoot(serviceConfig: MembersAppConfig): DynamicModule {
    const config = { ...serviceConfig, ...membersSettingsOf(serviceConfig) };
    const identity = IdentityModule.forRoot({ identifierPriority: config.MEMBER_IDENTIFIER_PRIORITY });
    const profile = ProfileModule.forRoot(config);
    const tiers = TiersModule.forRoot(config);
    const segments = SegmentsModule.forRoot(config, { tiers });
    const privacy = PrivacyModule.forRoot({ identity, tiers });
    const ledger = LedgerModule.forRoot(config, { tiers, privacy });
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('members', config),
          entities: [],
          migrations: MEMBERS_MIGRATIONS,
        }),
        identity,
        ledger,
        privacy,
        profile,
        tiers,
        segments,
        MergeModule.forRoot({ identity, profile, privacy, tiers, segments, ledger }),
      ],
    };
  }
}
