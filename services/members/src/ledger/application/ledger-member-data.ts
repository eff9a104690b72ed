/** What the ledger holds about one member, as the member's data export shows it. */
export interface LedgerExportSection {
  balance: { available: number; pending: number; debt: number };
  lots: Array<{
    id: string;
    state: 'PENDING' | 'AVAILABLE';
    original: number;
    remaining: number;
    earnedAt: string;
    releaseAt: string | null;
    expiresAt: string;
    tenantId: string | null;
    storeId: string | null;
  }>;
  entries: Array<{
    id: string;
    kind: string;
    points: number;
    availableDelta: number;
    pendingDelta: number;
    debtDelta: number;
    referenceType: string | null;
    referenceId: string | null;
    tenantId: string | null;
    storeId: string | null;
    reason: string | null;
    occurredAt: string;
  }>;
  purchases: Array<{
    id: string;
    tenantId: string;
    storeId: string;
    orderId: string;
    amountFen: number;
    returnedFen: number;
    points: number;
    reversedPoints: number;
    purchasedAt: string;
  }>;
}

/**
 * Reads of the ledger for the privacy context: whether a member bought in a tenant's stores
 * (partner visibility) and the ledger's section of the member's data export. Runs in the
 * ambient transaction, so the export's sections agree with each other.
 */
export abstract class LedgerMemberData {
  abstract hasPurchasedFromTenant(memberId: string, tenantId: string): Promise<boolean>;
  abstract exportFor(memberId: string): Promise<LedgerExportSection>;
}
