import type { EarningRules } from '../domain/earning-rules.js';
import type { Balance, EntryKind, Posting } from '../domain/ledger-entry.js';
import type { LedgerPolicy } from '../domain/ledger-policy.js';
import type { Lot, PointsAccount } from '../domain/points-account.js';

/** The mall's IANA time zone the ledger counts its days and months in (MALL_TIME_ZONE). */
export const LEDGER_TIME_ZONE = Symbol('LedgerTimeZone');

/** The mall's policy plus per-store return windows. */
export interface LedgerSettings extends LedgerPolicy {
  returnWindowDaysByStore: Record<string, number>;
}

/** What the application adds to a domain posting when it is written as an entry. */
export interface EntryContext {
  referenceType: string | null;
  referenceId: string | null;
  tenantId: string | null;
  storeId: string | null;
  reason: string | null;
  actorKind: string;
  actorId: string;
  occurredAt: Date;
}

export interface WrittenEntry {
  id: string;
  posting: Posting;
}

export interface PurchaseRecord {
  id: string;
  tenantId: string;
  orderId: string;
  memberId: string;
  storeId: string;
  amountFen: number;
  returnedFen: number;
  points: number;
  reversedPoints: number;
  lotId: string | null;
  requestHash: string;
  purchasedAt: Date;
  /** When its pending points release (null once released or when none). */
  releaseAt: Date | null;
  lotState: 'PENDING' | 'AVAILABLE' | null;
}

export interface ReturnRecord {
  id: string;
  purchaseId: string;
  returnId: string;
  amountFen: number;
  points: number;
  debtPoints: number;
}

export interface RedemptionRecord {
  id: string;
  memberId: string;
  idempotencyKey: string;
  requestHash: string;
  /** The reply of the first call, returned again to retries. */
  result: unknown;
}

export interface Reward {
  code: string;
  kind: 'PARKING' | 'GIFT' | 'COUPON';
  name: string;
  /** For parking, the current points per hour. */
  pointsCost: number;
}

export interface EntryRow {
  id: string;
  kind: EntryKind;
  points: number;
  availableDelta: number;
  pendingDelta: number;
  debtDelta: number;
  referenceType: string | null;
  referenceId: string | null;
  storeId: string | null;
  reason: string | null;
  occurredAt: Date;
}

export interface SettlementRow {
  storeId: string;
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
}

/** Storage of the ledger. Every method runs in the ambient transaction when one is open. */
export abstract class LedgerRepository {
  abstract settings(): Promise<LedgerSettings>;
  abstract earningRules(at: Date): Promise<EarningRules>;
  /** The policy and the earning rules in force at `at`, in one read. */
  abstract earningContext(at: Date): Promise<{ settings: LedgerSettings; rules: EarningRules }>;
  abstract parkingPointsPerHour(): Promise<number>;
  abstract setParkingPointsPerHour(points: number, by: string): Promise<void>;

  abstract memberExists(memberId: string): Promise<boolean>;
  abstract memberIdByCode(memberCode: string): Promise<string | null>;

  /**
   * Locks the member's balance row (creating it at zero if missing) for the rest of the
   * transaction and loads the lots with points left. Null when the member does not exist, or,
   * with `skipLocked`, when another transaction holds the lock (jobs move on to the next
   * member). `withLots: false` skips loading lots, for operations that only credit new lots.
   */
  abstract lockAccount(
    memberId: string,
    options?: { skipLocked?: boolean; withLots?: boolean },
  ): Promise<PointsAccount | null>;
  /**
   * Writes the account's new postings as entries (with their lot consumptions), its changed
   * lots and its balance; checks that the stored balance moved by exactly the sum of the
   * postings. Must run in the transaction that locked the account.
   */
  abstract saveAccount(account: PointsAccount, from: number, context: EntryContext): Promise<WrittenEntry[]>;
  abstract balance(memberId: string): Promise<Balance>;
  /** Lots with points left, without locking (for reads). */
  abstract openLots(memberId: string): Promise<Lot[]>;

  abstract findPurchase(tenantId: string, orderId: string): Promise<PurchaseRecord | null>;
  /** Moves a merged member's purchases to the survivor. */
  abstract reassignPurchases(fromMemberId: string, toMemberId: string): Promise<void>;
  /** False when (tenant, order) exists already. */
  abstract insertPurchase(
    record: Omit<PurchaseRecord, 'releaseAt' | 'lotState'>,
    recordedAt: Date,
  ): Promise<boolean>;
  abstract recordReturnOnPurchase(purchaseId: string, amountFen: number, points: number): Promise<void>;
  abstract findReturn(purchaseId: string, returnId: string): Promise<ReturnRecord | null>;
  abstract insertReturn(record: ReturnRecord, entryId: string | null, recordedAt: Date): Promise<void>;
  /** Points earned from purchases by a member in [start, end). */
  abstract purchasePointsBetween(memberId: string, start: Date, end: Date): Promise<number>;

  abstract findRedemption(memberId: string, idempotencyKey: string): Promise<RedemptionRecord | null>;
  abstract insertRedemption(
    record: RedemptionRecord & {
      rewardCode: string;
      quantity: number;
      points: number;
      entryId: string;
      redeemedAt: Date;
    },
  ): Promise<void>;
  abstract findReward(code: string): Promise<Reward | null>;
  abstract listRewards(): Promise<Reward[]>;

  /**
   * Who holds the points of a member id: the member itself, or the survivor when it was merged
   * (following the chain); `closed` when that account was deleted; null when the id is unknown.
   */
  abstract accountHolder(memberId: string): Promise<{ memberId: string; closed: boolean } | null>;
  abstract compensationExists(compensationId: string): Promise<boolean>;
  abstract insertCompensation(row: {
    compensationId: string;
    memberId: string;
    points: number;
    ticketId: string;
    entryId: string;
    recordedAt: Date;
  }): Promise<void>;

  /** Newest first, strictly older than the cursor entry id. */
  abstract entries(
    memberId: string,
    first: number,
    after: string | null,
  ): Promise<{ rows: EntryRow[]; total: number }>;
  abstract settlement(tenantId: string, start: Date, end: Date): Promise<SettlementRow[]>;

  abstract membersWithDueReleases(now: Date, limit: number): Promise<string[]>;
  abstract membersWithDueExpiries(now: Date, limit: number): Promise<string[]>;
  abstract dueExpiryWarnings(
    now: Date,
    until: Date,
    limit: number,
  ): Promise<Array<{ memberId: string; expiresAt: Date; points: number }>>;
  /** False when the member was already warned about this expiry. */
  abstract insertExpiryWarning(
    memberId: string,
    expiresAt: Date,
    points: number,
    now: Date,
  ): Promise<boolean>;
}
