import { Injectable } from '@nestjs/common';
import type { Actor, MemberView } from '@atrium/contracts';
import { normalizeIdentity } from '../../domain/channel-identity.js';
import { IdentityError, IdentityErrorCode } from '../../domain/identity.errors.js';
import { enforceIdentityAccess } from '../identity-access.js';
import { toMemberView } from '../member-view.js';
import { MemberRepository } from '../member.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeCursor = (memberId: string) => Buffer.from(`m:${memberId}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('m:') ? decoded.slice(2) : '';
  if (!UUID.test(id))
    throw new IdentityError(
      IdentityErrorCode.CURSOR_INVALID,
      'after: not a cursor this search returned',
      'after',
    );
  return id;
}

/** Staff search: every filter given must match; pages in id order (time of registration). */
@Injectable()
export class SearchMembersQuery {
  constructor(private readonly members: MemberRepository) {}

  async execute(
    actor: Actor,
    request: { filter: Record<string, string | null | undefined>; first: number; after: string | null },
  ): Promise<{ items: Array<{ cursor: string; member: MemberView }>; hasNextPage: boolean }> {
    enforceIdentityAccess(actor, actor.kind === 'staff', 'searching members is for staff');
    const f = request.filter;
    const rows = await this.members.search(
      {
        phone: f.phone ? normalizeIdentity('PHONE', f.phone, 'filter.phone') : null,
        card: f.card ? normalizeIdentity('CARD', f.card, 'filter.card') : null,
        memberCode: f.memberCode ?? null,
        name: f.name ?? null,
        registeredChannel: f.registeredChannel ?? null,
        tier: f.tier ?? null,
        segment: f.segment ?? null,
      },
      request.first + 1,
      request.after ? decodeCursor(request.after) : null,
    );
    const page = rows.slice(0, request.first);
    return {
      items: page.map((record) => ({ cursor: encodeCursor(record.member.id), member: toMemberView(record) })),
      hasNextPage: rows.length > request.first,
    };
  }
}
