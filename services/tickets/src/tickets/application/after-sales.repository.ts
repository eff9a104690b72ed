import type { AfterSalesRow } from './ticket-record.js';

/** A ticket's after-sales flow (at most one). */
export abstract class AfterSalesRepository {
  abstract ofTicket(ticketId: string): Promise<AfterSalesRow | null>;
  abstract save(ticketId: string, a: AfterSalesRow): Promise<void>;
}
