/** Why a tickets operation was refused. Mapped to wire errors in interface/tickets-error.mapping.ts. */
export enum TicketsErrorCode {
  INVALID_INPUT = 'TICKET_INVALID_INPUT',
  NOT_FOUND = 'TICKET_NOT_FOUND',
  ILLEGAL_TRANSITION = 'TICKET_ILLEGAL_TRANSITION',
  REOPEN_WINDOW_CLOSED = 'TICKET_REOPEN_WINDOW_CLOSED',
  DEESCALATION_NOT_ALLOWED = 'TICKET_DEESCALATION_NOT_ALLOWED',
  LEVEL_TOO_LOW = 'TICKET_LEVEL_TOO_LOW',
  ALREADY_PAUSED = 'TICKET_ALREADY_PAUSED',
  NOT_PAUSED = 'TICKET_NOT_PAUSED',
  AFTER_SALES_ILLEGAL_STEP = 'TICKET_AFTER_SALES_ILLEGAL_STEP',
  AFTER_SALES_MISSING = 'TICKET_AFTER_SALES_MISSING',
  COMPENSATION_NOT_FOUND = 'TICKET_COMPENSATION_NOT_FOUND',
  COMPENSATION_NOT_PENDING = 'TICKET_COMPENSATION_NOT_PENDING',
  COMPENSATION_ABOVE_LIMIT = 'TICKET_COMPENSATION_ABOVE_LIMIT',
  COMPENSATION_NEEDS_MEMBER = 'TICKET_COMPENSATION_NEEDS_MEMBER',
  NOT_SIGNED_IN = 'TICKET_NOT_SIGNED_IN',
  ACCESS_DENIED = 'TICKET_ACCESS_DENIED',
  MISSING_SCOPE = 'TICKET_MISSING_SCOPE',
  OTHER_TENANT = 'TICKET_OTHER_TENANT',
}

export class TicketsError extends Error {
  constructor(
    readonly code: TicketsErrorCode,
    message: string,
    /** The input field at fault, for validation errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'TicketsError';
  }
}

export const invalidInput = (field: string, problem: string) =>
  new TicketsError(TicketsErrorCode.INVALID_INPUT, `${field}: ${problem}`, field);
