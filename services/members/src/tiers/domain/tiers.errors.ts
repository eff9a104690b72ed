/** Why a tiers operation was refused. Mapped to wire errors in interface/tiers-error.mapping.ts. */
export enum TiersErrorCode {
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  NOT_SIGNED_IN = 'MEMBER_NOT_SIGNED_IN',
  ACCESS_DENIED = 'MEMBER_ACCESS_DENIED',
}

export class TiersError extends Error {
  constructor(
    readonly code: TiersErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TiersError';
  }
}
