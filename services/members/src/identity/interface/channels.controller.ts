import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  linkIdentity,
  listIdentities,
  resolveMember,
  searchMembers,
  signInMiniProgram,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { LinkIdentityUseCase, type LinkableKind } from '../application/commands/link-identity.usecase.js';
import { SignInMiniProgramUseCase } from '../application/commands/sign-in-mini-program.usecase.js';
import { ListIdentitiesQuery } from '../application/queries/list-identities.query.js';
import {
  ResolveMemberQuery,
  type ResolveMemberRequest,
} from '../application/queries/resolve-member.query.js';
import { SearchMembersQuery } from '../application/queries/search-members.query.js';
import { IdentityErrorFilter } from './identity-error.mapping.js';

/** Channel identities: list, link, resolve by priority, mini-program sign-in, staff search. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new IdentityErrorFilter())
export class ChannelsController {
  constructor(
    private readonly listIdentitiesQuery: ListIdentitiesQuery,
    private readonly linkIdentityUseCase: LinkIdentityUseCase,
    private readonly resolveMemberQuery: ResolveMemberQuery,
    private readonly signInMiniProgramUseCase: SignInMiniProgramUseCase,
    private readonly searchMembersQuery: SearchMembersQuery,
  ) {}

  @MessagePattern(listIdentities.pattern)
  async list(
    @Payload() payload: { memberId: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listIdentities>> {
    return { items: await this.listIdentitiesQuery.execute(ctx.envelope.actor, payload.memberId) };
  }

  @MessagePattern(linkIdentity.pattern)
  link(
    @Payload() payload: { memberId: string; kind: LinkableKind; value: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof linkIdentity>> {
    return this.linkIdentityUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(resolveMember.pattern)
  resolve(
    @Payload() payload: ResolveMemberRequest,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof resolveMember>> {
    return this.resolveMemberQuery.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(signInMiniProgram.pattern)
  signIn(
    @Payload() payload: { openid: string; unionid: string | null; signedInMemberId: string | null },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof signInMiniProgram>> {
    return this.signInMiniProgramUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(searchMembers.pattern)
  search(
    @Payload() payload: { filter: Record<string, string | null>; first: number; after: string | null },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof searchMembers>> {
    return this.searchMembersQuery.execute(ctx.envelope.actor, payload);
  }
}
