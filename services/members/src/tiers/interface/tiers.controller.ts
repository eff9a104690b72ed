import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  getMemberTier,
  listTierHistory,
  listTiers,
  purchaseRecorded,
  type EventPayload,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { TierEvaluator } from '../application/tier-evaluator.js';
import { TierQueries } from '../application/tier-queries.js';
import { TiersErrorFilter } from './tiers-error.mapping.js';

/** Tier queries, and the reaction that upgrades a member as soon as a purchase qualifies it. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new TiersErrorFilter())
export class TiersController {
  constructor(
    private readonly queries: TierQueries,
    private readonly evaluator: TierEvaluator,
  ) {}

  @MessagePattern(listTiers.pattern)
  ladder(): Promise<OperationResponse<typeof listTiers>> {
    return this.queries.ladder();
  }

  @MessagePattern(getMemberTier.pattern)
  memberTier(
    @Payload() payload: { memberId: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof getMemberTier>> {
    return this.queries.memberTier(ctx.envelope.actor, payload.memberId);
  }

  @MessagePattern(listTierHistory.pattern)
  async history(
    @Payload() payload: { memberId: string; first: number },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listTierHistory>> {
    return { items: await this.queries.history(ctx.envelope.actor, payload.memberId, payload.first) };
  }

  /** Runs in the consumer's transaction with its inbox row: a redelivered purchase is not evaluated twice. */
  @EventPattern<string>(purchaseRecorded.topic)
  async upgradeWhenPurchaseQualifies(
    @Payload() payload: EventPayload<typeof purchaseRecorded>,
  ): Promise<void> {
    await this.evaluator.evaluate(payload.memberId, 'activity');
  }
}
