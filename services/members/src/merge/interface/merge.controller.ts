import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { mergeMembers, type OperationResponse } from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { LedgerErrorFilter } from '../../ledger/index.js';
import { MergeMembersUseCase } from '../application/merge-members.usecase.js';
import { MergeErrorFilter } from './merge-error.mapping.js';

/** Staff merge duplicate members. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new MergeErrorFilter(), new LedgerErrorFilter())
export class MergeController {
  constructor(private readonly merge: MergeMembersUseCase) {}

  @MessagePattern(mergeMembers.pattern)
  execute(
    @Payload() payload: { survivorId: string; mergedId: string; reason: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof mergeMembers>> {
    return this.merge.execute(ctx.envelope.actor, payload);
  }
}
