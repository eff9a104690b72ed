import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError } from '@atrium/platform';
import { ProfileError, ProfileErrorCode } from '../domain/profile.errors.js';

/** The one mapping from profile error codes to wire errors; a new code fails to compile until mapped. */
export function toAppError(error: ProfileError): AppError {
  const as = (code: AppError['code']) => new AppError(code, error.code, error.message, error.field);
  switch (error.code) {
    case ProfileErrorCode.BIRTHDAY_INVALID:
      return as('BAD_USER_INPUT');
    case ProfileErrorCode.MEMBER_NOT_FOUND:
      return as('NOT_FOUND');
    case ProfileErrorCode.NOT_SIGNED_IN:
      return as('UNAUTHENTICATED');
    case ProfileErrorCode.ACCESS_DENIED:
    case ProfileErrorCode.STAFF_ONLY_FIELD:
      return as('FORBIDDEN');
    default:
      return unreachable(error.code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unmapped profile error code ${String(code)}`);
}

@Catch(ProfileError)
export class ProfileErrorFilter implements RpcExceptionFilter<ProfileError> {
  catch(error: ProfileError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
