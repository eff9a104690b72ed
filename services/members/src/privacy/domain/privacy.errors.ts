/** Why a privacy operation was refused. Mapped to wire errors in interface/privacy-error.mapping.ts. */
export enum PrivacyErrorCode {
  CONSENT_INVALID = 'MEMBER_CONSENT_INVALID',
  /** Same reason as identity's: a phone the kernel's rule refuses. */
  PHONE_INVALID = 'MEMBER_PHONE_INVALID',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  NOT_SIGNED_IN = 'MEMBER_NOT_SIGNED_IN',
  ACCESS_DENIED = 'MEMBER_ACCESS_DENIED',
  PARTNER_SCOPE_MISSING = 'PARTNER_SCOPE_MISSING',
  /** Unknown member, or one that shared nothing with the partner: the same answer, so membership does not leak. */
  LOOKUP_NOT_FOUND = 'MEMBER_LOOKUP_NOT_FOUND',
}

export class PrivacyError extends Error {
  constructor(
    readonly code: PrivacyErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PrivacyError';
  }
}
