import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { MEMBER_CODE_RANDOM } from '../identity/application/identity.tokens.js';
import { DeleteMemberAccountUseCase } from './application/commands/delete-member-account.usecase.js';
import { ExportMemberDataUseCase } from './application/commands/export-member-data.usecase.js';
import { UpdateConsentsUseCase } from './application/commands/update-consents.usecase.js';
import { MemberDataExportRegistry } from './application/member-data-export.js';
import { MemberTierSource } from './application/member-tier-source.js';
import { TierQueries } from '../tiers/application/tier-queries.js';
import { PartnerVisibility } from './application/partner-visibility.js';
import { PrivacyRepository } from './application/privacy.repository.js';
import { ListConsentsQuery } from './application/queries/list-consents.query.js';
import { ListDataAccessLogQuery } from './application/queries/list-data-access-log.query.js';
import { PartnerLookupQuery } from './application/queries/partner-lookup.query.js';
import { SqlPrivacyRepository } from './infrastructure/sql-privacy.repository.js';
import { PrivacyController } from './interface/privacy.controller.js';

const useCases = [
  ListConsentsQuery,
  UpdateConsentsUseCase,
  PartnerLookupQuery,
  ListDataAccessLogQuery,
  ExportMemberDataUseCase,
  DeleteMemberAccountUseCase,
];

/**
 * Consents, the partner view of a member, the partner access log, data export and account
 * deletion. Exports the extension points other contexts feed: PartnerVisibility (e.g. purchases
 * in a tenant's stores) and MemberDataExportRegistry (e.g. the ledger's section of the export).
 */
@Module({
  controllers: [PrivacyController],
  providers: [
    ...useCases,
    PartnerVisibility,
    MemberDataExportRegistry,
    { provide: PrivacyRepository, useClass: SqlPrivacyRepository },
    // The tiers context answers (TiersModule is global).
    {
      provide: MemberTierSource,
      useFactory: (tiers: TierQueries) => ({ tierCodeOf: (id: string) => tiers.tierCodeOf(id) }),
      inject: [TierQueries],
    },
    { provide: MEMBER_CODE_RANDOM, useValue: (size: number) => randomBytes(size) },
  ],
  exports: [PartnerVisibility, MemberDataExportRegistry],
})
export class PrivacyModule {}
