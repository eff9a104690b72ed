import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { wireCodes } from '@atrium/kernel';
import { AppError } from '@atrium/platform';
import { MergeError, type MergeErrorCode } from '../domain/merge.errors.js';

/** The one mapping from merge error codes to wire categories; a new code fails to compile until mapped. */
const wireOf = wireCodes<MergeErrorCode>({
  MEMBER_MERGE_INVALID: 'BAD_USER_INPUT',
  MEMBER_MERGE_CONFLICT: 'CONFLICT',
  MEMBER_NOT_FOUND: 'NOT_FOUND',
  MEMBER_NOT_SIGNED_IN: 'UNAUTHENTICATED',
  MEMBER_ACCESS_DENIED: 'FORBIDDEN',
});

export const toAppError = (error: MergeError): AppError =>
  new AppError(wireOf(error.code), error.code, error.message, error.field);

/** Turns MergeErrors into AppErrors that keep their reason. */
@Catch(MergeError)
export class MergeErrorFilter implements RpcExceptionFilter<MergeError> {
  catch(error: MergeError): Observable<never> {
    return throwError(() => toAppError(error));
  }
}
