/** Why a segments operation was refused. Mapped to wire errors in interface/segments-error.mapping.ts. */
export enum SegmentsErrorCode {
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  NOT_SIGNED_IN = 'MEMBER_NOT_SIGNED_IN',
  ACCESS_DENIED = 'MEMBER_ACCESS_DENIED',
}

export class SegmentsError extends Error {
  constructor(
    readonly code: SegmentsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SegmentsError';
  }
}
