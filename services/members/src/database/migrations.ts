import { MessagingTables1763800000000 } from '@atrium/messaging';
import { CreateMembers1763800100000 } from './migrations/1763800100000-create-members.js';

/** Every migration of the members database, in order. */
export const MEMBERS_MIGRATIONS = [MessagingTables1763800000000, CreateMembers1763800100000];
