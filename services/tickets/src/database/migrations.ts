import { MessagingTables1763800000000 } from '@atrium/messaging';

/** Every migration of the tickets database, in order. Only the messaging tables so far: the domain comes in a later issue. */
export const TICKETS_MIGRATIONS = [MessagingTables1763800000000];
