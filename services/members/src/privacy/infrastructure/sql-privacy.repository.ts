import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Channel } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import type { ConsentDecision } from '../domain/consent.js';
import {
  PrivacyRepository,
  type AccessLogEntry,
  type PrivacyMember,
} from '../application/privacy.repository.js';

interface ConsentRow {
  purpose: ConsentDecision['purpose'];
  channel: ConsentDecision['channel'];
  tenant_id: string | null;
  granted: boolean;
  source_channel: Channel;
  changed_at: Date;
}

const toDecision = (r: ConsentRow): ConsentDecision => ({
  purpose: r.purpose,
  channel: r.channel,
  tenantId: r.tenant_id,
  granted: r.granted,
  sourceChannel: r.source_channel,
  changedAt: new Date(r.changed_at),
});

/** Shown instead of the name of a deleted member. */
export const DELETED_MEMBER_NAME = 'Deleted member';

/** PrivacyRepository on PostgreSQL with raw SQL through the ambient transaction. */
@Injectable()
export class SqlPrivacyRepository extends PrivacyRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  async findMember(memberId: string, lock = false): Promise<PrivacyMember | null> {
    const [row] = await this.query<{
      id: string;
      member_code: string;
      display_name: string;
      status: PrivacyMember['status'];
      phone: string | null;
    }>(
      `SELECT m.id, m.member_code, m.display_name, m.status,
              (SELECT i.value FROM member_identities i
                WHERE i.member_id = m.id AND i.kind = 'PHONE' ORDER BY i.created_at LIMIT 1) AS phone
         FROM members m WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [memberId],
    );
    if (!row) return null;
    return {
      id: row.id,
      memberCode: row.member_code,
      displayName: row.display_name,
      status: row.status,
      phone: row.phone,
    };
  }

  async findMemberIdByPhone(e164: string): Promise<string | null> {
    const [row] = await this.query<{ member_id: string }>(
      `SELECT member_id FROM member_identities WHERE kind = 'PHONE' AND value = $1`,
      [e164],
    );
    return row?.member_id ?? null;
  }

  async findMemberIdByCode(memberCode: string): Promise<string | null> {
    // A merged member's printed code reaches its survivor.
    const [row] = await this.query<{ id: string }>(
      `SELECT COALESCE(s.id, m.id) AS id FROM members m LEFT JOIN members s ON s.id = m.merged_into WHERE m.member_code = $1`,
      [memberCode],
    );
    return row?.id ?? null;
  }

  async currentConsents(memberId: string): Promise<ConsentDecision[]> {
    // The latest row per scope is the decision in force (uuid v7 ids break ties in time order).
    const rows = await this.query<ConsentRow>(
      `SELECT DISTINCT ON (purpose, channel, tenant_id)
              purpose, channel, tenant_id, granted, source_channel, changed_at
         FROM member_consents
        WHERE member_id = $1
        ORDER BY purpose, channel, tenant_id, changed_at DESC, id DESC`,
      [memberId],
    );
    return rows.map(toDecision);
  }

  async consentHistory(memberId: string): Promise<ConsentDecision[]> {
    const rows = await this.query<ConsentRow>(
      `SELECT purpose, channel, tenant_id, granted, source_channel, changed_at
         FROM member_consents WHERE member_id = $1 ORDER BY changed_at DESC, id DESC`,
      [memberId],
    );
    return rows.map(toDecision);
  }

  async appendConsents(memberId: string, decisions: readonly ConsentDecision[]): Promise<void> {
    for (const c of decisions) {
      await this.query(
        `INSERT INTO member_consents (id, member_id, purpose, channel, tenant_id, granted, source_channel, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [uuidv7(), memberId, c.purpose, c.channel, c.tenantId, c.granted, c.sourceChannel, c.changedAt],
      );
    }
  }

  async logPartnerAccess(entry: AccessLogEntry): Promise<void> {
    await this.query(
      `INSERT INTO partner_access_log (id, member_id, tenant_id, actor_id, lookup_by, accessed_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [uuidv7(), entry.memberId, entry.tenantId, entry.actorId, entry.lookupBy, entry.accessedAt],
    );
  }

  async accessLog(memberId: string, first: number): Promise<AccessLogEntry[]> {
    const rows = await this.query<{
      member_id: string;
      tenant_id: string;
      actor_id: string;
      lookup_by: AccessLogEntry['lookupBy'];
      accessed_at: Date;
    }>(
      `SELECT member_id, tenant_id, actor_id, lookup_by, accessed_at
         FROM partner_access_log WHERE member_id = $1
        ORDER BY accessed_at DESC, id DESC LIMIT $2`,
      [memberId, first],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      tenantId: r.tenant_id,
      actorId: r.actor_id,
      lookupBy: r.lookup_by,
      accessedAt: new Date(r.accessed_at),
    }));
  }

  async identities(memberId: string): Promise<Array<{ kind: string; value: string; createdAt: Date }>> {
    const rows = await this.query<{ kind: string; value: string; created_at: Date }>(
      `SELECT kind, value, created_at FROM member_identities WHERE member_id = $1 ORDER BY created_at, id`,
      [memberId],
    );
    return rows.map((r) => ({ kind: r.kind, value: r.value, createdAt: new Date(r.created_at) }));
  }

  async profile(memberId: string): Promise<Record<string, unknown>> {
    const [row] = await this.query<Record<string, unknown>>(
      `SELECT id, member_code, display_name, preferred_language, registered_channel, registered_at, status, deleted_at
         FROM members WHERE id = $1`,
      [memberId],
    );
    if (!row) return {};
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return {
      id: row.id,
      memberCode: row.member_code,
      displayName: row.display_name,
      preferredLanguage: row.preferred_language,
      registeredChannel: row.registered_channel,
      registeredAt: iso(row.registered_at),
      status: row.status,
      deletedAt: iso(row.deleted_at),
    };
  }

  async anonymize(memberId: string, newMemberCode: string, at: Date): Promise<boolean> {
    const updated = await this.query<{ id: string }>(
      `UPDATE members
          SET display_name = $3, member_code = $2, status = 'CLOSED', deleted_at = $4
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM members WHERE member_code = $2)
        RETURNING id`,
      [memberId, newMemberCode, DELETED_MEMBER_NAME, at],
    );
    if (updated.length === 0) return false;
    await this.query(`DELETE FROM member_identities WHERE member_id = $1`, [memberId]);
    return true;
  }
}
