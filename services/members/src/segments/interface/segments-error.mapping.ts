import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { SegmentsError, SegmentsErrorCode } from '../domain/segments.errors.js';

/** The one mapping from segments error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: SegmentsError): AppError {
  const as = (code: AppError['code']) => new AppError(code, error.code, error.message);
  switch (error.code) {
    case SegmentsErrorCode.MEMBER_NOT_FOUND:
      return as('NOT_FOUND');
    case SegmentsErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case SegmentsErrorCode.ACCESS_DENIED:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped segments error code ${String(code)}`);
}

@Catch(SegmentsError)
export class SegmentsErrorFilter implements RpcExceptionFilter<SegmentsError> {
  catch(error: SegmentsError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
