import type { MemberView } from '@atrium/contracts';
import type { MemberRecord } from './member.repository.js';

/** The wire view of a member: the phone only masked. */
export function toMemberView({ member, phone }: MemberRecord): MemberView {
  return {
    id: member.id,
    memberCode: member.memberCode,
    displayName: member.displayName,
    phoneMasked: phone ? phone.masked() : '',
    preferredLanguage: member.preferredLanguage,
    registeredChannel: member.registeredChannel,
    registeredAt: member.registeredAt.toISOString(),
  };
}
