import { Injectable } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { IdentityError, IdentityErrorCode } from '../../domain/identity.errors.js';
import { checkMayReadMember } from '../../domain/member-access.policy.js';
import { MemberRepository, type MemberRecord } from '../member.repository.js';

/** Reads one member for an actor allowed to see it. */
@Injectable()
export class GetMemberQuery {
  constructor(private readonly members: MemberRepository) {}

  async execute(actor: Actor, memberId: string): Promise<MemberRecord> {
    checkMayReadMember(actor, memberId);
    // A merged member's id keeps working: it reads as the survivor.
    const found = await this.members.findById(await this.members.resolveSurvivor(memberId));
    if (!found)
      throw new IdentityError(IdentityErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
    return found;
  }
}
