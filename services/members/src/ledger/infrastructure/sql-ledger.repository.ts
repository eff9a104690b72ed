import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { TransactionHost } from '@atrium/persistence';
import { DEFAULT_EARNING_RULES, type EarningRules } from '../domain/earning-rules.js';
import { sumDeltas, type Balance } from '../domain/ledger-entry.js';
import { DEFAULT_LEDGER_POLICY } from '../domain/ledger-policy.js';
import { PointsAccount, type Lot } from '../domain/points-account.js';
import {
  LEDGER_TIME_ZONE,
  LedgerRepository,
  type EntryContext,
  type EntryRow,
  type LedgerSettings,
  type PurchaseRecord,
  type RedemptionRecord,
  type ReturnRecord,
  type Reward,
  type SettlementRow,
  type WrittenEntry,
} from '../application/ledger.repository.js';

interface LotRow {
  id: string;
  state: 'PENDING' | 'AVAILABLE';
  original: string;
  remaining: string;
  earned_at: Date;
  release_at: Date | null;
  expires_at: Date;
  tenant_id: string | null;
  store_id: string | null;
}

const toLot = (r: LotRow): Lot => ({
  id: r.id,
  state: r.state,
  original: Number(r.original),
  remaining: Number(r.remaining),
  earnedAt: new Date(r.earned_at),
  releaseAt: r.release_at ? new Date(r.release_at) : null,
  expiresAt: new Date(r.expires_at),
  tenantId: r.tenant_id,
  storeId: r.store_id,
});

const LOT_COLUMNS = 'id, state, original, remaining, earned_at, release_at, expires_at, tenant_id, store_id';
const OPEN_LOTS = `SELECT ${LOT_COLUMNS} FROM point_lots WHERE member_id = $1 AND (remaining > 0 OR state = 'PENDING')`;

/** LedgerRepository on PostgreSQL: raw SQL through the ambient transaction. */
@Injectable()
export class SqlLedgerRepository extends LedgerRepository {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(LEDGER_TIME_ZONE) private readonly timeZone: string,
  ) {
    super();
  }

  /** The stored policy with the mall's zone, which comes from the process's MALL_TIME_ZONE. */
  private policy(stored: Partial<LedgerSettings> | null | undefined): LedgerSettings {
    return { ...DEFAULT_LEDGER_POLICY, returnWindowDaysByStore: {}, ...stored, timeZone: this.timeZone };
  }

  private q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  async settings(): Promise<LedgerSettings> {
    const [row] = await this.q<{ value: Partial<LedgerSettings> }>(
      `SELECT value FROM ledger_settings WHERE key = 'policy'`,
    );
    return this.policy(row?.value);
  }

  async earningContext(at: Date): Promise<{ settings: LedgerSettings; rules: EarningRules }> {
    const [row] = await this.q<{
      policy: Partial<LedgerSettings> | null;
      rules: Partial<EarningRules> | null;
    }>(
      `SELECT (SELECT value FROM ledger_settings WHERE key = 'policy') AS policy,
              (SELECT rules FROM earning_rules WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1) AS rules`,
      [at],
    );
    return {
      settings: this.policy(row?.policy),
      rules: { ...DEFAULT_EARNING_RULES, ...row?.rules },
    };
  }

  async earningRules(at: Date): Promise<EarningRules> {
    const [row] = await this.q<{ rules: Partial<EarningRules> }>(
      `SELECT rules FROM earning_rules WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
      [at],
    );
    return { ...DEFAULT_EARNING_RULES, ...row?.rules };
  }

  async parkingPointsPerHour(): Promise<number> {
    const [row] = await this.q<{ value: { pointsPerHour: number } }>(
      `SELECT value FROM ledger_settings WHERE key = 'parking'`,
    );
    return row?.value.pointsPerHour ?? 100;
  }

  async setParkingPointsPerHour(points: number, by: string): Promise<void> {
    await this.q(
      `INSERT INTO ledger_settings (key, value, updated_at, updated_by) VALUES ('parking', $1, now(), $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [JSON.stringify({ pointsPerHour: points }), by],
    );
  }

  async memberExists(memberId: string): Promise<boolean> {
    return (await this.q(`SELECT 1 FROM members WHERE id = $1`, [memberId])).length === 1;
  }

  async memberIdByCode(memberCode: string): Promise<string | null> {
    const [row] = await this.q<{ id: string }>(`SELECT id FROM members WHERE member_code = $1`, [memberCode]);
    return row?.id ?? null;
  }

  async lockAccount(
    memberId: string,
    options: { skipLocked?: boolean; withLots?: boolean } = {},
  ): Promise<PointsAccount | null> {
    this.tx.requireTransaction('locking a points account');
    let row: { available: string; pending: string; debt: string } | undefined;
    if (options.skipLocked) {
      [row] = await this.q<{ available: string; pending: string; debt: string }>(
        `SELECT available, pending, debt FROM member_balances WHERE member_id = $1 FOR UPDATE SKIP LOCKED`,
        [memberId],
      );
    } else {
      // One round trip: creates the balance row on first use (selecting from members keeps the
      // FK from aborting the transaction for an unknown member), else locks the existing row
      // by a no-op update, waiting for any other holder and returning its committed values.
      [row] = await this.q<{ available: string; pending: string; debt: string }>(
        `INSERT INTO member_balances (member_id) SELECT id FROM members WHERE id = $1
         ON CONFLICT (member_id) DO UPDATE SET updated_at = member_balances.updated_at
         RETURNING available, pending, debt`,
        [memberId],
      );
    }
    if (!row) return null;
    const lots = options.withLots === false ? [] : await this.openLots(memberId);
    return new PointsAccount(
      memberId,
      { available: Number(row.available), pending: Number(row.pending), debt: Number(row.debt) },
      lots,
    );
  }

  async openLots(memberId: string): Promise<Lot[]> {
    return (await this.q<LotRow>(OPEN_LOTS, [memberId])).map(toLot);
  }

  async saveAccount(account: PointsAccount, from: number, context: EntryContext): Promise<WrittenEntry[]> {
    this.tx.requireTransaction('writing ledger entries');
    const postings = account.postings.slice(from);
    for (const lot of account.drainChangedLots()) {
      await this.q(
        `INSERT INTO point_lots (id, member_id, state, original, remaining, earned_at, release_at, expires_at, tenant_id, store_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE
           SET member_id = EXCLUDED.member_id, state = EXCLUDED.state, remaining = EXCLUDED.remaining, release_at = EXCLUDED.release_at`,
        [
          lot.id,
          account.memberId,
          lot.state,
          lot.original,
          lot.remaining,
          lot.earnedAt,
          lot.releaseAt,
          lot.expiresAt,
          lot.tenantId,
          lot.storeId,
        ],
      );
    }
    const written: WrittenEntry[] = [];
    for (const posting of postings) {
      const id = uuidv7();
      await this.q(
        `INSERT INTO ledger_entries (id, member_id, kind, points, available_delta, pending_delta, debt_delta, lot_id,
                                     reference_type, reference_id, tenant_id, store_id, reason, actor_kind, actor_id, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          id,
          account.memberId,
          posting.kind,
          posting.points,
          posting.delta.available,
          posting.delta.pending,
          posting.delta.debt,
          posting.lotId,
          context.referenceType,
          context.referenceId,
          context.tenantId,
          context.storeId,
          context.reason,
          context.actorKind,
          context.actorId,
          context.occurredAt,
        ],
      );
      for (const c of posting.consumptions) {
        await this.q(
          `INSERT INTO lot_consumptions (entry_id, lot_id, kind, points, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
          [id, c.lotId, posting.kind, c.points, context.occurredAt],
        );
      }
      written.push({ id, posting });
    }
    const delta = sumDeltas(postings);
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [updated] = await this.q<Array<{ available: string; pending: string; debt: string }>>(
      `UPDATE member_balances
          SET available = available + $2, pending = pending + $3, debt = debt + $4, updated_at = now()
        WHERE member_id = $1
        RETURNING available, pending, debt`,
      [account.memberId, delta.available, delta.pending, delta.debt],
    );
    const row = updated?.[0];
    const stored = {
      available: Number(row?.available),
      pending: Number(row?.pending),
      debt: Number(row?.debt),
    };
    const expected = account.current;
    // The stored balance moved by exactly the entries written: anything else means the row was
    // changed outside the lock, and the transaction must not commit.
    if (
      stored.available !== expected.available ||
      stored.pending !== expected.pending ||
      stored.debt !== expected.debt
    ) {
      throw new Error(
        `balance of ${account.memberId} is ${JSON.stringify(stored)}, entries say ${JSON.stringify(expected)}`,
      );
    }
    return written;
  }

  async balance(memberId: string): Promise<Balance> {
    const [row] = await this.q<{ available: string; pending: string; debt: string }>(
      `SELECT available, pending, debt FROM member_balances WHERE member_id = $1`,
      [memberId],
    );
    return row
      ? { available: Number(row.available), pending: Number(row.pending), debt: Number(row.debt) }
      : { available: 0, pending: 0, debt: 0 };
  }

  async findPurchase(tenantId: string, orderId: string): Promise<PurchaseRecord | null> {
    const [r] = await this.q<Record<string, string & Date>>(
      `SELECT p.id, p.tenant_id, p.order_id, p.member_id, p.store_id, p.amount_fen, p.returned_fen, p.points,
              p.reversed_points, p.lot_id, p.request_hash, p.purchased_at, l.state AS lot_state, l.release_at
         FROM purchases p LEFT JOIN point_lots l ON l.id = p.lot_id
        WHERE p.tenant_id = $1 AND p.order_id = $2`,
      [tenantId, orderId],
    );
    if (!r) return null;
    return {
      id: r.id!,
      tenantId: r.tenant_id!,
      orderId: r.order_id!,
      memberId: r.member_id!,
      storeId: r.store_id!,
      amountFen: Number(r.amount_fen),
      returnedFen: Number(r.returned_fen),
      points: Number(r.points),
      reversedPoints: Number(r.reversed_points),
      lotId: r.lot_id ?? null,
      requestHash: r.request_hash!,
      purchasedAt: new Date(r.purchased_at!),
      releaseAt: r.release_at ? new Date(r.release_at) : null,
      lotState: (r.lot_state as 'PENDING' | 'AVAILABLE' | undefined) ?? null,
    };
  }

  async reassignPurchases(fromMemberId: string, toMemberId: string): Promise<void> {
    await this.q(`UPDATE purchases SET member_id = $2 WHERE member_id = $1`, [fromMemberId, toMemberId]);
  }

  async insertPurchase(
    p: Omit<PurchaseRecord, 'releaseAt' | 'lotState'>,
    recordedAt: Date,
  ): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO purchases (id, tenant_id, order_id, member_id, store_id, amount_fen, returned_fen, points, reversed_points,
                              lot_id, request_hash, purchased_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, 0, $8, $9, $10, $11)
       ON CONFLICT ON CONSTRAINT purchases_tenant_order_unique DO NOTHING
       RETURNING id`,
      [
        p.id,
        p.tenantId,
        p.orderId,
        p.memberId,
        p.storeId,
        p.amountFen,
        p.points,
        p.lotId,
        p.requestHash,
        p.purchasedAt,
        recordedAt,
      ],
    );
    return rows.length === 1;
  }

  async recordReturnOnPurchase(purchaseId: string, amountFen: number, points: number): Promise<void> {
    await this.q(
      `UPDATE purchases SET returned_fen = returned_fen + $2, reversed_points = reversed_points + $3 WHERE id = $1`,
      [purchaseId, amountFen, points],
    );
  }

  async findReturn(purchaseId: string, returnId: string): Promise<ReturnRecord | null> {
    const [r] = await this.q<Record<string, string>>(
      `SELECT id, purchase_id, return_id, amount_fen, points, debt_points FROM purchase_returns WHERE purchase_id = $1 AND return_id = $2`,
      [purchaseId, returnId],
    );
    if (!r) return null;
    return {
      id: r.id!,
      purchaseId: r.purchase_id!,
      returnId: r.return_id!,
      amountFen: Number(r.amount_fen),
      points: Number(r.points),
      debtPoints: Number(r.debt_points),
    };
  }

  async insertReturn(r: ReturnRecord, entryId: string | null, recordedAt: Date): Promise<void> {
    await this.q(
      `INSERT INTO purchase_returns (id, purchase_id, return_id, amount_fen, points, debt_points, entry_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.purchaseId, r.returnId, r.amountFen, r.points, r.debtPoints, entryId, recordedAt],
    );
  }

  async purchasePointsBetween(memberId: string, start: Date, end: Date): Promise<number> {
    const [row] = await this.q<{ points: string }>(
      `SELECT coalesce(sum(points), 0) AS points FROM purchases WHERE member_id = $1 AND purchased_at >= $2 AND purchased_at < $3`,
      [memberId, start, end],
    );
    return Number(row?.points ?? 0);
  }

  async findRedemption(memberId: string, idempotencyKey: string): Promise<RedemptionRecord | null> {
    const [r] = await this.q<{ id: string; request_hash: string; result: unknown }>(
      `SELECT id, request_hash, result FROM redemptions WHERE member_id = $1 AND idempotency_key = $2`,
      [memberId, idempotencyKey],
    );
    return r ? { id: r.id, memberId, idempotencyKey, requestHash: r.request_hash, result: r.result } : null;
  }

  async insertRedemption(
    r: RedemptionRecord & {
      rewardCode: string;
      quantity: number;
      points: number;
      entryId: string;
      redeemedAt: Date;
    },
  ): Promise<void> {
    await this.q(
      `INSERT INTO redemptions (id, member_id, idempotency_key, request_hash, reward_code, quantity, points, entry_id, result, redeemed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        r.id,
        r.memberId,
        r.idempotencyKey,
        r.requestHash,
        r.rewardCode,
        r.quantity,
        r.points,
        r.entryId,
        JSON.stringify(r.result),
        r.redeemedAt,
      ],
    );
  }

  async findReward(code: string): Promise<Reward | null> {
    const [r] = await this.q<{
      code: string;
      kind: Reward['kind'];
      name: string;
      points_cost: number | null;
    }>(`SELECT code, kind, name, points_cost FROM rewards WHERE code = $1 AND active`, [code]);
    if (!r) return null;
    return {
      code: r.code,
      kind: r.kind,
      name: r.name,
      pointsCost: r.points_cost ?? (await this.parkingPointsPerHour()),
    };
  }

  async listRewards(): Promise<Reward[]> {
    const rows = await this.q<{
      code: string;
      kind: Reward['kind'];
      name: string;
      points_cost: number | null;
    }>(`SELECT code, kind, name, points_cost FROM rewards WHERE active ORDER BY kind, code`);
    const parking = await this.parkingPointsPerHour();
    return rows.map((r) => ({
      code: r.code,
      kind: r.kind,
      name: r.name,
      pointsCost: r.points_cost ?? parking,
    }));
  }

  async accountHolder(memberId: string): Promise<{ memberId: string; closed: boolean } | null> {
    const [row] = await this.q<{ id: string; status: string }>(
      `WITH RECURSIVE chain(id, merged_into, status, depth) AS (
         SELECT id, merged_into, status, 0 FROM members WHERE id = $1
         UNION ALL
         SELECT m.id, m.merged_into, m.status, c.depth + 1 FROM members m JOIN chain c ON m.id = c.merged_into WHERE c.depth < 16
       )
       SELECT id, status FROM chain WHERE merged_into IS NULL LIMIT 1`,
      [memberId],
    );
    return row ? { memberId: row.id, closed: row.status === 'CLOSED' } : null;
  }

  async compensationExists(compensationId: string): Promise<boolean> {
    return (
      (await this.q(`SELECT 1 FROM compensations WHERE compensation_id = $1`, [compensationId])).length === 1
    );
  }

  async insertCompensation(c: {
    compensationId: string;
    memberId: string;
    points: number;
    ticketId: string;
    entryId: string;
    recordedAt: Date;
  }): Promise<void> {
    await this.q(
      `INSERT INTO compensations (compensation_id, member_id, points, ticket_id, entry_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.compensationId, c.memberId, c.points, c.ticketId, c.entryId, c.recordedAt],
    );
  }

  async entries(
    memberId: string,
    first: number,
    after: string | null,
  ): Promise<{ rows: EntryRow[]; total: number }> {
    const rows = await this.q<Record<string, string & Date>>(
      `SELECT id, kind, points, available_delta, pending_delta, debt_delta, reference_type, reference_id, store_id, reason, occurred_at
         FROM ledger_entries
        WHERE member_id = $1 AND ($2::uuid IS NULL OR id < $2::uuid)
        ORDER BY id DESC
        LIMIT $3`,
      [memberId, after, first],
    );
    const [count] = await this.q<{ n: string }>(
      `SELECT count(*) AS n FROM ledger_entries WHERE member_id = $1`,
      [memberId],
    );
    return {
      total: Number(count?.n ?? 0),
      rows: rows.map((r) => ({
        id: r.id!,
        kind: r.kind as EntryRow['kind'],
        points: Number(r.points),
        availableDelta: Number(r.available_delta),
        pendingDelta: Number(r.pending_delta),
        debtDelta: Number(r.debt_delta),
        referenceType: r.reference_type ?? null,
        referenceId: r.reference_id ?? null,
        storeId: r.store_id ?? null,
        reason: r.reason ?? null,
        occurredAt: new Date(r.occurred_at!),
      })),
    };
  }

  async settlement(tenantId: string, start: Date, end: Date): Promise<SettlementRow[]> {
    // Issued and reversed: entries booked for the tenant's purchases. Redeemed and expired:
    // what was consumed from lots the tenant funded.
    const rows = await this.q<{ store_id: string; kind: string; points: string }>(
      `SELECT store_id, kind, sum(points) AS points
         FROM ledger_entries
        WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND kind IN ('EARN', 'PENDING', 'REVERSE')
        GROUP BY store_id, kind
       UNION ALL
       SELECT l.store_id, c.kind, sum(c.points) AS points
         FROM lot_consumptions c JOIN point_lots l ON l.id = c.lot_id
        WHERE l.tenant_id = $1 AND c.occurred_at >= $2 AND c.occurred_at < $3 AND c.kind IN ('REDEEM', 'EXPIRE')
        GROUP BY l.store_id, c.kind`,
      [tenantId, start, end],
    );
    const byStore = new Map<string, SettlementRow>();
    for (const r of rows) {
      const line = byStore.get(r.store_id) ?? {
        storeId: r.store_id,
        issued: 0,
        redeemed: 0,
        expired: 0,
        reversed: 0,
      };
      const points = Number(r.points);
      if (r.kind === 'EARN' || r.kind === 'PENDING') line.issued += points;
      else if (r.kind === 'REVERSE') line.reversed += points;
      else if (r.kind === 'REDEEM') line.redeemed += points;
      else if (r.kind === 'EXPIRE') line.expired += points;
      byStore.set(r.store_id, line);
    }
    return [...byStore.values()].sort((a, b) => (a.storeId < b.storeId ? -1 : 1));
  }

  async membersWithDueReleases(now: Date, limit: number): Promise<string[]> {
    const rows = await this.q<{ member_id: string }>(
      `SELECT DISTINCT member_id FROM point_lots WHERE state = 'PENDING' AND release_at <= $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.member_id);
  }

  async membersWithDueExpiries(now: Date, limit: number): Promise<string[]> {
    const rows = await this.q<{ member_id: string }>(
      `SELECT DISTINCT member_id FROM point_lots WHERE state = 'AVAILABLE' AND remaining > 0 AND expires_at <= $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.member_id);
  }

  async dueExpiryWarnings(
    now: Date,
    until: Date,
    limit: number,
  ): Promise<Array<{ memberId: string; expiresAt: Date; points: number }>> {
    const rows = await this.q<{ member_id: string; expires_at: Date; points: string }>(
      `SELECT l.member_id, l.expires_at, sum(l.remaining) AS points
         FROM point_lots l
        WHERE l.state = 'AVAILABLE' AND l.remaining > 0 AND l.expires_at > $1 AND l.expires_at <= $2
          AND NOT EXISTS (SELECT 1 FROM expiry_warnings w WHERE w.member_id = l.member_id AND w.expires_at = l.expires_at)
        GROUP BY l.member_id, l.expires_at
        ORDER BY l.expires_at
        LIMIT $3`,
      [now, until, limit],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      expiresAt: new Date(r.expires_at),
      points: Number(r.points),
    }));
  }

  async insertExpiryWarning(memberId: string, expiresAt: Date, points: number, now: Date): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO expiry_warnings (member_id, expires_at, points, warned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT expiry_warnings_pk DO NOTHING RETURNING member_id`,
      [memberId, expiresAt, points, now],
    );
    return rows.length === 1;
  }
}
