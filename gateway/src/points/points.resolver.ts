import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  adjustPoints,
  getPointsBalance,
  listPointsLedger,
  listRewards,
  recordPurchase,
  recordReturn,
  redeemPoints,
  setParkingRate,
  tenantSettlement,
  uuidSchema,
  type Actor,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { atLeast } from '@atrium/kernel';
import { RequestClient } from '@atrium/messaging';
import { badInput, forbidden } from '@atrium/platform';
import { Access, checkAccess, CurrentActor } from '../auth/access.js';
import { checkedRequest } from '../graphql/checked-request.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { PageInfo } from '../graphql/page-info.js';
import { Member } from '../members/dto/member.types.js';
import {
  AdjustPointsInput,
  PointsAdjustment,
  PointsLedgerConnection,
  PointsLedgerEntry,
  PointsSummary,
  PurchaseReceipt,
  RecordPurchaseInput,
  RecordReturnInput,
  RedeemPointsInput,
  Redemption,
  ReturnReceipt,
  Reward,
  TenantSettlement,
} from './dto/points.types.js';
import { StoreDirectory, type DirectoryStore } from './store-directory.js';

const MANAGERS = atLeast('MANAGER');

/** A member reads only its own points; staff read any member's. */
function checkOwnOrStaff(actor: Actor, memberId: string): void {
  checkAccess(actor, { kinds: ['member', 'staff'] });
  if (actor.kind === 'member' && actor.id !== memberId)
    throw forbidden('a member can only read its own points', 'NOT_OWN_MEMBER');
}

/** A partner acts only for stores of its own tenant, and records purchases only with purchases:write. */
function checkPartnerStore(actor: Actor, store: DirectoryStore): string {
  if (!actor.scopes.includes('purchases:write'))
    throw forbidden('this API key lacks the scope purchases:write', 'MISSING_SCOPE');
  if (!store.tenantId || store.tenantId !== actor.tenantId)
    throw forbidden(
      'a partner can only record purchases and returns of its own stores',
      'POINTS_OTHER_TENANT',
    );
  return store.tenantId;
}

/** Points: the member's balance on `Member.points`, the ledger, rewards, redemptions, purchases and settlements. */
@Resolver(() => Member)
export class PointsResolver {
  constructor(
    private readonly requests: RequestClient,
    private readonly stores: StoreDirectory,
  ) {}

  private send<O extends OperationContract>(
    op: O,
    request: OperationRequest<O>,
    actor: Actor,
    context: GatewayContext,
    key?: string,
  ): Promise<OperationResponse<O>> {
    return this.requests.send(op, request, { context: context.contextFor(actor), ...(key ? { key } : {}) });
  }

  @ResolveField(() => PointsSummary, { description: 'The member’s points (the member itself, or staff).' })
  async points(@Parent() member: Member, @Context() context: GatewayContext): Promise<PointsSummary> {
    const actor = await context.actor();
    checkOwnOrStaff(actor, member.id);
    const summary = await this.send(getPointsBalance, { memberId: member.id }, actor, context, member.id);
    return {
      ...summary,
      expiringSoon: summary.expiringSoon.map((e) => ({ points: e.points, on: new Date(e.on) })),
    };
  }

  @Query(() => PointsLedgerConnection, {
    description: 'A member’s points ledger, newest first (the member itself, or staff).',
  })
  @Access({ kinds: ['member', 'staff'] })
  async pointsLedger(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page.' })
    after: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<PointsLedgerConnection> {
    if (!uuidSchema.safeParse(memberId).success) throw badInput('memberId', 'must be a member id (uuid)');
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    checkOwnOrStaff(actor, memberId);
    const page = await this.send(
      listPointsLedger,
      checkedRequest(listPointsLedger, { memberId, first, after: after ?? null }, undefined),
      actor,
      context,
      memberId,
    );
    return {
      edges: page.entries.map((e) => ({ cursor: e.id, node: PointsLedgerEntry.from(e) })),
      pageInfo: PageInfo.forward(
        page.entries.map((e) => e.id),
        page.hasNextPage,
      ),
      totalCount: page.totalCount,
    };
  }

  @Query(() => [Reward], { description: 'The rewards catalog; parking shows the current points per hour.' })
  @Access({ kinds: ['member', 'staff', 'partner'] })
  async rewards(@CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<Reward[]> {
    return (await this.send(listRewards, {}, actor, context)).rewards;
  }

  @Query(() => TenantSettlement, {
    description:
      'Points issued, redeemed, expired and reversed for a tenant’s stores in a month (staff; a partner only its own tenant).',
  })
  @Access({ kinds: ['staff', 'partner'] })
  async tenantSettlement(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('month', { type: () => String, description: 'YYYY-MM, in the mall’s time zone.' }) month: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TenantSettlement> {
    if (actor.kind === 'partner' && actor.tenantId !== tenantId)
      throw forbidden('a partner can only read its own tenant’s settlement', 'POINTS_OTHER_TENANT');
    return this.send(
      tenantSettlement,
      checkedRequest(tenantSettlement, { tenantId, month }, undefined),
      actor,
      context,
      tenantId,
    );
  }

  @Mutation(() => PurchaseReceipt, {
    description:
      'Credits a purchase from a partner POS (API key with purchases:write, own stores only). The same order again returns the first result.',
  })
  @Access({ kinds: ['partner'] })
  async recordPurchase(
    @Args('input', { type: () => RecordPurchaseInput }) input: RecordPurchaseInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<PurchaseReceipt> {
    const store = await this.storeOf(input.storeId);
    const tenantId = checkPartnerStore(actor, store);
    const request = checkedRequest(
      recordPurchase,
      {
        tenantId,
        storeId: store.id,
        storeCategory: store.category,
        orderId: input.orderId,
        ...(input.memberId ? { memberId: input.memberId } : {}),
        ...(input.memberCode ? { memberCode: input.memberCode } : {}),
        amountFen: input.amountFen,
        ...(input.lines
          ? { lines: input.lines.map((l) => ({ category: l.category, amountFen: l.amountFen })) }
          : {}),
        ...(input.purchasedAt ? { purchasedAt: new Date(input.purchasedAt).toISOString() } : {}),
      },
      'input',
    );
    const receipt = await this.send(recordPurchase, request, actor, context, `${tenantId}/${input.orderId}`);
    return { ...receipt, releaseAt: receipt.releaseAt ? new Date(receipt.releaseAt) : null };
  }

  @Mutation(() => ReturnReceipt, {
    description:
      'Takes back the returned share of a purchase’s points (partner POS, own stores only); once per return id.',
  })
  @Access({ kinds: ['partner'] })
  async recordReturn(
    @Args('input', { type: () => RecordReturnInput }) input: RecordReturnInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<ReturnReceipt> {
    const tenantId = checkPartnerStore(actor, await this.storeOf(input.storeId));
    const request = checkedRequest(
      recordReturn,
      { tenantId, orderId: input.orderId, returnId: input.returnId, amountFen: input.amountFen },
      'input',
    );
    return this.send(recordReturn, request, actor, context, `${tenantId}/${input.orderId}`);
  }

  @Mutation(() => Redemption, { description: 'The logged-in member spends points on a reward.' })
  @Access({ kinds: ['member'] })
  async redeemPoints(
    @Args('input', { type: () => RedeemPointsInput }) input: RedeemPointsInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Redemption> {
    const request = checkedRequest(
      redeemPoints,
      {
        memberId: actor.id,
        rewardCode: input.rewardCode,
        quantity: input.quantity,
        idempotencyKey: input.idempotencyKey,
      },
      'input',
    );
    const result = await this.send(redeemPoints, request, actor, context, actor.id);
    return { ...result, redeemedAt: new Date(result.redeemedAt) };
  }

  @Mutation(() => PointsAdjustment, {
    description: 'Staff (MANAGER and above) credit or deduct points with a reason.',
  })
  @Access({ kinds: ['staff'], staffRoles: MANAGERS })
  async adjustPoints(
    @Args('input', { type: () => AdjustPointsInput }) input: AdjustPointsInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<PointsAdjustment> {
    const request = checkedRequest(
      adjustPoints,
      { memberId: input.memberId, points: input.points, reason: input.reason },
      'input',
    );
    return this.send(adjustPoints, request, actor, context, input.memberId);
  }

  @Mutation(() => Int, {
    description: 'Staff (MANAGER and above) set how many points one hour of parking costs.',
  })
  @Access({ kinds: ['staff'], staffRoles: MANAGERS })
  async setParkingRate(
    @Args('pointsPerHour', { type: () => Int }) pointsPerHour: number,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<number> {
    return (
      await this.send(
        setParkingRate,
        checkedRequest(setParkingRate, { pointsPerHour }, undefined),
        actor,
        context,
      )
    ).pointsPerHour;
  }

  private async storeOf(storeId: string): Promise<DirectoryStore> {
    const store = await this.stores.find(storeId);
    if (!store) throw badInput('input.storeId', 'is not a store of the mall directory');
    return store;
  }
}
