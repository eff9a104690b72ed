import { MessagingTables1763800000000 } from '@atrium/messaging';
import { CreateNotifications1763800200000 } from './migrations/1763800200000-create-notifications.js';
import { CreateStaffAlerts1763800210000 } from './migrations/1763800210000-create-staff-alerts.js';

/** Every migration of the notifications database, in order. */
export const NOTIFICATIONS_MIGRATIONS = [
  MessagingTables1763800000000,
  CreateNotifications1763800200000,
  CreateStaffAlerts1763800210000,
];
