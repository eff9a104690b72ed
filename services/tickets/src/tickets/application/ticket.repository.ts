import type { TicketRecord } from './ticket-record.js';

/** What the ticket list may be narrowed to; every field present narrows it further. */
export interface TicketListFilter {
  /** A member's own tickets (the caller is that member). */
  ownMemberId?: string;
  /** A tenant's tickets. */
  tenantId?: string;
  statuses?: readonly string[];
  levels?: readonly string[];
  department?: string;
  assigneeId?: string;
  storeId?: string;
  category?: string;
  memberId?: string;
  /** Tickets of members whose tier is (true) or is not (false) one of `tiers`. */
  vip?: { is: boolean; tiers: readonly string[] };
  slaStates?: readonly string[];
  /** Position after which the page starts, in the list's order (next due first, then number). */
  after?: { nextDueAt: string | null; number: string };
}

/** The tickets themselves. Every method runs in the ambient transaction when there is one. */
export abstract class TicketRepository {
  /** Next number of the day (a row lock per day serializes openings of that day only). */
  abstract nextDaySequence(day: string): Promise<number>;
  abstract insert(t: TicketRecord): Promise<void>;
  abstract update(t: TicketRecord): Promise<void>;
  /** With `lock`, the ticket stays locked until the transaction ends. */
  abstract findByNumber(number: string, lock?: boolean): Promise<TicketRecord | null>;
  /** Locks the ticket unless another transaction holds it (then null). */
  abstract tryLockById(id: string): Promise<TicketRecord | null>;
  /** Open tickets planned with an older calendar than `version`, locked, skipping those someone holds. */
  abstract lockTicketsBehindCalendar(version: number, limit: number): Promise<TicketRecord[]>;
  /** Whether any open ticket (locked or not) is still planned with an older calendar. */
  abstract anyTicketBehindCalendar(version: number): Promise<boolean>;
  /** Tickets in list order (next due first, then number). */
  abstract list(filter: TicketListFilter, limit: number): Promise<TicketRecord[]>;
  /**
   * Ids of the tickets of a store and category opened within `windowDays` before `now`, oldest
   * first, after taking a transaction lock on that store and category (openings of the same
   * pair wait for each other, so exactly one reaches a threshold).
   */
  abstract lockRecentOfStoreCategory(
    storeId: string,
    category: string,
    now: Date,
    windowDays: number,
  ): Promise<string[]>;
}
