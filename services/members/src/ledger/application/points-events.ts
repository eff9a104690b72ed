import type { EventPayload, pointsEarned, pointsRedeemed } from '@atrium/contracts';
import type { Balance } from '../domain/ledger-entry.js';
import type { WrittenEntry } from './ledger.repository.js';

export const balanceView = (b: Balance) => ({ available: b.available, pending: b.pending, debt: b.debt });

/** The pointsEarned payload of a credit or release entry. */
export function earnedPayload(
  memberId: string,
  entry: WrittenEntry,
  balance: Balance,
  funding: { tenantId: string | null; storeId: string | null },
  at: Date,
): EventPayload<typeof pointsEarned> {
  const { posting } = entry;
  return {
    memberId,
    entryId: entry.id,
    kind: posting.kind as EventPayload<typeof pointsEarned>['kind'],
    points: posting.points,
    debtRepaid: -posting.delta.debt,
    tenantId: funding.tenantId,
    storeId: funding.storeId,
    balance: balanceView(balance),
    occurredAt: at.toISOString(),
  };
}

export function redeemedPayload(
  memberId: string,
  entry: WrittenEntry,
  balance: Balance,
  redemption: { id: string; rewardCode: string; quantity: number } | null,
  at: Date,
): EventPayload<typeof pointsRedeemed> {
  return {
    memberId,
    entryId: entry.id,
    kind: entry.posting.kind as EventPayload<typeof pointsRedeemed>['kind'],
    redemptionId: redemption?.id ?? null,
    rewardCode: redemption?.rewardCode ?? null,
    quantity: redemption?.quantity ?? null,
    points: entry.posting.points,
    balance: balanceView(balance),
    occurredAt: at.toISOString(),
  };
}
