import type { CompensationRow } from './ticket-record.js';

/** The ledger's answer for a points compensation. */
export interface PostingAnswer {
  compensationId: string;
  outcome: 'POSTED' | 'REFUSED';
  postedAt: Date;
  ledgerEntryId: string | null;
  creditedMemberId: string | null;
  refusal: string | null;
}

export abstract class CompensationRepository {
  abstract add(c: CompensationRow): Promise<void>;
  abstract update(c: CompensationRow): Promise<void>;
  /**
   * Records the ledger's answer for a compensation still PENDING; returns its ticket id, or null
   * when it was answered before (or is unknown), so a repeated answer changes nothing.
   */
  abstract settlePosting(a: PostingAnswer): Promise<{ ticketId: string } | null>;
  abstract ofTicket(ticketId: string): Promise<CompensationRow[]>;
}
