import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { getMemberSegments, type Actor, type OperationResponse } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { forbidden } from '@atrium/platform';
import { checkAccess } from '../auth/access.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { Member } from './dto/member.types.js';
import { LifecycleStageEnum, Segment } from './dto/segment.types.js';

type SegmentsView = OperationResponse<typeof getMemberSegments>;

/** Segments and lifecycle read during one request, so both fields ask the service once. */
const byRequest = new WeakMap<GatewayContext, Map<string, Promise<SegmentsView>>>();

/** Segments and lifecycle stage of a member (the member itself, or staff). */
@Resolver(() => Member)
export class MemberSegmentsResolver {
  constructor(private readonly requests: RequestClient) {}

  @ResolveField(() => [Segment], {
    description: 'Segments the member belongs to (the member itself, or staff).',
  })
  async segments(@Parent() member: Member, @Context() context: GatewayContext): Promise<Segment[]> {
    return (await this.load(member.id, context)).segments.map((s) => ({ ...s, since: new Date(s.since) }));
  }

  @ResolveField(() => LifecycleStageEnum, {
    description: 'NEW, ACTIVE, AT_RISK or LAPSED (the member itself, or staff).',
  })
  async lifecycleStage(@Parent() member: Member, @Context() context: GatewayContext): Promise<string> {
    return (await this.load(member.id, context)).lifecycleStage;
  }

  private async load(memberId: string, context: GatewayContext): Promise<SegmentsView> {
    const actor: Actor = await context.actor();
    checkAccess(actor, { kinds: ['member', 'staff'] });
    if (actor.kind === 'member' && actor.id !== memberId)
      throw forbidden('a member can only reach its own data', 'NOT_OWN_MEMBER');
    let cache = byRequest.get(context);
    if (!cache) byRequest.set(context, (cache = new Map()));
    let pending = cache.get(memberId);
    if (!pending) {
      pending = this.requests.send(
        getMemberSegments,
        { memberId },
        { context: context.contextFor(actor), key: memberId },
      );
      cache.set(memberId, pending);
    }
    return pending;
  }
}
