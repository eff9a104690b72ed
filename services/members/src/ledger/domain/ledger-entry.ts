/**
 * Kinds of ledger entries. Entries are appended, never changed; each moves the three balance
 * columns by its deltas, so a balance is always the sum of its member's entries.
 */
export const ENTRY_KINDS = [
  'EARN', // points credited available at once (no return window)
  'PENDING', // points credited pending until the store's return window closes
  'RELEASE', // pending → available (and repays debt first)
  'REDEEM', // available spent on a reward
  'EXPIRE', // available lot past its expiry
  'REVERSE', // a return takes back the purchase's share (pending, then available, then debt)
  'ADJUST', // staff correction with a reason (either sign)
  'COMPENSATE', // credit granted by the tickets service for a complaint
  'TRANSFER_IN', // points received from a merged duplicate member
  'TRANSFER_OUT', // points handed to the surviving member of a merge
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** How an entry moves a balance. Integers; positive delta increases the column. */
export interface BalanceDelta {
  available: number;
  pending: number;
  debt: number;
}

export interface Balance {
  available: number;
  pending: number;
  /** Points taken back by returns after they were spent; repaid by the next earnings. */
  debt: number;
}

export const ZERO_BALANCE: Balance = Object.freeze({ available: 0, pending: 0, debt: 0 });

/** Points taken from one lot by one entry (for FIFO, settlement by store and audits). */
export interface LotConsumption {
  lotId: string;
  points: number;
}

/** One entry as the aggregate produces it; the application adds ids, references and the actor. */
export interface Posting {
  kind: EntryKind;
  /** The magnitude the entry is about (points earned, redeemed, reversed...), always ≥ 0. */
  points: number;
  delta: BalanceDelta;
  consumptions: LotConsumption[];
  /** The lot this entry created or released, if any. */
  lotId: string | null;
}

export function applyDelta(balance: Balance, delta: BalanceDelta): Balance {
  return {
    available: balance.available + delta.available,
    pending: balance.pending + delta.pending,
    debt: balance.debt + delta.debt,
  };
}

export function sumDeltas(postings: readonly { delta: BalanceDelta }[]): BalanceDelta {
  return postings.reduce(
    (sum, p) => ({
      available: sum.available + p.delta.available,
      pending: sum.pending + p.delta.pending,
      debt: sum.debt + p.delta.debt,
    }),
    { available: 0, pending: 0, debt: 0 },
  );
}

export function isValidBalance(balance: Balance): boolean {
  return (
    Number.isSafeInteger(balance.available) &&
    Number.isSafeInteger(balance.pending) &&
    Number.isSafeInteger(balance.debt) &&
    balance.available >= 0 &&
    balance.pending >= 0 &&
    balance.debt >= 0
  );
}
