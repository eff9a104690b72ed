import { Inject, Injectable } from '@nestjs/common';
import { identityLinked, type Actor, type ChannelIdentityView } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { maskIdentity, normalizeIdentity } from '../../domain/channel-identity.js';
import { IdentityError, IdentityErrorCode, identityTaken } from '../../domain/identity.errors.js';
import type { IdentityKind } from '../../domain/member.js';
import { enforceIdentityAccess, isSelf } from '../identity-access.js';
import { MemberRepository } from '../member.repository.js';

export type LinkableKind = Exclude<IdentityKind, 'PHONE'>;

/** Mini-program ids are proven by WeChat, so only the gateway (after code-to-session) binds them. */
const PROVEN_BY_PLATFORM: readonly LinkableKind[] = ['MINI_PROGRAM_OPENID', 'MINI_PROGRAM_UNIONID'];

/**
 * Binds a channel identity to a member. (kind, value) belongs to one member: held by another →
 * CONFLICT; already bound to this one → nothing changes and no event. Otherwise the identity row
 * and members.identity.linked.v1 commit together.
 */
@Injectable()
export class LinkIdentityUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly members: MemberRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    command: { memberId: string; kind: LinkableKind; value: string },
  ): Promise<{ items: ChannelIdentityView[]; linked: boolean }> {
    const mayLink = PROVEN_BY_PLATFORM.includes(command.kind)
      ? actor.kind === 'system'
      : isSelf(actor, command.memberId) || actor.kind === 'staff' || actor.kind === 'system';
    enforceIdentityAccess(actor, mayLink, `you may not link a ${command.kind} to this member`);
    const value = normalizeIdentity(command.kind, command.value);
    return this.tx.run(async () => {
      const linked = await this.link(command.memberId, command.kind, value);
      const items = (await this.members.listIdentities(command.memberId)).map((i) => ({
        kind: i.kind,
        valueMasked: maskIdentity(i.kind, i.value),
        linkedAt: i.createdAt.toISOString(),
      }));
      return { items, linked };
    });
  }

  /** Inside a transaction: binds and publishes; false when it was already bound to this member. */
  async link(memberId: string, kind: LinkableKind, value: string): Promise<boolean> {
    const member = await this.members.findById(memberId);
    if (!member || member.member.status !== 'ACTIVE')
      throw new IdentityError(IdentityErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
    const owner = await this.members.findIdByIdentity(kind, value);
    if (owner === memberId) return false;
    if (owner) throw identityTaken(kind);
    const now = this.clock.now();
    await this.members.addIdentity(memberId, kind, value, now);
    await this.outbox.add(identityLinked, { memberId, kind, linkedAt: now.toISOString() }, memberId);
    return true;
  }
}
