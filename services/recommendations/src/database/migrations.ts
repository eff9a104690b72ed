import { MessagingTables1763800000000 } from '@atrium/messaging';

/** Every migration of the recommendations database, in order. Only the messaging tables so far: the domain comes in a later issue. */
export const RECOMMENDATIONS_MIGRATIONS = [MessagingTables1763800000000];
