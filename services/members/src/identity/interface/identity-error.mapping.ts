import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors.js';

/** The one mapping from identity error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: IdentityError): AppError {
  const as = (code: AppError['code']) => new AppError(code, error.code, error.message, error.field);
  switch (error.code) {
    case IdentityErrorCode.PHONE_INVALID:
    case IdentityErrorCode.DISPLAY_NAME_INVALID:
    case IdentityErrorCode.CONSENT_INVALID:
    case IdentityErrorCode.IDENTITY_VALUE_INVALID:
    case IdentityErrorCode.CURSOR_INVALID:
      return as('BAD_USER_INPUT');
    case IdentityErrorCode.PHONE_TAKEN:
    case IdentityErrorCode.IDENTITY_TAKEN:
      return as('CONFLICT');
    case IdentityErrorCode.MEMBER_NOT_FOUND:
      return as('NOT_FOUND');
    case IdentityErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case IdentityErrorCode.ACCESS_DENIED:
    case IdentityErrorCode.SYSTEM_ONLY:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped identity error code ${String(code)}`);
}

/** Turns IdentityErrors thrown by the identity handlers into AppErrors that keep their reason. */
@Catch(IdentityError)
export class IdentityErrorFilter implements RpcExceptionFilter<IdentityError> {
  catch(error: IdentityError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
