import type { DeadlineRow } from './ticket-record.js';

/** The rows of `sla_deadlines` the scheduler claims and fires. */
export abstract class DeadlineRepository {
  abstract cancelPending(ticketId: string): Promise<void>;
  /** `target:kind` pairs already fired in this cycle: they never fire twice. */
  abstract fired(ticketId: string, cycle: number): Promise<Set<string>>;
  abstract add(row: Omit<DeadlineRow, 'id'>): Promise<void>;
  /** Claims one due deadline no other scheduler holds (until commit), skipping `exclude`. */
  abstract claimDue(now: Date, exclude: readonly string[]): Promise<DeadlineRow | null>;
  abstract mark(id: string, state: 'FIRED' | 'CANCELLED', by: string): Promise<void>;
}
