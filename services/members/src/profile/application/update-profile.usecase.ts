import { Inject, Injectable } from '@nestjs/common';
import {
  profileUpdated,
  type Actor,
  type MemberProfileView,
  type OperationRequest,
  type updateMemberProfile,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { calendarDayIn, changeProfile, type ProfileChanges } from '../domain/profile.js';
import { ProfileError, ProfileErrorCode } from '../domain/profile.errors.js';
import { enforceProfileAccess } from './profile-access.js';
import { toProfileView } from './profile-view.js';
import { ProfileRepository } from './profile.repository.js';

export type UpdateProfileCommand = OperationRequest<typeof updateMemberProfile>;

/** DI token of the mall's time zone (business calendar, e.g. "is this birthday in the future"). */
export const MALL_TIME_ZONE = Symbol('MallTimeZone');

/**
 * Changes the fields given; when something changed, members.profile.updated.v1 (field names
 * only) is written to the outbox in the same transaction, so segments and recommendations
 * recompute.
 */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly profiles: ProfileRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MALL_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async execute(actor: Actor, command: UpdateProfileCommand): Promise<MemberProfileView> {
    enforceProfileAccess(actor, command.memberId, 'write');
    const { memberId, ...changes } = command;
    const now = this.clock.now();
    return this.tx.run(async () => {
      const current = await this.profiles.find(memberId, true);
      if (!current)
        throw new ProfileError(ProfileErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
      const { profile, changed } = changeProfile(current, changes as ProfileChanges, {
        staff: actor.kind === 'staff',
        today: calendarDayIn(this.timeZone, now),
      });
      if (changed.length > 0) {
        await this.profiles.save(profile);
        await this.outbox.add(
          profileUpdated,
          { memberId, fields: changed, updatedAt: now.toISOString() },
          memberId,
        );
      }
      return toProfileView(profile, actor);
    });
  }
}
