import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  deleteMemberAccount,
  exportMemberData,
  listConsents,
  listDataAccessLog,
  partnerLookupMember,
  updateConsents,
  type Actor,
  type OperationRequest,
} from '@atrium/contracts';
import type { ZodType } from 'zod';
import { RequestClient } from '@atrium/messaging';
import { badInput, forbidden, fromZodError } from '@atrium/platform';
import { Access, checkAccess, CurrentActor } from '../auth/access.js';
import { ChannelEnum } from '../graphql/enums.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { ConsentInput, Member } from './dto/member.types.js';
import {
  Consent,
  Consents,
  DataAccessEntry,
  DeletedAccount,
  MemberDataExport,
  PartnerMemberLookup,
} from './dto/privacy.types.js';

/** A member reaches only itself; staff any member. */
function checkOwnOrStaff(actor: Actor, memberId: string): void {
  checkAccess(actor, { kinds: ['member', 'staff'] });
  if (actor.kind === 'member' && actor.id !== memberId)
    throw forbidden('a member can only read its own data', 'NOT_OWN_MEMBER');
}

/** Checks a request against its contract here, so bad input is BAD_USER_INPUT naming the GraphQL field. */
function checked<R>(schema: ZodType, request: R, root?: string): R {
  const result = schema.safeParse(request);
  if (!result.success) throw fromZodError(result.error, root);
  return request;
}

/** Consents, the partner view, who looked, export and deletion. */
@Resolver(() => Member)
export class MemberPrivacyResolver {
  constructor(private readonly requests: RequestClient) {}

  @Mutation(() => Consents, {
    description:
      'Grants or withdraws consents of the logged-in member (the same call for both: granted true or false). Returns what is in force and the history.',
  })
  @Access({ kinds: ['member'] })
  async updateMyConsents(
    @Args('changes', { type: () => [ConsentInput] }) changes: ConsentInput[],
    @Args('channel', {
      type: () => ChannelEnum,
      defaultValue: 'APP',
      description: 'Where the member made the change.',
    })
    channel: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Consents> {
    const request = checked(updateConsents.request, {
      memberId: actor.id,
      changes: changes.map((c) => ({
        purpose: c.purpose,
        channel: c.channel ?? null,
        tenantId: c.tenantId ?? null,
        granted: c.granted,
      })),
      sourceChannel: channel,
    } as OperationRequest<typeof updateConsents>);
    const result = await this.requests.send(updateConsents, request, {
      context: context.contextFor(actor),
      key: actor.id,
    });
    return { current: result.current.map(Consent.from), history: result.history.map(Consent.from) };
  }

  @ResolveField(() => [Consent], { description: 'Consents in force (the member itself, or staff).' })
  async consents(@Parent() member: Member, @Context() context: GatewayContext): Promise<Consent[]> {
    return (await this.loadConsents(member, context)).current.map(Consent.from);
  }

  @ResolveField(() => [Consent], {
    description: 'Every consent decision, newest first (the member itself, or staff).',
  })
  async consentHistory(@Parent() member: Member, @Context() context: GatewayContext): Promise<Consent[]> {
    return (await this.loadConsents(member, context)).history.map(Consent.from);
  }

  @ResolveField(() => [DataAccessEntry], {
    description: 'Which partner stores read this member, newest first (the member itself, or staff).',
  })
  async dataAccessLog(
    @Parent() member: Member,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Context() context: GatewayContext,
  ): Promise<DataAccessEntry[]> {
    const actor = await context.actor();
    checkOwnOrStaff(actor, member.id);
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const page = await this.requests.send(
      listDataAccessLog,
      { memberId: member.id, first },
      { context: context.contextFor(actor), key: member.id },
    );
    return page.items.map(DataAccessEntry.from);
  }

  @Query(() => PartnerMemberLookup, {
    description:
      'Partner stores (API key with members:read): a member by phone or member code, only if the member shares with your tenant. Every read is logged for the member to see.',
  })
  @Access({ kinds: ['partner'] })
  async memberLookup(
    @Args('phone', { type: () => String, nullable: true }) phone: string | null,
    @Args('memberCode', { type: () => String, nullable: true }) memberCode: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<PartnerMemberLookup> {
    if (!actor.scopes.includes('members:read'))
      throw forbidden('this API key lacks the members:read scope', 'MISSING_SCOPE');
    const request = checked(partnerLookupMember.request, {
      phone: phone ?? null,
      memberCode: memberCode ?? null,
    });
    const view = await this.requests.send(partnerLookupMember, request, {
      context: context.contextFor(actor),
      key: actor.tenantId ?? actor.id,
    });
    return PartnerMemberLookup.from(view);
  }

  @Mutation(() => MemberDataExport, {
    description: 'Everything the platform holds about the logged-in member, as a JSON document.',
  })
  @Access({ kinds: ['member'] })
  async exportMyData(
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<MemberDataExport> {
    const exported = await this.requests.send(
      exportMemberData,
      { memberId: actor.id },
      { context: context.contextFor(actor), key: actor.id },
    );
    const json = JSON.stringify(exported);
    return Object.assign(new MemberDataExport(), {
      format: exported.format,
      memberId: exported.memberId,
      exportedAt: new Date(exported.exportedAt),
      sections: Object.keys(exported.sections),
      json,
      bytes: Buffer.byteLength(json),
    });
  }

  @Mutation(() => DeletedAccount, {
    description:
      'Deletes the logged-in member’s account: profile and identities are anonymized; other services are told. Calling it again returns the first deletion.',
  })
  @Access({ kinds: ['member'] })
  async deleteMyAccount(
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<DeletedAccount> {
    const deleted = await this.requests.send(
      deleteMemberAccount,
      { memberId: actor.id },
      { context: context.contextFor(actor), key: actor.id },
    );
    return { memberId: deleted.memberId, deletedAt: new Date(deleted.deletedAt) };
  }

  private async loadConsents(member: Member, context: GatewayContext) {
    const actor = await context.actor();
    checkOwnOrStaff(actor, member.id);
    return this.requests.send(
      listConsents,
      { memberId: member.id },
      { context: context.contextFor(actor), key: member.id },
    );
  }
}
