import { findMemberByPhone, getMember, registerMember } from './members.operations.js';
import { listInbox, sendLoginCode } from './notifications.operations.js';
import { PING } from './system.operations.js';

export * from './members.operations.js';
export * from './notifications.operations.js';
export * from './system.operations.js';

/** Every request-reply operation; their request and reply topics are created up front. */
export const ALL_OPERATIONS = [registerMember, getMember, findMemberByPhone, sendLoginCode, listInbox, ...Object.values(PING)] as const;
