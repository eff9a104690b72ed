/** Why a ledger operation was refused. Mapped to wire errors in interface/ledger-error.mapping.ts. */
export enum LedgerErrorCode {
  AMOUNT_INVALID = 'POINTS_AMOUNT_INVALID',
  INSUFFICIENT_POINTS = 'POINTS_INSUFFICIENT',
  IDEMPOTENCY_KEY_REUSED = 'POINTS_IDEMPOTENCY_KEY_REUSED',
  ORDER_CONFLICT = 'POINTS_ORDER_CONFLICT',
  PURCHASE_NOT_FOUND = 'POINTS_PURCHASE_NOT_FOUND',
  RETURN_EXCEEDS_PURCHASE = 'POINTS_RETURN_EXCEEDS_PURCHASE',
  REWARD_NOT_FOUND = 'POINTS_REWARD_NOT_FOUND',
  MEMBER_NOT_FOUND = 'POINTS_MEMBER_NOT_FOUND',
  NOT_SIGNED_IN = 'POINTS_NOT_SIGNED_IN',
  ACCESS_DENIED = 'POINTS_ACCESS_DENIED',
  OTHER_TENANT = 'POINTS_OTHER_TENANT',
  MISSING_SCOPE = 'POINTS_MISSING_SCOPE',
  MISSING_ROLE = 'POINTS_MISSING_ROLE',
}

export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    /** The input field at fault, for validation errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

export const insufficientPoints = (wanted: number, available: number) =>
  new LedgerError(
    LedgerErrorCode.INSUFFICIENT_POINTS,
    `${wanted} points are needed but only ${available} are available`,
    'points',
  );

export const amountInvalid = (field: string, problem: string) =>
  new LedgerError(LedgerErrorCode.AMOUNT_INVALID, `${field}: ${problem}`, field);
