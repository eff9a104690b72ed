import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { SmsError, SmsErrorCode } from '../domain/sms.errors.js';

/** The one mapping from SMS error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: SmsError): AppError {
  switch (error.code) {
    case SmsErrorCode.PHONE_INVALID:
      return new AppError('BAD_USER_INPUT', error.code, error.message, error.field);
    case SmsErrorCode.SYSTEM_ONLY:
      return new AppError('FORBIDDEN', error.code, error.message);
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped SMS error code ${String(code)}`);
}

@Catch(SmsError)
export class SmsErrorFilter implements RpcExceptionFilter<SmsError> {
  catch(error: SmsError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
