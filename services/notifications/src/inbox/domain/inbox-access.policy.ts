/** A member reads its own inbox; mall staff and platform components read any; partners none. */
export { mayReadMemberData as mayReadInbox, type AccessDecision, type Reader } from '@atrium/kernel';
