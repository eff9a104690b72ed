import type { ConsentDecision } from '../domain/consent.js';

export interface AccessLogEntry {
  memberId: string;
  tenantId: string;
  actorId: string;
  lookupBy: 'PHONE' | 'MEMBER_CODE';
  accessedAt: Date;
}

/** A member as the privacy context needs it: for the partner view and the export. */
export interface PrivacyMember {
  id: string;
  memberCode: string;
  displayName: string;
  status: 'ACTIVE' | 'MERGED' | 'CLOSED';
  /** E.164, or null when the member has no phone identity (e.g. after deletion). */
  phone: string | null;
}

/**
 * Storage of consents, partner reads and account anonymization. Writes join the ambient
 * transaction (TransactionHost), so a use case commits them together with its outbox row.
 */
export abstract class PrivacyRepository {
  /** The member row, locked for update when `lock` (serializes consent changes and deletion). */
  abstract findMember(memberId: string, lock?: boolean): Promise<PrivacyMember | null>;
  abstract findMemberIdByPhone(e164: string): Promise<string | null>;
  abstract findMemberIdByCode(memberCode: string): Promise<string | null>;

  abstract currentConsents(memberId: string): Promise<ConsentDecision[]>;
  /** Every decision, newest first. */
  abstract consentHistory(memberId: string): Promise<ConsentDecision[]>;
  abstract appendConsents(memberId: string, decisions: readonly ConsentDecision[]): Promise<void>;

  abstract logPartnerAccess(entry: AccessLogEntry): Promise<void>;
  /** Newest first. */
  abstract accessLog(memberId: string, first: number): Promise<AccessLogEntry[]>;

  /** Channel identities with their full values (for the member's own export). */
  abstract identities(memberId: string): Promise<Array<{ kind: string; value: string; createdAt: Date }>>;
  /** Profile columns as stored, for the export. */
  abstract profile(memberId: string): Promise<Record<string, unknown>>;

  /**
   * Anonymizes the member: display name replaced, identities removed, a fresh member code,
   * status CLOSED with deleted_at. Consents and the access log stay under the (now anonymous) id.
   */
  abstract anonymize(memberId: string, newMemberCode: string, at: Date): Promise<boolean>;
}
