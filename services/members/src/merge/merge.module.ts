import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MergeLog } from './application/merge-log.repository.js';
import { MergeMembersUseCase } from './application/merge-members.usecase.js';
import { SqlMergeLog } from './infrastructure/sql-merge-log.repository.js';
import { MergeController } from './interface/merge.controller.js';

/** The contexts whose merge ports the merge calls: the app's own module instances. */
export interface MergeParticipants {
  identity: DynamicModule | Type;
  profile: DynamicModule | Type;
  privacy: DynamicModule | Type;
  tiers: DynamicModule | Type;
  segments: DynamicModule | Type;
  ledger: DynamicModule | Type;
}

/**
 * Merging duplicate members: an orchestration over the contexts' public merge ports (each
 * context keeps its merge SQL in its own infrastructure), in one transaction. Owns only the
 * record of merges (member_merges).
 */
@Module({})
export class MergeModule {
  static forRoot(participants: MergeParticipants): DynamicModule {
    return {
      module: MergeModule,
      imports: Object.values(participants),
      controllers: [MergeController],
      providers: [MergeMembersUseCase, { provide: MergeLog, useClass: SqlMergeLog }],
    };
  }
}
