import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { TransactionHost } from '@atrium/persistence';
import { identityTaken } from '../domain/identity.errors.js';
import type { ConsentChange, IdentityKind, Language, Member, MemberStatus } from '../domain/member.js';
import { PhoneNumber } from '../domain/phone-number.js';
import { MemberRepository, type MemberRecord, type MemberSearch } from '../application/member.repository.js';
import type { Channel } from '@atrium/contracts';
import { uniqueViolationOf } from './postgres-errors.js';

/** Constraint names from the CreateMembers migration. */
export const MEMBER_CODE_UNIQUE = 'members_member_code_unique';
export const IDENTITY_UNIQUE = 'member_identities_kind_value_unique';

interface MemberRow {
  id: string;
  member_code: string;
  display_name: string;
  preferred_language: Language;
  registered_channel: Channel;
  registered_at: Date;
  status: MemberStatus;
  phone: string | null;
}

/** MemberRepository on PostgreSQL with raw SQL through the ambient transaction. */
@Injectable()
export class SqlMemberRepository extends MemberRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async findIdByPhone(phone: PhoneNumber): Promise<string | null> {
    const rows: Array<{ member_id: string }> = await this.tx.manager.query(
      `SELECT member_id FROM member_identities WHERE kind = 'PHONE' AND value = $1`,
      [phone.e164],
    );
    return rows[0]?.member_id ?? null;
  }

  async insertMember(member: Member): Promise<boolean> {
    // ON CONFLICT keeps the transaction usable when the random code collides.
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO members (id, member_code, display_name, preferred_language, registered_channel, registered_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT ${MEMBER_CODE_UNIQUE} DO NOTHING
       RETURNING id`,
      [
        member.id,
        member.memberCode,
        member.displayName,
        member.preferredLanguage,
        member.registeredChannel,
        member.registeredAt,
        member.status,
      ],
    );
    return rows.length === 1;
  }

  async addIdentity(memberId: string, kind: IdentityKind, value: string, now: Date): Promise<void> {
    try {
      await this.tx.manager.query(
        `INSERT INTO member_identities (id, member_id, kind, value, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [uuidv7(), memberId, kind, value, now],
      );
    } catch (error) {
      // A concurrent registration committed the same identity first: the database decides.
      if (uniqueViolationOf(error) === IDENTITY_UNIQUE) throw identityTaken(kind);
      throw error;
    }
  }

  async appendConsents(memberId: string, consents: readonly ConsentChange[]): Promise<void> {
    if (consents.length === 0) return;
    const values: unknown[] = [];
    const tuples = consents.map((c, i) => {
      values.push(
        uuidv7(),
        memberId,
        c.purpose,
        c.channel,
        c.tenantId,
        c.granted,
        c.sourceChannel,
        c.changedAt,
      );
      const p = i * 8;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`;
    });
    await this.tx.manager.query(
      `INSERT INTO member_consents (id, member_id, purpose, channel, tenant_id, granted, source_channel, changed_at)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  async findById(memberId: string): Promise<MemberRecord | null> {
    const rows: MemberRow[] = await this.tx.manager.query(
      `SELECT m.id, m.member_code, m.display_name, m.preferred_language, m.registered_channel, m.registered_at, m.status,
              (SELECT i.value FROM member_identities i
                WHERE i.member_id = m.id AND i.kind = 'PHONE' ORDER BY i.created_at LIMIT 1) AS phone
         FROM members m
        WHERE m.id = $1`,
      [memberId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      member: {
        id: row.id,
        memberCode: row.member_code,
        displayName: row.display_name,
        preferredLanguage: row.preferred_language,
        registeredChannel: row.registered_channel,
        registeredAt: new Date(row.registered_at),
        status: row.status,
      },
      phone: row.phone ? PhoneNumber.parse(row.phone) : null,
    };
  }

  async findByIds(memberIds: readonly string[]): Promise<MemberRecord[]> {
    const rows: MemberRow[] = await this.tx.manager.query(
      `SELECT m.id, m.member_code, m.display_name, m.preferred_language, m.registered_channel, m.registered_at, m.status,
              (SELECT i.value FROM member_identities i
                WHERE i.member_id = m.id AND i.kind = 'PHONE' ORDER BY i.created_at LIMIT 1) AS phone
         FROM members m
        WHERE m.id = ANY($1::uuid[]) AND m.status <> 'MERGED'`,
      [memberIds],
    );
    return rows.map((row) => toRecord(row));
  }

  async findIdByIdentity(kind: IdentityKind, value: string): Promise<string | null> {
    const rows: Array<{ member_id: string }> = await this.tx.manager.query(
      `SELECT member_id FROM member_identities WHERE kind = $1 AND value = $2`,
      [kind, value],
    );
    return rows[0]?.member_id ?? null;
  }

  async findIdByMemberCode(memberCode: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM members WHERE member_code = $1`,
      [memberCode],
    );
    return rows[0] ? this.resolveSurvivor(rows[0].id) : null;
  }

  async resolveSurvivor(memberId: string): Promise<string> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `WITH RECURSIVE chain(id, merged_into, depth) AS (
         SELECT id, merged_into, 0 FROM members WHERE id = $1
         UNION ALL
         SELECT m.id, m.merged_into, c.depth + 1 FROM members m JOIN chain c ON m.id = c.merged_into WHERE c.depth < 16
       )
       SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1`,
      [memberId],
    );
    return rows[0]?.id ?? memberId;
  }

  async listIdentities(
    memberId: string,
  ): Promise<Array<{ kind: IdentityKind; value: string; createdAt: Date }>> {
    const rows: Array<{ kind: IdentityKind; value: string; created_at: Date }> = await this.tx.manager.query(
      `SELECT kind, value, created_at FROM member_identities WHERE member_id = $1 ORDER BY created_at, id`,
      [memberId],
    );
    return rows.map((r) => ({ kind: r.kind, value: r.value, createdAt: new Date(r.created_at) }));
  }

  async search(filter: MemberSearch, limit: number, afterId: string | null): Promise<MemberRecord[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where = [`m.status = 'ACTIVE'`];
    if (filter.phone)
      where.push(
        `EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = m.id AND i.kind = 'PHONE' AND i.value = ${p(filter.phone)})`,
      );
    if (filter.card)
      where.push(
        `EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = m.id AND i.kind = 'CARD' AND i.value = ${p(filter.card)})`,
      );
    if (filter.memberCode) where.push(`m.member_code = ${p(filter.memberCode)}`);
    if (filter.name)
      where.push(
        `lower(m.display_name) LIKE ${p(`%${filter.name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`,
      );
    if (filter.registeredChannel) where.push(`m.registered_channel = ${p(filter.registeredChannel)}`);
    if (filter.tier)
      where.push(
        `COALESCE((SELECT t.tier_code FROM member_tiers t WHERE t.member_id = m.id), (SELECT l.code FROM tier_levels l WHERE l.rank = 0)) = ${p(filter.tier)}`,
      );
    if (filter.segment)
      where.push(
        `EXISTS (SELECT 1 FROM member_segments s WHERE s.member_id = m.id AND s.segment_code = ${p(filter.segment)})`,
      );
    if (afterId) where.push(`m.id > ${p(afterId)}`);
    const rows: MemberRow[] = await this.tx.manager.query(
      `SELECT m.id, m.member_code, m.display_name, m.preferred_language, m.registered_channel, m.registered_at, m.status,
              (SELECT i.value FROM member_identities i
                WHERE i.member_id = m.id AND i.kind = 'PHONE' ORDER BY i.created_at LIMIT 1) AS phone
         FROM members m
        WHERE ${where.join(' AND ')}
        ORDER BY m.id
        LIMIT ${p(limit)}`,
      params,
    );
    return rows.map((row) => toRecord(row));
  }
}

function toRecord(row: MemberRow): MemberRecord {
  return {
    member: {
      id: row.id,
      memberCode: row.member_code,
      displayName: row.display_name,
      preferredLanguage: row.preferred_language,
      registeredChannel: row.registered_channel,
      registeredAt: new Date(row.registered_at),
      status: row.status,
    },
    phone: row.phone ? PhoneNumber.parse(row.phone) : null,
  };
}
