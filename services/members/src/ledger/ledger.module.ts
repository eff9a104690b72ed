import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { ServiceConfig } from '@atrium/messaging';
import { AdjustPointsUseCase } from './application/commands/adjust-points.usecase.js';
import { CreditPointsWhenCompensationGranted } from './application/commands/credit-points-when-compensation-granted.js';
import { RecordPurchaseUseCase } from './application/commands/record-purchase.usecase.js';
import { RecordReturnUseCase } from './application/commands/record-return.usecase.js';
import { RedeemPointsUseCase } from './application/commands/redeem-points.usecase.js';
import { SetParkingRateUseCase } from './application/commands/set-parking-rate.usecase.js';
import { TransferPointsOnMerge } from './application/commands/transfer-points-on-merge.usecase.js';
import { ExpirePointsJob } from './application/jobs/expire-points.job.js';
import { ReleasePendingPointsJob } from './application/jobs/release-pending-points.job.js';
import { LEDGER_TIME_ZONE, LedgerRepository } from './application/ledger.repository.js';
import { GetPointsBalanceQuery } from './application/queries/get-points-balance.query.js';
import { ListPointsLedgerQuery } from './application/queries/list-points-ledger.query.js';
import { ListRewardsQuery } from './application/queries/list-rewards.query.js';
import { TenantSettlementQuery } from './application/queries/tenant-settlement.query.js';
import { TierLookup } from './application/tier-lookup.js';
import { LedgerMergeParticipant } from './application/ledger-merge.participant.js';
import { MemberTiers } from '../tiers/index.js';
import { SqlLedgerRepository } from './infrastructure/sql-ledger.repository.js';
import { SqlLedgerMemberData } from './infrastructure/sql-ledger-member-data.js';
import { LedgerMemberData } from './application/ledger-member-data.js';
import { LedgerPrivacyRegistration } from './interface/ledger-privacy.registration.js';
import { LedgerJobsScheduler } from './interface/ledger-jobs.scheduler.js';
import { PointsController } from './interface/points.controller.js';

const useCases = [
  RecordPurchaseUseCase,
  RecordReturnUseCase,
  RedeemPointsUseCase,
  AdjustPointsUseCase,
  SetParkingRateUseCase,
  CreditPointsWhenCompensationGranted,
  TransferPointsOnMerge,
  GetPointsBalanceQuery,
  ListPointsLedgerQuery,
  ListRewardsQuery,
  TenantSettlementQuery,
];
const jobs = [ReleasePendingPointsJob, ExpirePointsJob, LedgerJobsScheduler];

/** What the ledger uses of other contexts, through their public ports. */
export interface LedgerDependencies {
  /** MemberTiers: earning multipliers follow the member's tier. */
  tiers: DynamicModule | Type;
  /** PartnerVisibility and MemberDataExportRegistry, which the ledger feeds. */
  privacy: DynamicModule | Type;
}

/** The points ledger: purchases, returns, redemptions, adjustments, compensations, expiry. */
@Module({})
export class LedgerModule {
  static forRoot(config: Pick<ServiceConfig, 'MALL_TIME_ZONE'>, uses: LedgerDependencies): DynamicModule {
    return {
      module: LedgerModule,
      // Partner visibility through purchases and the ledger's export section plug into privacy's ports.
      imports: [uses.privacy, uses.tiers],
      controllers: [PointsController],
      providers: [
        ...useCases,
        ...jobs,
        { provide: LedgerRepository, useClass: SqlLedgerRepository },
        { provide: LedgerMemberData, useClass: SqlLedgerMemberData },
        // Days (per-day caps), months (settlements) and expiry dates are the mall's, in its zone.
        { provide: LEDGER_TIME_ZONE, useValue: config.MALL_TIME_ZONE },
        LedgerPrivacyRegistration,
        // Multipliers follow the member's current tier as the tiers context keeps it.
        {
          provide: TierLookup,
          useFactory: (tiers: MemberTiers): TierLookup => ({
            tierOf: (memberId) => tiers.tierCodeOf(memberId),
          }),
          inject: [MemberTiers],
        },
        // The ledger's part of a merge: TransferPointsOnMerge, inside the merge's transaction.
        {
          provide: LedgerMergeParticipant,
          useFactory: (transfer: TransferPointsOnMerge): LedgerMergeParticipant => ({
            moveMemberData: async (fromId, toId, { actor }) =>
              (await transfer.execute(fromId, toId, actor)).moved,
          }),
          inject: [TransferPointsOnMerge],
        },
      ],
      exports: [LedgerMergeParticipant],
    };
  }
}
