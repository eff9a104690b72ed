import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { LedgerError, LedgerErrorCode } from '../domain/ledger.errors.js';

/** The one mapping from ledger error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: LedgerError): AppError {
  const as = (code: AppError['code']) => new AppError(code, error.code, error.message, error.field);
  switch (error.code) {
    case LedgerErrorCode.AMOUNT_INVALID:
    case LedgerErrorCode.RETURN_EXCEEDS_PURCHASE:
      return as('BAD_USER_INPUT');
    case LedgerErrorCode.INSUFFICIENT_POINTS:
    case LedgerErrorCode.IDEMPOTENCY_KEY_REUSED:
    case LedgerErrorCode.ORDER_CONFLICT:
      return as('CONFLICT');
    case LedgerErrorCode.PURCHASE_NOT_FOUND:
    case LedgerErrorCode.REWARD_NOT_FOUND:
    case LedgerErrorCode.MEMBER_NOT_FOUND:
      return as('NOT_FOUND');
    case LedgerErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case LedgerErrorCode.ACCESS_DENIED:
    case LedgerErrorCode.OTHER_TENANT:
    case LedgerErrorCode.MISSING_SCOPE:
    case LedgerErrorCode.MISSING_ROLE:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped ledger error code ${String(code)}`);
}

/** Turns LedgerErrors thrown by the ledger handlers into AppErrors that keep their reason. */
@Catch(LedgerError)
export class LedgerErrorFilter implements RpcExceptionFilter<LedgerError> {
  catch(error: LedgerError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
