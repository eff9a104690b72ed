import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MemberTiers } from '../tiers/index.js';
import { DeleteMemberAccountUseCase } from './application/commands/delete-member-account.usecase.js';
import { ExportMemberDataUseCase } from './application/commands/export-member-data.usecase.js';
import { UpdateConsentsUseCase } from './application/commands/update-consents.usecase.js';
import { MemberDataExportRegistry, MemberDataExportSections } from './application/member-data-export.js';
import { MemberTierSource } from './application/member-tier-source.js';
import { PartnerVisibility, PartnerVisibilityRegistry } from './application/partner-visibility.js';
import { PrivacyMergeParticipant } from './application/privacy-merge.participant.js';
import { PrivacyRepository } from './application/privacy.repository.js';
import { ListConsentsQuery } from './application/queries/list-consents.query.js';
import { ListDataAccessLogQuery } from './application/queries/list-data-access-log.query.js';
import { PartnerLookupQuery } from './application/queries/partner-lookup.query.js';
import { SqlPrivacyMergeParticipant } from './infrastructure/sql-privacy-merge.participant.js';
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

/** What the privacy context uses of other contexts, through their public ports. */
export interface PrivacyDependencies {
  /** MemberCodes: a deleted account gets a fresh member code. */
  identity: DynamicModule | Type;
  /** MemberTiers: the tier code a partner sees. */
  tiers: DynamicModule | Type;
}

/**
 * Consents, the partner view of a member, the partner access log, data export and account
 * deletion. Exports the extension points other contexts feed: PartnerVisibility (e.g. purchases
 * in a tenant's stores) and MemberDataExportRegistry (e.g. the ledger's section of the export),
 * and its part of a merge (PrivacyMergeParticipant).
 */
@Module({})
export class PrivacyModule {
  static forRoot(uses: PrivacyDependencies): DynamicModule {
    return {
      module: PrivacyModule,
      imports: [uses.identity, uses.tiers],
      controllers: [PrivacyController],
      providers: [
        ...useCases,
        { provide: PartnerVisibility, useClass: PartnerVisibilityRegistry },
        { provide: MemberDataExportRegistry, useClass: MemberDataExportSections },
        { provide: PrivacyRepository, useClass: SqlPrivacyRepository },
        { provide: PrivacyMergeParticipant, useClass: SqlPrivacyMergeParticipant },
        {
          provide: MemberTierSource,
          useFactory: (tiers: MemberTiers): MemberTierSource => ({
            tierCodeOf: (id) => tiers.tierCodeOf(id),
          }),
          inject: [MemberTiers],
        },
      ],
      exports: [PartnerVisibility, MemberDataExportRegistry, PrivacyMergeParticipant],
    };
  }
}
