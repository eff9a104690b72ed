import { MessagingTables1763800000000 } from '@atrium/messaging';

/** Every migration of the feedback database, in order. Only the messaging tables so far: the domain comes in a later issue. */
export const FEEDBACK_MIGRATIONS = [MessagingTables1763800000000];
