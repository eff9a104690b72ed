import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  getMember,
  listInbox,
  registerMember,
  uuidSchema,
  type Actor,
  type OperationRequest,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { badInput, forbidden, fromZodError } from '@atrium/platform';
import { Access, checkAccess, CurrentActor } from '../auth/access.js';
import { canonicalPhone } from '../auth/crypto/phone.js';
import { sha256Hex } from '../auth/crypto/secrets.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { Inbox, InboxMessage, Member, RegisterMemberInput } from './dto/member.types.js';

/** A member reads only itself; staff read any member. */
function checkMemberAccess(actor: Actor, memberId: string): void {
  checkAccess(actor, { kinds: ['member', 'staff'] });
  if (actor.kind === 'member' && actor.id !== memberId)
    throw forbidden('a member can only read its own data', 'NOT_OWN_MEMBER');
}

@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly requests: RequestClient) {}

  @Mutation(() => Member, {
    description: 'Registers a member. A phone that is already registered is a CONFLICT.',
  })
  async registerMember(
    @Args('input', { type: () => RegisterMemberInput }) input: RegisterMemberInput,
    @Context() context: GatewayContext,
  ): Promise<Member> {
    const actor = await context.actor();
    const request = {
      phone: input.phone,
      displayName: input.displayName,
      channel: input.channel,
      ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
      consents: (input.consents ?? []).map((c) => ({
        purpose: c.purpose,
        channel: c.channel ?? null,
        tenantId: c.tenantId ?? null,
        granted: c.granted,
      })),
    } as OperationRequest<typeof registerMember>;
    const checked = registerMember.request.safeParse(request);
    if (!checked.success) throw fromZodError(checked.error, 'input');
    const view = await this.requests.send(registerMember, request, {
      context: context.contextFor(actor),
      key: sha256Hex(canonicalPhone(checked.data.phone)),
    });
    return Member.from(view);
  }

  @Query(() => Member, { description: 'The logged-in member.' })
  @Access({ kinds: ['member'] })
  async me(@CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<Member> {
    return this.load(actor.id, actor, context);
  }

  @Query(() => Member, { description: 'One member (staff; a member may read only itself).' })
  @Access({ kinds: ['staff', 'member'] })
  async member(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Member> {
    if (!uuidSchema.safeParse(id).success) throw badInput('id', 'must be a member id (uuid)');
    checkMemberAccess(actor, id);
    return this.load(id, actor, context);
  }

  @ResolveField(() => Inbox, { description: 'The in-app inbox, newest first (the member itself, or staff).' })
  async inbox(
    @Parent() member: Member,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'How many messages, 1 to 100.' })
    first: number,
    @Context() context: GatewayContext,
  ): Promise<Inbox> {
    const actor = await context.actor();
    checkMemberAccess(actor, member.id);
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const page = await this.requests.send(
      listInbox,
      { memberId: member.id, first },
      { context: context.contextFor(actor), key: member.id },
    );
    return { unread: page.unread, items: page.items.map((item) => InboxMessage.from(item)) };
  }

  private async load(memberId: string, actor: Actor, context: GatewayContext): Promise<Member> {
    const view = await this.requests.send(
      getMember,
      { memberId },
      { context: context.contextFor(actor), key: memberId },
    );
    return Member.from(view);
  }
}
