import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { getMemberProfile, updateMemberProfile, type MemberProfileView } from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { GetProfileQuery } from '../application/get-profile.query.js';
import { UpdateProfileUseCase, type UpdateProfileCommand } from '../application/update-profile.usecase.js';
import { ProfileErrorFilter } from './profile-error.mapping.js';

/** Request-reply handlers of the profile context. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new ProfileErrorFilter())
export class ProfileController {
  constructor(
    private readonly getProfile: GetProfileQuery,
    private readonly updateProfile: UpdateProfileUseCase,
  ) {}

  @MessagePattern(getMemberProfile.pattern)
  get(@Payload() payload: { memberId: string }, @Ctx() ctx: AtriumRpcContext): Promise<MemberProfileView> {
    return this.getProfile.execute(ctx.envelope.actor, payload.memberId);
  }

  @MessagePattern(updateMemberProfile.pattern)
  update(@Payload() payload: UpdateProfileCommand, @Ctx() ctx: AtriumRpcContext): Promise<MemberProfileView> {
    return this.updateProfile.execute(ctx.envelope.actor, payload);
  }
}
