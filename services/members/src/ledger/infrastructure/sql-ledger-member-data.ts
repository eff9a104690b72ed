import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { LedgerMemberData, type LedgerExportSection } from '../application/ledger-member-data.js';

type Row = Record<string, string | Date | null>;
const iso = (v: string | Date | null | undefined) => (v == null ? null : new Date(v).toISOString());
const num = (v: string | Date | null | undefined) => Number(v ?? 0);
const text = (v: string | Date | null | undefined) => (v == null ? null : String(v));

/** LedgerMemberData on PostgreSQL (purchases, point_lots, ledger_entries, member_balances). */
@Injectable()
export class SqlLedgerMemberData extends LedgerMemberData {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  private q(sql: string, params: unknown[]): Promise<Row[]> {
    return this.tx.manager.query(sql, params) as Promise<Row[]>;
  }

  async hasPurchasedFromTenant(memberId: string, tenantId: string): Promise<boolean> {
    const rows = await this.q(`SELECT 1 FROM purchases WHERE member_id = $1 AND tenant_id = $2 LIMIT 1`, [
      memberId,
      tenantId,
    ]);
    return rows.length > 0;
  }

  async exportFor(memberId: string): Promise<LedgerExportSection> {
    const [balance] = await this.q(
      `SELECT available, pending, debt FROM member_balances WHERE member_id = $1`,
      [memberId],
    );
    const lots = await this.q(
      `SELECT id, state, original, remaining, earned_at, release_at, expires_at, tenant_id, store_id
         FROM point_lots WHERE member_id = $1 ORDER BY earned_at, id`,
      [memberId],
    );
    const entries = await this.q(
      `SELECT id, kind, points, available_delta, pending_delta, debt_delta, reference_type, reference_id,
              tenant_id, store_id, reason, occurred_at
         FROM ledger_entries WHERE member_id = $1 ORDER BY id`,
      [memberId],
    );
    const purchases = await this.q(
      `SELECT id, tenant_id, store_id, order_id, amount_fen, returned_fen, points, reversed_points, purchased_at
         FROM purchases WHERE member_id = $1 ORDER BY purchased_at, id`,
      [memberId],
    );
    return {
      balance: {
        available: num(balance?.available),
        pending: num(balance?.pending),
        debt: num(balance?.debt),
      },
      lots: lots.map((r) => ({
        id: String(r.id),
        state: r.state as 'PENDING' | 'AVAILABLE',
        original: num(r.original),
        remaining: num(r.remaining),
        earnedAt: iso(r.earned_at)!,
        releaseAt: iso(r.release_at),
        expiresAt: iso(r.expires_at)!,
        tenantId: text(r.tenant_id),
        storeId: text(r.store_id),
      })),
      entries: entries.map((r) => ({
        id: String(r.id),
        kind: String(r.kind),
        points: num(r.points),
        availableDelta: num(r.available_delta),
        pendingDelta: num(r.pending_delta),
        debtDelta: num(r.debt_delta),
        referenceType: text(r.reference_type),
        referenceId: text(r.reference_id),
        tenantId: text(r.tenant_id),
        storeId: text(r.store_id),
        reason: text(r.reason),
        occurredAt: iso(r.occurred_at)!,
      })),
      purchases: purchases.map((r) => ({
        id: String(r.id),
        tenantId: String(r.tenant_id),
        storeId: String(r.store_id),
        orderId: String(r.order_id),
        amountFen: num(r.amount_fen),
        returnedFen: num(r.returned_fen),
        points: num(r.points),
        reversedPoints: num(r.reversed_points),
        purchasedAt: iso(r.purchased_at)!,
      })),
    };
  }
}
