import {
  applyDelta,
  isValidBalance,
  type Balance,
  type BalanceDelta,
  type EntryKind,
  type LotConsumption,
  type Posting,
} from './ledger-entry.js';
import { amountInvalid, insufficientPoints } from './ledger.errors.js';

export type LotState = 'PENDING' | 'AVAILABLE';

/**
 * Points earned together: one purchase, one compensation, one positive adjustment. A lot
 * keeps who funded it (tenant, store) and when it expires; `remaining` is what is left.
 */
export interface Lot {
  id: string;
  state: LotState;
  original: number;
  remaining: number;
  earnedAt: Date;
  /** When a pending lot becomes available (null once available or when it never was pending). */
  releaseAt: Date | null;
  expiresAt: Date;
  tenantId: string | null;
  storeId: string | null;
}

export type NewLot = Omit<Lot, 'state' | 'remaining' | 'original'> & { points: number };

export type CreditKind = Extract<EntryKind, 'EARN' | 'PENDING' | 'COMPENSATE' | 'ADJUST' | 'TRANSFER_IN'>;

const assertPoints = (points: number, field = 'points') => {
  if (!Number.isSafeInteger(points) || points <= 0) throw amountInvalid(field, 'must be a positive integer');
};

/** Nearest expiry first; ties by earning time, then id, so the order is total and repeatable. */
const byExpiry = (a: Lot, b: Lot) =>
  a.expiresAt.getTime() - b.expiresAt.getTime() ||
  a.earnedAt.getTime() - b.earnedAt.getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One member's points: the balance and the lots with points left, loaded under the member's
 * balance row lock. Every operation appends postings whose deltas move the balance, so the
 * balance stays the sum of the entries; available and pending never go below zero (a return
 * that finds the points spent records a debt instead), and debt is repaid first from any
 * points that become available.
 */
export class PointsAccount {
  private balance: Balance;
  private readonly lots = new Map<string, Lot>();
  private readonly touched = new Set<string>();
  readonly postings: Posting[] = [];

  constructor(
    readonly memberId: string,
    balance: Balance,
    lots: readonly Lot[],
  ) {
    if (!isValidBalance(balance))
      throw new Error(`member ${memberId} has an invalid balance ${JSON.stringify(balance)}`);
    this.balance = { ...balance };
    for (const lot of lots) this.lots.set(lot.id, { ...lot });
  }

  get current(): Balance {
    return { ...this.balance };
  }

  lot(id: string): Lot | undefined {
    const lot = this.lots.get(id);
    return lot ? { ...lot } : undefined;
  }

  /** Lots created or changed by the operations so far (to be written back). */
  changedLots(): Lot[] {
    return [...this.touched].map((id) => ({ ...this.lots.get(id)! }));
  }

  /** The changed lots, forgetting them (after they were written). */
  drainChangedLots(): Lot[] {
    const lots = this.changedLots();
    this.touched.clear();
    return lots;
  }

  /** Points a member can spend now: available lots not yet past their expiry. */
  spendable(now: Date): number {
    return this.availableLots(now).reduce((sum, lot) => sum + lot.remaining, 0);
  }

  /** Points of available lots expiring in [now, until), grouped by expiry instant, soonest first. */
  expiringBetween(now: Date, until: Date): Array<{ points: number; on: Date }> {
    const byDay = new Map<number, number>();
    for (const lot of this.availableLots(now)) {
      if (lot.expiresAt.getTime() < until.getTime())
        byDay.set(lot.expiresAt.getTime(), (byDay.get(lot.expiresAt.getTime()) ?? 0) + lot.remaining);
    }
    return [...byDay.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([at, points]) => ({ points, on: new Date(at) }));
  }

  /**
   * Credits a new lot. PENDING keeps it pending until its release; any other kind makes it
   * available at once, repaying debt first.
   */
  credit(kind: CreditKind, lot: NewLot): Posting {
    assertPoints(lot.points);
    if (this.lots.has(lot.id)) throw new Error(`lot ${lot.id} exists already`);
    if (kind === 'PENDING') {
      if (!lot.releaseAt) throw new Error('a pending lot needs a release time');
      this.putLot({ ...lot, state: 'PENDING', original: lot.points, remaining: lot.points });
      return this.post(kind, lot.points, { available: 0, pending: lot.points, debt: 0 }, [], lot.id);
    }
    const repaid = Math.min(this.balance.debt, lot.points);
    this.putLot({
      ...lot,
      releaseAt: null,
      state: 'AVAILABLE',
      original: lot.points,
      remaining: lot.points - repaid,
    });
    return this.post(
      kind,
      lot.points,
      { available: lot.points - repaid, pending: 0, debt: -repaid || 0 },
      repaid > 0 ? [{ lotId: lot.id, points: repaid }] : [],
      lot.id,
    );
  }

  /** Makes a pending lot available (its return window closed); repays debt first. Null if nothing to release. */
  release(lotId: string): Posting | null {
    const lot = this.lots.get(lotId);
    if (!lot || lot.state !== 'PENDING') return null;
    const points = lot.remaining;
    const repaid = Math.min(this.balance.debt, points);
    this.putLot({ ...lot, state: 'AVAILABLE', releaseAt: null, remaining: points - repaid });
    if (points === 0) return null;
    return this.post(
      'RELEASE',
      points,
      { available: points - repaid, pending: -points, debt: -repaid || 0 },
      repaid > 0 ? [{ lotId, points: repaid }] : [],
      lotId,
    );
  }

  /** Pending lots whose return window has closed at `now`. */
  releasable(now: Date): string[] {
    return [...this.lots.values()]
      .filter((l) => l.state === 'PENDING' && l.releaseAt !== null && l.releaseAt.getTime() <= now.getTime())
      .sort(byExpiry)
      .map((l) => l.id);
  }

  /** Spends available points, consuming the lots nearest to expiry first. */
  redeem(points: number, now: Date): Posting {
    assertPoints(points);
    return this.debit('REDEEM', points, now);
  }

  /** A staff correction downwards; never below zero. */
  deduct(points: number, now: Date): Posting {
    assertPoints(points);
    return this.debit('ADJUST', points, now);
  }

  /** Expires what is left of every available lot past its expiry at `now`: one posting per lot. */
  expire(now: Date): Posting[] {
    const due = [...this.lots.values()]
      .filter((l) => l.state === 'AVAILABLE' && l.remaining > 0 && l.expiresAt.getTime() <= now.getTime())
      .sort(byExpiry);
    return due.map((lot) => {
      const points = lot.remaining;
      this.putLot({ ...lot, remaining: 0 });
      return this.post(
        'EXPIRE',
        points,
        { available: -points, pending: 0, debt: 0 },
        [{ lotId: lot.id, points }],
        lot.id,
      );
    });
  }

  /**
   * Takes back `points` for a return: from the purchase's own lot first (pending while the
   * window is open, else what is left of it), then from the member's other available points
   * (nearest expiry first); whatever is still missing becomes debt, never a negative balance.
   */
  reverse(purchaseLotId: string | null, points: number): Posting {
    if (!Number.isSafeInteger(points) || points < 0)
      throw amountInvalid('points', 'must be a non-negative integer');
    const consumptions: LotConsumption[] = [];
    const delta: BalanceDelta = { available: 0, pending: 0, debt: 0 };
    let left = points;
    const own = purchaseLotId ? this.lots.get(purchaseLotId) : undefined;
    if (own && own.remaining > 0 && left > 0) {
      const take = Math.min(own.remaining, left);
      this.putLot({ ...own, remaining: own.remaining - take });
      consumptions.push({ lotId: own.id, points: take });
      if (own.state === 'PENDING') delta.pending -= take;
      else delta.available -= take;
      left -= take;
    }
    for (const lot of [...this.lots.values()]
      .filter((l) => l.state === 'AVAILABLE' && l.remaining > 0)
      .sort(byExpiry)) {
      if (left === 0) break;
      const take = Math.min(lot.remaining, left);
      this.putLot({ ...lot, remaining: lot.remaining - take });
      consumptions.push({ lotId: lot.id, points: take });
      delta.available -= take;
      left -= take;
    }
    delta.debt += left;
    return this.post('REVERSE', points, delta, consumptions, purchaseLotId);
  }

  /**
   * Hands every open lot and the whole balance (debt included) to the surviving member of a
   * merge. The lots leave this account unchanged (same expiry, same funding tenant).
   */
  transferOut(): { posting: Posting; lots: Lot[] } {
    const lots = [...this.lots.values()]
      .filter((l) => l.remaining > 0 || l.state === 'PENDING')
      .sort(byExpiry);
    for (const lot of lots) {
      this.lots.delete(lot.id);
      this.touched.delete(lot.id);
    }
    const { available, pending, debt } = this.balance;
    const posting = this.post(
      'TRANSFER_OUT',
      available + pending,
      { available: -available || 0, pending: -pending || 0, debt: -debt || 0 },
      [],
      null,
    );
    return { posting, lots: lots.map((l) => ({ ...l })) };
  }

  /** Receives the lots and balance of a merged member (the counterpart of transferOut). */
  transferIn(lots: readonly Lot[], moved: Balance): Posting {
    let available = 0;
    let pending = 0;
    for (const lot of lots) {
      if (this.lots.has(lot.id)) throw new Error(`lot ${lot.id} exists already`);
      this.putLot({ ...lot });
      if (lot.state === 'PENDING') pending += lot.remaining;
      else available += lot.remaining;
    }
    if (available !== moved.available || pending !== moved.pending)
      throw new Error(`transferred lots (${available}/${pending}) do not match the transferred balance`);
    return this.post('TRANSFER_IN', available + pending, { ...moved }, [], null);
  }

  private debit(kind: 'REDEEM' | 'ADJUST', points: number, now: Date): Posting {
    const lots = this.availableLots(now);
    const spendable = lots.reduce((sum, lot) => sum + lot.remaining, 0);
    if (spendable < points) throw insufficientPoints(points, spendable);
    const consumptions: LotConsumption[] = [];
    let left = points;
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(lot.remaining, left);
      this.putLot({ ...lot, remaining: lot.remaining - take });
      consumptions.push({ lotId: lot.id, points: take });
      left -= take;
    }
    return this.post(kind, points, { available: -points, pending: 0, debt: 0 }, consumptions, null);
  }

  private availableLots(now: Date): Lot[] {
    return [...this.lots.values()]
      .filter((l) => l.state === 'AVAILABLE' && l.remaining > 0 && l.expiresAt.getTime() > now.getTime())
      .sort(byExpiry);
  }

  private putLot(lot: Lot): void {
    this.lots.set(lot.id, lot);
    this.touched.add(lot.id);
  }

  private post(
    kind: EntryKind,
    points: number,
    delta: BalanceDelta,
    consumptions: LotConsumption[],
    lotId: string | null,
  ): Posting {
    const next = applyDelta(this.balance, delta);
    // The database CHECK repeats this; failing here names the operation that would break it.
    if (!isValidBalance(next))
      throw new Error(`${kind} would leave member ${this.memberId} at ${JSON.stringify(next)}`);
    this.balance = next;
    const posting: Posting = { kind, points, delta, consumptions, lotId };
    this.postings.push(posting);
    return posting;
  }

  /** The lots agree with the balance: pending = Σ pending lots, available = Σ available lots. */
  lotsAgreeWithBalance(): boolean {
    let available = 0;
    let pending = 0;
    for (const lot of this.lots.values()) {
      if (lot.state === 'PENDING') pending += lot.remaining;
      else available += lot.remaining;
    }
    return available === this.balance.available && pending === this.balance.pending;
  }
}
