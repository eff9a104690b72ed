import { Injectable } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { checkMayReadMember } from '../../domain/member-access.policy.js';
import { MemberRepository, type MemberRecord } from '../member.repository.js';

/**
 * Reads many members at once for an actor allowed to see every one of them: one id the caller
 * may not read refuses the whole batch, as get-member would refuse that id. Unknown ids and
 * ids of members merged into another are left out (get-member follows a merge; a batch
 * answers only for the ids it was asked about).
 */
@Injectable()
export class GetMembersQuery {
  constructor(private readonly members: MemberRepository) {}

  async execute(actor: Actor, memberIds: readonly string[]): Promise<MemberRecord[]> {
    const ids = [...new Set(memberIds)];
    for (const id of ids) checkMayReadMember(actor, id);
    return this.members.findByIds(ids);
  }
}
