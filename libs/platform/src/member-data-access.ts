// The rule lives in the shared kernel; re-exported while callers move to @atrium/kernel.
export { mayReadMemberData, type AccessDecision, type Reader } from '@atrium/kernel';
