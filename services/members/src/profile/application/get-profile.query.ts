import { Injectable } from '@nestjs/common';
import type { Actor, MemberProfileView } from '@atrium/contracts';
import { ProfileError, ProfileErrorCode } from '../domain/profile.errors.js';
import { enforceProfileAccess } from './profile-access.js';
import { toProfileView } from './profile-view.js';
import { ProfileRepository } from './profile.repository.js';

@Injectable()
export class GetProfileQuery {
  constructor(private readonly profiles: ProfileRepository) {}

  async execute(actor: Actor, memberId: string): Promise<MemberProfileView> {
    enforceProfileAccess(actor, memberId, 'read');
    const profile = await this.profiles.find(memberId);
    if (!profile)
      throw new ProfileError(ProfileErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
    return toProfileView(profile, actor);
  }
}
