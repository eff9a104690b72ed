import type { Pause } from './ticket-record.js';

/** When a ticket's SLA clock stood still. */
export abstract class PauseRepository {
  abstract ofTicket(ticketId: string): Promise<Pause[]>;
  abstract start(ticketId: string, at: Date, reason: string): Promise<void>;
  /** Ends the open pause (never before it started). */
  abstract end(ticketId: string, at: Date): Promise<void>;
}
