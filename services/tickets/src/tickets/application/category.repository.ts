import type { TicketCategory } from './ticket-record.js';

/** The category taxonomy. */
export abstract class CategoryRepository {
  /** In display order. */
  abstract list(includeInactive: boolean): Promise<TicketCategory[]>;
  abstract get(code: string): Promise<TicketCategory | null>;
  abstract upsert(c: TicketCategory, at: Date, by: string): Promise<void>;
}
