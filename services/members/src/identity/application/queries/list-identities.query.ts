import { Injectable } from '@nestjs/common';
import type { Actor, ChannelIdentityView } from '@atrium/contracts';
import { maskIdentity } from '../../domain/channel-identity.js';
import { enforceIdentityAccess, isSelf } from '../identity-access.js';
import { MemberRepository } from '../member.repository.js';

/** A member's channel identities, masked; the member itself or staff. */
@Injectable()
export class ListIdentitiesQuery {
  constructor(private readonly members: MemberRepository) {}

  async execute(actor: Actor, memberId: string): Promise<ChannelIdentityView[]> {
    enforceIdentityAccess(
      actor,
      isSelf(actor, memberId) || actor.kind === 'staff' || actor.kind === 'system',
      "you may not read this member's identities",
    );
    return (await this.members.listIdentities(memberId)).map((i) => ({
      kind: i.kind,
      valueMasked: maskIdentity(i.kind, i.value),
      linkedAt: i.createdAt.toISOString(),
    }));
  }
}
