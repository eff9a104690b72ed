import type { Actor } from '@atrium/contracts';
import type { Balance } from '../domain/ledger-entry.js';

/**
 * Port (public, see ledger/index.ts): the ledger's part of a member merge, inside the merge's
 * ambient transaction (TransferPointsOnMerge): open lots with their expiry, pending points,
 * debt and purchases move to the survivor; answers the balance that moved.
 */
export abstract class LedgerMergeParticipant {
  abstract moveMemberData(fromId: string, toId: string, merge: { actor: Actor }): Promise<Balance>;
}
