import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { InboxError, InboxErrorCode } from '../domain/inbox.errors.js';

/** The one mapping from inbox error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: InboxError): AppError {
  switch (error.code) {
    case InboxErrorCode.NOT_SIGNED_IN:
      return new AppError('UNAUTHENTICATED', error.code, error.message);
    case InboxErrorCode.ACCESS_DENIED:
      return new AppError('FORBIDDEN', error.code, error.message);
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped inbox error code ${String(code)}`);
}

@Catch(InboxError)
export class InboxErrorFilter implements RpcExceptionFilter<InboxError> {
  catch(error: InboxError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
