import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { normalizeIdentity } from '../../domain/channel-identity.js';
import { byPriority, type Identifier } from '../../domain/identifier-priority.js';
import { enforceIdentityAccess } from '../identity-access.js';
import { IDENTIFIER_PRIORITY } from '../identity.tokens.js';
import { MemberRepository } from '../member.repository.js';

export type ResolveMemberRequest = Record<
  'card' | 'phone' | 'appAccount' | 'openid' | 'unionid' | 'memberCode',
  string | null
>;

/**
 * Finds the member behind the identifiers given: tries them in the configured priority order
 * (default card, phone, unionid, openid, app account, member code) and answers with the first
 * that resolves and which identifier it was. Staff (desk, hotline) and platform components only.
 */
@Injectable()
export class ResolveMemberQuery {
  constructor(
    private readonly members: MemberRepository,
    @Inject(IDENTIFIER_PRIORITY) private readonly priority: readonly Identifier[],
  ) {}

  async execute(
    actor: Actor,
    request: ResolveMemberRequest,
  ): Promise<{ memberId: string | null; matchedBy: Identifier | null }> {
    enforceIdentityAccess(
      actor,
      actor.kind === 'staff' || actor.kind === 'system',
      'resolving identifiers is for staff',
    );
    const present: Partial<Record<Identifier, string | null>> = {
      CARD: request.card,
      PHONE: request.phone,
      MINI_PROGRAM_UNIONID: request.unionid,
      MINI_PROGRAM_OPENID: request.openid,
      APP_ACCOUNT: request.appAccount,
      MEMBER_CODE: request.memberCode,
    };
    for (const [identifier, raw] of byPriority(this.priority, present)) {
      const memberId =
        identifier === 'MEMBER_CODE'
          ? await this.members.findIdByMemberCode(raw)
          : await this.members.findIdByIdentity(
              identifier,
              normalizeIdentity(identifier, raw, fieldOf(identifier)),
            );
      if (memberId) return { memberId, matchedBy: identifier };
    }
    return { memberId: null, matchedBy: null };
  }
}

function fieldOf(identifier: Exclude<Identifier, 'MEMBER_CODE'>): string {
  const fields: Record<Exclude<Identifier, 'MEMBER_CODE'>, string> = {
    CARD: 'card',
    PHONE: 'phone',
    MINI_PROGRAM_UNIONID: 'unionid',
    MINI_PROGRAM_OPENID: 'openid',
    APP_ACCOUNT: 'appAccount',
  };
  return fields[identifier];
}
