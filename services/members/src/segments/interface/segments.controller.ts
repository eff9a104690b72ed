import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  getMemberSegments,
  memberRegistered,
  profileUpdated,
  tierChanged,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { SegmentsService } from '../application/segments.service.js';
import { SegmentsErrorFilter } from './segments-error.mapping.js';

/**
 * A member's segments; and the reactions that recompute them when their inputs change
 * (registration, profile, tier). Event handlers run in the consumer's transaction with its inbox row.
 */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new SegmentsErrorFilter())
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @MessagePattern(getMemberSegments.pattern)
  view(
    @Payload() payload: { memberId: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof getMemberSegments>> {
    return this.segments.view(ctx.envelope.actor, payload.memberId);
  }

  @EventPattern<string>(memberRegistered.topic)
  async recomputeWhenMemberRegistered(@Payload() payload: { memberId: string }): Promise<void> {
    await this.segments.recompute(payload.memberId);
  }

  @EventPattern<string>(profileUpdated.topic)
  async recomputeWhenProfileUpdated(@Payload() payload: { memberId: string }): Promise<void> {
    await this.segments.recompute(payload.memberId);
  }

  @EventPattern<string>(tierChanged.topic)
  async recomputeWhenTierChanged(@Payload() payload: { memberId: string }): Promise<void> {
    await this.segments.recompute(payload.memberId);
  }
}
