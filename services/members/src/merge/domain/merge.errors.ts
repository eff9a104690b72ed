import { DomainError } from '@atrium/kernel';

/**
 * Why a merge was refused. The reasons are the ones identity used when it ran merges, so
 * clients see the same `reason`; mapped to wire errors in interface/merge-error.mapping.ts.
 */
export const MergeErrorCode = {
  INVALID: 'MEMBER_MERGE_INVALID',
  CONFLICT: 'MEMBER_MERGE_CONFLICT',
  MEMBER_NOT_FOUND: 'MEMBER_NOT_FOUND',
  NOT_SIGNED_IN: 'MEMBER_NOT_SIGNED_IN',
  ACCESS_DENIED: 'MEMBER_ACCESS_DENIED',
} as const;
export type MergeErrorCode = (typeof MergeErrorCode)[keyof typeof MergeErrorCode];

export class MergeError extends DomainError<MergeErrorCode> {}
