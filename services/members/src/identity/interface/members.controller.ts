import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  findMemberByPhone,
  getMember,
  getMembers,
  registerMember,
  type MemberView,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import {
  RegisterMemberUseCase,
  type RegisterMemberCommand,
} from '../application/commands/register-member/register-member.usecase.js';
import { FindMemberByPhoneQuery } from '../application/queries/find-member-by-phone.query.js';
import { GetMemberQuery } from '../application/queries/get-member.query.js';
import { GetMembersQuery } from '../application/queries/get-members.query.js';
import { toMemberView } from '../application/member-view.js';
import { IdentityErrorFilter } from './identity-error.mapping.js';

/** Request-reply handlers of the identity context; payloads arrive validated against their contracts. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new IdentityErrorFilter())
export class MembersController {
  constructor(
    private readonly registerMemberUseCase: RegisterMemberUseCase,
    private readonly getMemberQuery: GetMemberQuery,
    private readonly getMembersQuery: GetMembersQuery,
    private readonly findMemberByPhoneQuery: FindMemberByPhoneQuery,
  ) {}

  /** Anyone may register (the app's sign-up, a service desk, a kiosk). */
  @MessagePattern(registerMember.pattern)
  async register(@Payload() payload: RegisterMemberCommand): Promise<MemberView> {
    return toMemberView(await this.registerMemberUseCase.execute(payload));
  }

  @MessagePattern(getMember.pattern)
  async get(@Payload() payload: { memberId: string }, @Ctx() ctx: AtriumRpcContext): Promise<MemberView> {
    return toMemberView(await this.getMemberQuery.execute(ctx.envelope.actor, payload.memberId));
  }

  @MessagePattern(getMembers.pattern)
  async getMany(
    @Payload() payload: { memberIds: string[] },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof getMembers>> {
    const records = await this.getMembersQuery.execute(ctx.envelope.actor, payload.memberIds);
    return { items: records.map(toMemberView) };
  }

  @MessagePattern(findMemberByPhone.pattern)
  async findByPhone(
    @Payload() payload: { phone: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof findMemberByPhone>> {
    return { memberId: await this.findMemberByPhoneQuery.execute(ctx.envelope.actor, payload.phone) };
  }
}
