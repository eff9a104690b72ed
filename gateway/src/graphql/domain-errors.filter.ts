import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from '@atrium/platform';

/**
 * Hands domain errors (AppError, including services' RemoteError) from resolvers straight to
 * Apollo, where formatGraphQLError maps them. Without it Nest logs each one at error level
 * with its stack, although a wrong password or a taken phone is not a fault of the gateway.
 */
@Catch(AppError)
export class DomainErrorsFilter implements GqlExceptionFilter {
  catch(exception: AppError, _host: ArgumentsHost): AppError {
    return exception;
  }
}
