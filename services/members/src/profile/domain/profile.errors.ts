/** Why a profile operation was refused. Mapped to wire errors in interface/profile-error.mapping.ts. */
export enum ProfileErrorCode {
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  NOT_SIGNED_IN = 'MEMBER_NOT_SIGNED_IN',
  ACCESS_DENIED = 'MEMBER_ACCESS_DENIED',
  STAFF_ONLY_FIELD = 'MEMBER_STAFF_ONLY_FIELD',
  BIRTHDAY_INVALID = 'MEMBER_BIRTHDAY_INVALID',
}

export class ProfileError extends Error {
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}
