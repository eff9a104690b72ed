import type { AlertLevel, StaffAlert } from '../domain/staff-alert.js';

export abstract class StaffAlertRepository {
  /** Adds the alert unless one exists for its source event; true when added. */
  abstract addOnce(alert: StaffAlert): Promise<boolean>;
  /** Newest first, of these levels. */
  abstract list(levels: readonly AlertLevel[], first: number): Promise<StaffAlert[]>;
}
