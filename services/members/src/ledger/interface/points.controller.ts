import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  adjustPoints,
  compensationGranted,
  getPointsBalance,
  listPointsLedger,
  listRewards,
  recordPurchase,
  recordReturn,
  redeemPoints,
  setParkingRate,
  tenantSettlement,
  type EventPayload,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { AdjustPointsUseCase } from '../application/commands/adjust-points.usecase.js';
import { CreditPointsWhenCompensationGranted } from '../application/commands/credit-points-when-compensation-granted.js';
import { RecordPurchaseUseCase } from '../application/commands/record-purchase.usecase.js';
import { RecordReturnUseCase } from '../application/commands/record-return.usecase.js';
import { RedeemPointsUseCase } from '../application/commands/redeem-points.usecase.js';
import { SetParkingRateUseCase } from '../application/commands/set-parking-rate.usecase.js';
import { GetPointsBalanceQuery } from '../application/queries/get-points-balance.query.js';
import { ListPointsLedgerQuery } from '../application/queries/list-points-ledger.query.js';
import { ListRewardsQuery } from '../application/queries/list-rewards.query.js';
import { TenantSettlementQuery } from '../application/queries/tenant-settlement.query.js';
import { LedgerErrorFilter } from './ledger-error.mapping.js';

/** Request-reply handlers of the points ledger, and its reaction to granted compensations. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new LedgerErrorFilter())
export class PointsController {
  constructor(
    private readonly recordPurchaseUseCase: RecordPurchaseUseCase,
    private readonly recordReturnUseCase: RecordReturnUseCase,
    private readonly redeemPointsUseCase: RedeemPointsUseCase,
    private readonly adjustPointsUseCase: AdjustPointsUseCase,
    private readonly setParkingRateUseCase: SetParkingRateUseCase,
    private readonly getPointsBalanceQuery: GetPointsBalanceQuery,
    private readonly listPointsLedgerQuery: ListPointsLedgerQuery,
    private readonly listRewardsQuery: ListRewardsQuery,
    private readonly tenantSettlementQuery: TenantSettlementQuery,
    private readonly creditCompensation: CreditPointsWhenCompensationGranted,
  ) {}

  @MessagePattern(recordPurchase.pattern)
  recordPurchase(
    @Payload() payload: OperationRequest<typeof recordPurchase>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof recordPurchase>> {
    return this.recordPurchaseUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(recordReturn.pattern)
  recordReturn(
    @Payload() payload: OperationRequest<typeof recordReturn>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof recordReturn>> {
    return this.recordReturnUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(redeemPoints.pattern)
  redeem(
    @Payload() payload: OperationRequest<typeof redeemPoints>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof redeemPoints>> {
    return this.redeemPointsUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(adjustPoints.pattern)
  adjust(
    @Payload() payload: OperationRequest<typeof adjustPoints>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof adjustPoints>> {
    return this.adjustPointsUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(setParkingRate.pattern)
  setParkingRate(
    @Payload() payload: OperationRequest<typeof setParkingRate>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof setParkingRate>> {
    return this.setParkingRateUseCase.execute(ctx.envelope.actor, payload.pointsPerHour);
  }

  @MessagePattern(getPointsBalance.pattern)
  balance(
    @Payload() payload: OperationRequest<typeof getPointsBalance>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof getPointsBalance>> {
    return this.getPointsBalanceQuery.execute(ctx.envelope.actor, payload.memberId);
  }

  @MessagePattern(listPointsLedger.pattern)
  ledger(
    @Payload() payload: OperationRequest<typeof listPointsLedger>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listPointsLedger>> {
    return this.listPointsLedgerQuery.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(listRewards.pattern)
  rewards(@Ctx() ctx: AtriumRpcContext): Promise<OperationResponse<typeof listRewards>> {
    return this.listRewardsQuery.execute(ctx.envelope.actor);
  }

  @MessagePattern(tenantSettlement.pattern)
  settlement(
    @Payload() payload: OperationRequest<typeof tenantSettlement>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof tenantSettlement>> {
    return this.tenantSettlementQuery.execute(ctx.envelope.actor, payload);
  }

  /** Runs inside the inbox transaction: the credit and the inbox row commit together. */
  @EventPattern<string>(compensationGranted.topic)
  async onCompensationGranted(
    @Payload() payload: EventPayload<typeof compensationGranted>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<void> {
    await this.creditCompensation.handle(payload, ctx.envelope.actor);
  }
}
