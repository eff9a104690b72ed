import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { getMemberTier, listTierHistory, listTiers, type Actor } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { badInput, forbidden } from '@atrium/platform';
import { checkAccess } from '../auth/access.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { Member } from './dto/member.types.js';
import { MemberTier, TierChange, TierLadder } from './dto/tier.types.js';

function checkOwnOrStaff(actor: Actor, memberId: string): void {
  checkAccess(actor, { kinds: ['member', 'staff'] });
  if (actor.kind === 'member' && actor.id !== memberId)
    throw forbidden('a member can only reach its own data', 'NOT_OWN_MEMBER');
}

/** Tiers: the ladder, a member's tier with its privileges, and the history of changes. */
@Resolver(() => Member)
export class MemberTiersResolver {
  constructor(private readonly requests: RequestClient) {}

  @Query(() => TierLadder, { description: 'The tier ladder and the privileges of each tier.' })
  async tiers(@Context() context: GatewayContext): Promise<TierLadder> {
    return TierLadder.from(await this.requests.send(listTiers, {}, { context: context.systemContext() }));
  }

  @ResolveField(() => MemberTier, {
    description: 'Tier, privileges and progress (the member itself, or staff).',
  })
  async tier(@Parent() member: Member, @Context() context: GatewayContext): Promise<MemberTier> {
    const actor = await context.actor();
    checkOwnOrStaff(actor, member.id);
    return MemberTier.from(
      await this.requests.send(
        getMemberTier,
        { memberId: member.id },
        { context: context.contextFor(actor), key: member.id },
      ),
    );
  }

  @ResolveField(() => [TierChange], {
    description: 'Tier changes with reasons, newest first (the member itself, or staff).',
  })
  async tierHistory(
    @Parent() member: Member,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Context() context: GatewayContext,
  ): Promise<TierChange[]> {
    const actor = await context.actor();
    checkOwnOrStaff(actor, member.id);
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const { items } = await this.requests.send(
      listTierHistory,
      { memberId: member.id, first },
      { context: context.contextFor(actor), key: member.id },
    );
    return items.map((c) => ({ ...c, changedAt: new Date(c.changedAt) }));
  }
}
