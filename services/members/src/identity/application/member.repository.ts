import type { ConsentChange, IdentityKind, Member } from '../domain/member.js';
import type { PhoneNumber } from '../domain/phone-number.js';

/** A member as read back, with its phone identity when it has one. */
export interface MemberRecord {
  member: Member;
  phone: PhoneNumber | null;
}

/**
 * Storage of members, their channel identities and consent history. Writes join the ambient
 * transaction (TransactionHost), so a use case commits them together with its outbox row.
 */
export abstract class MemberRepository {
  /** The member holding this phone, if any. */
  abstract findIdByPhone(phone: PhoneNumber): Promise<string | null>;

  /** Inserts the member; false when its member code is already used (the caller draws another). */
  abstract insertMember(member: Member): Promise<boolean>;

  /**
   * Links an identity to a member. Throws IdentityError PHONE_TAKEN (for phones) when another
   * member already holds (kind, value), including when a concurrent registration won the race.
   */
  abstract addIdentity(memberId: string, kind: IdentityKind, value: string, now: Date): Promise<void>;

  /** Appends consent decisions; earlier rows stay as history. */
  abstract appendConsents(memberId: string, consents: readonly ConsentChange[]): Promise<void>;

  abstract findById(memberId: string): Promise<MemberRecord | null>;

  /** The members with these ids, except those merged into another; unknown ids are left out. */
  abstract findByIds(memberIds: readonly string[]): Promise<MemberRecord[]>;

  /** The member holding (kind, value) — value in stored form — if any. */
  abstract findIdByIdentity(kind: IdentityKind, value: string): Promise<string | null>;

  /** The member with this code; for a merged member, its survivor. */
  abstract findIdByMemberCode(memberCode: string): Promise<string | null>;

  /** The id itself, or for a merged member the survivor it was merged into (following chains). */
  abstract resolveSurvivor(memberId: string): Promise<string>;

  /** Channel identities of a member (full values), oldest first. */
  abstract listIdentities(
    memberId: string,
  ): Promise<Array<{ kind: IdentityKind; value: string; createdAt: Date }>>;

  /** ACTIVE members matching every filter given, ordered by id, after the id given; at most `limit`. */
  abstract search(filter: MemberSearch, limit: number, afterId: string | null): Promise<MemberRecord[]>;
}

/** Staff search criteria in stored form (phone E.164, card normalized); null = any. */
export interface MemberSearch {
  phone: string | null;
  memberCode: string | null;
  card: string | null;
  name: string | null;
  registeredChannel: string | null;
  tier: string | null;
  segment: string | null;
}
