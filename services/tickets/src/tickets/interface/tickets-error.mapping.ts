import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { TicketsError, TicketsErrorCode } from '../domain/tickets.errors.js';

/** The one mapping from ticket error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: TicketsError): AppError {
  const as = (code: AppError['code']) => new AppError(code, error.code, error.message, error.field);
  switch (error.code) {
    case TicketsErrorCode.INVALID_INPUT:
      return as('BAD_USER_INPUT');
    case TicketsErrorCode.NOT_FOUND:
    case TicketsErrorCode.COMPENSATION_NOT_FOUND:
    case TicketsErrorCode.AFTER_SALES_MISSING:
      return as('NOT_FOUND');
    case TicketsErrorCode.ILLEGAL_TRANSITION:
    case TicketsErrorCode.REOPEN_WINDOW_CLOSED:
    case TicketsErrorCode.DEESCALATION_NOT_ALLOWED:
    case TicketsErrorCode.ALREADY_PAUSED:
    case TicketsErrorCode.NOT_PAUSED:
    case TicketsErrorCode.AFTER_SALES_ILLEGAL_STEP:
    case TicketsErrorCode.COMPENSATION_NOT_PENDING:
    case TicketsErrorCode.COMPENSATION_NEEDS_MEMBER:
      return as('CONFLICT');
    case TicketsErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case TicketsErrorCode.LEVEL_TOO_LOW:
    case TicketsErrorCode.COMPENSATION_ABOVE_LIMIT:
    case TicketsErrorCode.ACCESS_DENIED:
    case TicketsErrorCode.MISSING_SCOPE:
    case TicketsErrorCode.OTHER_TENANT:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped tickets error code ${String(code)}`);
}

/** Turns TicketsErrors thrown by the handlers into AppErrors that keep their reason. */
@Catch(TicketsError)
export class TicketsErrorFilter implements RpcExceptionFilter<TicketsError> {
  catch(error: TicketsError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
