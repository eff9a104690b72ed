import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { TiersError, TiersErrorCode } from '../domain/tiers.errors.js';

/** The one mapping from tiers error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: TiersError): AppError {
  const as = (code: AppError['code']) => new AppError(code, error.code, error.message);
  switch (error.code) {
    case TiersErrorCode.MEMBER_NOT_FOUND:
      return as('NOT_FOUND');
    case TiersErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case TiersErrorCode.ACCESS_DENIED:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped tiers error code ${String(code)}`);
}

@Catch(TiersError)
export class TiersErrorFilter implements RpcExceptionFilter<TiersError> {
  catch(error: TiersError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
