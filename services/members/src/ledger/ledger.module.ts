import { Module, type DynamicModule } from '@nestjs/common';
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
import { TierQueries } from '../tiers/application/tier-queries.js';
import { SqlLedgerRepository } from './infrastructure/sql-ledger.repository.js';
import { SqlLedgerMemberData } from './infrastructure/sql-ledger-member-data.js';
import { LedgerMemberData } from './application/ledger-member-data.js';
import { LedgerPrivacyRegistration } from './interface/ledger-privacy.registration.js';
import { PrivacyModule } from '../privacy/privacy.module.js';
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

/** The points ledger: purchases, returns, redemptions, adjustments, compensations, expiry. */
@Module({})
export class LedgerModule {
  static forRoot(config: Pick<ServiceConfig, 'MALL_TIME_ZONE'>): DynamicModule {
    return {
      module: LedgerModule,
      // Partner visibility through purchases and the ledger's export section plug into privacy's ports.
      imports: [PrivacyModule],
      controllers: [PointsController],
      providers: [
        ...useCases,
        ...jobs,
        { provide: LedgerRepository, useClass: SqlLedgerRepository },
        { provide: LedgerMemberData, useClass: SqlLedgerMemberData },
        // Days (per-day caps), months (settlements) and expiry dates are the mall's, in its zone.
        { provide: LEDGER_TIME_ZONE, useValue: config.MALL_TIME_ZONE },
        LedgerPrivacyRegistration,
        // Multipliers follow the member's current tier as the tiers context keeps it (TiersModule is global).
        {
          provide: TierLookup,
          useFactory: (tiers: TierQueries): TierLookup => ({
            tierOf: (memberId) => tiers.tierCodeOf(memberId),
          }),
          inject: [TierQueries],
        },
      ],
      // The merge use case (profile/identity) moves points through TransferPointsOnMerge.
      exports: [LedgerRepository, TierLookup, TransferPointsOnMerge],
    };
  }
}
