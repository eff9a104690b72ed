import { Module, type DynamicModule } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { TransferPointsOnMerge } from '../ledger/application/commands/transfer-points-on-merge.usecase.js';
import {
  MemberPointsTransfer,
  MergeMembersUseCase,
  MergeRepository,
} from './application/commands/merge-members.usecase.js';
import { IdentityModule } from './identity.module.js';
import { SqlMergeRepository } from './infrastructure/sql-merge.repository.js';
import { MergeController } from './interface/merge.controller.js';

/**
 * Merging duplicates. Points move through the ledger's exported TransferPointsOnMerge (lots with
 * their expiry, pending points, debt and purchases) inside the merge's transaction. Tiers and
 * segments are re-evaluated through their (global) modules.
 */
@Module({})
export class MergeModule {
  /** `ledger` is the app's own LedgerModule.forRoot(...) (one instance of the ledger). */
  static forRoot(ledger: DynamicModule): DynamicModule {
    return {
      module: MergeModule,
      imports: [IdentityModule, ledger],
      controllers: [MergeController],
      providers: [
        MergeMembersUseCase,
        { provide: MergeRepository, useClass: SqlMergeRepository },
        {
          provide: MemberPointsTransfer,
          useFactory: (ledger: TransferPointsOnMerge): MemberPointsTransfer => ({
            transfer: async (from: string, to: string, actor: Actor) =>
              (await ledger.execute(from, to, actor)).moved,
          }),
          inject: [TransferPointsOnMerge],
        },
      ],
    };
  }
}
