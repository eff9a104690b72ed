/** Why an inbox operation was refused. Mapped to wire errors in interface/inbox-error.mapping.ts. */
export enum InboxErrorCode {
  NOT_SIGNED_IN = 'INBOX_NOT_SIGNED_IN',
  ACCESS_DENIED = 'INBOX_ACCESS_DENIED',
}

export class InboxError extends Error {
  constructor(
    readonly code: InboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InboxError';
  }
}
