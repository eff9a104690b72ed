import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { PrivacyError, PrivacyErrorCode } from '../domain/privacy.errors.js';

/** The one mapping from privacy error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: PrivacyError): AppError {
  const as = (code: AppError['code'], reason: string = error.code) =>
    new AppError(code, reason, error.message, error.field);
  switch (error.code) {
    case PrivacyErrorCode.CONSENT_INVALID:
    case PrivacyErrorCode.PHONE_INVALID:
      return as('BAD_USER_INPUT');
    case PrivacyErrorCode.MEMBER_NOT_FOUND:
    case PrivacyErrorCode.LOOKUP_NOT_FOUND:
      return as('NOT_FOUND');
    case PrivacyErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case PrivacyErrorCode.ACCESS_DENIED:
    case PrivacyErrorCode.PARTNER_SCOPE_MISSING:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped privacy error code ${String(code)}`);
}

/** Privacy errors to AppErrors that keep their reason. */
@Catch(PrivacyError)
export class PrivacyErrorFilter implements RpcExceptionFilter<PrivacyError> {
  catch(error: PrivacyError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
