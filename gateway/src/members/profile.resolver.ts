import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  getMemberProfile,
  linkIdentity,
  listIdentities,
  searchMembers,
  signInMiniProgram,
  updateMemberProfile,
  uuidSchema,
  type Actor,
  type MemberProfileView,
  type OperationRequest,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { badInput, forbidden, fromZodError } from '@atrium/platform';
import { Access, checkAccess, CurrentActor } from '../auth/access.js';
import { SessionService } from '../auth/sessions/session.service.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { PageInfo } from '../graphql/page-info.js';
import { Member } from './dto/member.types.js';
import {
  ChannelIdentity,
  LinkableIdentityKindEnum,
  MemberConnection,
  MemberFilter,
  MemberProfile,
  MiniProgramLogin,
  UpdateProfileInput,
} from './dto/profile.types.js';
import { WeChatSessionClient } from './wechat/wechat-session.client.js';

function checkOwnOrStaff(actor: Actor, memberId: string): void {
  checkAccess(actor, { kinds: ['member', 'staff'] });
  if (actor.kind === 'member' && actor.id !== memberId)
    throw forbidden('a member can only reach its own data', 'NOT_OWN_MEMBER');
}

function memberIdArg(id: string, field: string): string {
  if (!uuidSchema.safeParse(id).success) throw badInput(field, 'must be a member id (uuid)');
  return id;
}

/** Profile fields as the contract takes them: omitted stays omitted; null only clears gender and birthday. */
function profileChanges(input: UpdateProfileInput): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null && key !== 'gender' && key !== 'birthday') continue;
    changes[key] = value;
  }
  return changes;
}

/** Profiles read during one GraphQL request, so `profile` and `birthday` ask the service once. */
const profilesByRequest = new WeakMap<GatewayContext, Map<string, Promise<MemberProfileView>>>();

/** Profile, channel identities, mini-program login and the staff member search. */
@Resolver(() => Member)
export class MemberProfileResolver {
  constructor(
    private readonly requests: RequestClient,
    private readonly wechat: WeChatSessionClient,
    private readonly sessions: SessionService,
  ) {}

  @ResolveField(() => MemberProfile, { description: 'Profile fields (the member itself, or staff).' })
  async profile(@Parent() member: Member, @Context() context: GatewayContext): Promise<MemberProfile> {
    return MemberProfile.from(await this.loadProfile(member.id, context));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Birthday, YYYY-MM-DD (the member itself, or staff).',
  })
  async birthday(@Parent() member: Member, @Context() context: GatewayContext): Promise<string | null> {
    return (await this.loadProfile(member.id, context)).birthday;
  }

  @ResolveField(() => [ChannelIdentity], {
    description: 'Channel identities, masked (the member itself, or staff).',
  })
  async identities(@Parent() member: Member, @Context() context: GatewayContext): Promise<ChannelIdentity[]> {
    const actor = await context.actor();
    checkOwnOrStaff(actor, member.id);
    const { items } = await this.requests.send(
      listIdentities,
      { memberId: member.id },
      { context: context.contextFor(actor), key: member.id },
    );
    return items.map(ChannelIdentity.from);
  }

  @Mutation(() => MemberProfile, { description: 'Changes the logged-in member’s profile.' })
  @Access({ kinds: ['member'] })
  updateMyProfile(
    @Args('input', { type: () => UpdateProfileInput }) input: UpdateProfileInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<MemberProfile> {
    return this.update(actor.id, input, actor, context);
  }

  @Mutation(() => MemberProfile, { description: 'Staff change a member’s profile, including staff tags.' })
  @Access({ kinds: ['staff'] })
  updateMemberProfile(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('input', { type: () => UpdateProfileInput }) input: UpdateProfileInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<MemberProfile> {
    return this.update(memberIdArg(memberId, 'memberId'), input, actor, context);
  }

  @Mutation(() => [ChannelIdentity], {
    description:
      'Links a card or app account: a member to itself (memberId omitted), staff to the member named. A value another member holds is a CONFLICT.',
  })
  @Access({ kinds: ['member', 'staff'] })
  async linkChannelIdentity(
    @Args('kind', { type: () => LinkableIdentityKindEnum }) kind: string,
    @Args('value', { type: () => String }) value: string,
    @Args('memberId', { type: () => ID, nullable: true, description: 'Staff: the member; members omit it.' })
    memberId: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<ChannelIdentity[]> {
    let target: string;
    if (actor.kind === 'member') {
      if (memberId && memberId !== actor.id)
        throw forbidden('a member can only link identities to itself', 'NOT_OWN_MEMBER');
      target = actor.id;
    } else {
      if (!memberId) throw badInput('memberId', 'staff must name the member');
      target = memberIdArg(memberId, 'memberId');
    }
    const request = { memberId: target, kind, value } as OperationRequest<typeof linkIdentity>;
    const parsed = linkIdentity.request.safeParse(request);
    if (!parsed.success) throw fromZodError(parsed.error);
    const result = await this.requests.send(linkIdentity, request, {
      context: context.contextFor(actor),
      key: target,
    });
    return result.items.map(ChannelIdentity.from);
  }

  @Query(() => MemberConnection, {
    description: 'Staff search by phone, member code, card, name, tier or segment; oldest first.',
  })
  @Access({ kinds: ['staff'] })
  async members(
    @Args('filter', { type: () => MemberFilter, nullable: true }) filter: MemberFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<MemberConnection> {
    const request = {
      filter: {
        phone: filter?.phone ?? null,
        memberCode: filter?.memberCode ?? null,
        card: filter?.card ?? null,
        name: filter?.name ?? null,
        registeredChannel: null,
        tier: filter?.tier ?? null,
        segment: filter?.segment ?? null,
      },
      first,
      after: after ?? null,
    };
    const parsed = searchMembers.request.safeParse(request);
    if (!parsed.success) throw fromZodError(parsed.error);
    const page = await this.requests.send(searchMembers, request, { context: context.contextFor(actor) });
    return {
      edges: page.items.map((item) => ({ cursor: item.cursor, node: Member.from(item.member) })),
      pageInfo: PageInfo.forward(
        page.items.map((item) => item.cursor),
        page.hasNextPage,
      ),
    };
  }

  @Mutation(() => MiniProgramLogin, {
    description:
      'Logs in from the WeChat mini-program with the code of wx.login(): the member holding the WeChat id is found; otherwise the id is bound to the member already logged in on this request (Authorization header), otherwise a member is created.',
  })
  async loginWithMiniProgram(
    @Args('code', { type: () => String }) code: string,
    @Context() context: GatewayContext,
  ): Promise<MiniProgramLogin> {
    const caller = await context.actor();
    if (caller.kind !== 'anonymous' && caller.kind !== 'member')
      throw forbidden('mini-program login is for shoppers', 'WRONG_ACTOR_KIND');
    const wechat = await this.wechat.exchange(code);
    const signedIn = await this.requests.send(
      signInMiniProgram,
      {
        openid: wechat.openid,
        unionid: wechat.unionid,
        signedInMemberId: caller.kind === 'member' ? caller.id : null,
      },
      { context: context.systemContext(), key: wechat.unionid ?? wechat.openid },
    );
    const session = await this.sessions.start({
      kind: 'member',
      id: signedIn.memberId,
      tenantId: null,
      roles: [],
      scopes: [],
    });
    return { session, memberId: signedIn.memberId, outcome: signedIn.outcome };
  }

  private async update(
    memberId: string,
    input: UpdateProfileInput,
    actor: Actor,
    context: GatewayContext,
  ): Promise<MemberProfile> {
    const request = { memberId, ...profileChanges(input) } as OperationRequest<typeof updateMemberProfile>;
    const parsed = updateMemberProfile.request.safeParse(request);
    if (!parsed.success) throw fromZodError(parsed.error, 'input');
    const view = await this.requests.send(updateMemberProfile, request, {
      context: context.contextFor(actor),
      key: memberId,
    });
    return MemberProfile.from(view);
  }

  private async loadProfile(memberId: string, context: GatewayContext): Promise<MemberProfileView> {
    const actor = await context.actor();
    checkOwnOrStaff(actor, memberId);
    let cache = profilesByRequest.get(context);
    if (!cache) profilesByRequest.set(context, (cache = new Map()));
    let pending = cache.get(memberId);
    if (!pending) {
      pending = this.requests.send(
        getMemberProfile,
        { memberId },
        { context: context.contextFor(actor), key: memberId },
      );
      cache.set(memberId, pending);
    }
    return pending;
  }
}
