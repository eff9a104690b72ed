import { Injectable } from '@nestjs/common';
import type { MemberView } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { IdentityMergeParticipant } from '../application/identity-merge.participant.js';
import { toMemberView } from '../application/member-view.js';
import { MemberRepository } from '../application/member.repository.js';

/** Identity's merge SQL over members and member_identities. */
@Injectable()
export class SqlIdentityMergeParticipant extends IdentityMergeParticipant {
  constructor(
    private readonly tx: TransactionHost,
    private readonly members: MemberRepository,
  ) {
    super();
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  async lockPair(a: string, b: string): Promise<Map<string, string>> {
    const rows = await this.query<{ id: string; status: string }>(
      `SELECT id, status FROM members WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[a, b]],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  async moveMemberData(fromId: string, toId: string): Promise<number> {
    const moved = await this.query<{ id: string }>(
      `UPDATE member_identities SET member_id = $2 WHERE member_id = $1 RETURNING id`,
      [fromId, toId],
    );
    return moved.length;
  }

  async markMerged(fromId: string, toId: string): Promise<void> {
    await this.query(`UPDATE members SET status = 'MERGED', merged_into = $2 WHERE id = $1`, [fromId, toId]);
  }

  async memberView(memberId: string): Promise<MemberView | null> {
    const record = await this.members.findById(memberId);
    return record ? toMemberView(record) : null;
  }
}
