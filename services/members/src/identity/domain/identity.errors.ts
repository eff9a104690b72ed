/** Why an identity operation was refused. Mapped to wire errors in interface/identity-error.mapping.ts. */
export enum IdentityErrorCode {
  PHONE_INVALID = 'MEMBER_PHONE_INVALID',
  PHONE_TAKEN = 'MEMBER_PHONE_TAKEN',
  IDENTITY_TAKEN = 'MEMBER_IDENTITY_TAKEN',
  DISPLAY_NAME_INVALID = 'MEMBER_DISPLAY_NAME_INVALID',
  CONSENT_INVALID = 'MEMBER_CONSENT_INVALID',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  NOT_SIGNED_IN = 'MEMBER_NOT_SIGNED_IN',
  ACCESS_DENIED = 'MEMBER_ACCESS_DENIED',
  SYSTEM_ONLY = 'MEMBER_SYSTEM_ONLY',
  IDENTITY_VALUE_INVALID = 'MEMBER_IDENTITY_VALUE_INVALID',
  CURSOR_INVALID = 'MEMBER_CURSOR_INVALID',
}

export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    /** The input field at fault, for validation errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

/** Another member already holds this identity (for a phone: the number is registered). */
export function identityTaken(kind: string): IdentityError {
  if (kind === 'PHONE') {
    return new IdentityError(
      IdentityErrorCode.PHONE_TAKEN,
      'this phone number is already registered to a member; sign in with it instead',
      'phone',
    );
  }
  return new IdentityError(
    IdentityErrorCode.IDENTITY_TAKEN,
    `this ${kind} identity already belongs to another member`,
  );
}
