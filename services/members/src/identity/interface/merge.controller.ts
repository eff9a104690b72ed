import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { mergeMembers, type OperationResponse } from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { MergeMembersUseCase } from '../application/commands/merge-members.usecase.js';
import { LedgerErrorFilter } from '../../ledger/interface/ledger-error.mapping.js';
import { IdentityErrorFilter } from './identity-error.mapping.js';

/** Staff merge duplicate members. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new IdentityErrorFilter(), new LedgerErrorFilter())
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
