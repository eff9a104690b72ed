import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ZodError } from 'zod';
import type { ErrorCode } from '@atrium/contracts';
import { AppError, createLogger, errorForLog, fromZodError, type Logger } from '@atrium/platform';

let log: Logger | undefined;

/** An AppError that also tells the client when trying again makes sense. */
export class RetryLaterError extends AppError {
  constructor(
    message: string,
    reason: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', reason, message);
    this.name = 'RetryLaterError';
  }
}

export interface GatewayErrorExtensions {
  code: ErrorCode;
  reason?: string;
  field?: string;
  errorId?: string;
  retryAfterSeconds?: number;
}

function unreachable(code: never): never {
  throw new Error(`unmapped error code ${String(code)}`);
}

/**
 * The one mapping from Atrium error codes (local AppError or a service's RemoteError) to the
 * `extensions` a GraphQL client sees. Exhaustive: a new code fails to compile until mapped.
 */
export function extensionsFor(error: AppError): GatewayErrorExtensions {
  const wire = error.toWire();
  const code = wire.code;
  switch (code) {
    case 'BAD_USER_INPUT':
      return { code, reason: wire.reason, field: wire.field ?? '(input)' };
    case 'RATE_LIMITED':
      return {
        code,
        reason: wire.reason,
        ...(error instanceof RetryLaterError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      };
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'UPSTREAM_TIMEOUT':
      return { code, reason: wire.reason };
    case 'INTERNAL':
      // A service's internal error: its errorId is the one in that service's log.
      return { code, reason: wire.reason, errorId: wire.errorId ?? 'unknown' };
    default:
      return unreachable(code);
  }
}

/** The error behind a resolver failure (GraphQL wraps thrown values in a GraphQLError). */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * Apollo's formatError: domain errors get their code, field and message; errors of the
 * GraphQL layer (parse, validation, variable coercion) keep Apollo's code; anything else is
 * an INTERNAL error whose details and stack go to the log under an errorId the client gets.
 * No stack trace ever leaves the gateway.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = unwrap(error);
  const base = {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (cause instanceof AppError) {
    return { ...base, message: cause.message, extensions: { ...extensionsFor(cause) } };
  }
  if (cause instanceof ZodError) {
    const appError = fromZodError(cause);
    return { ...base, message: appError.message, extensions: { ...extensionsFor(appError) } };
  }
  if (cause instanceof GraphQLError || cause === undefined || cause === null) {
    // Produced by GraphQL itself or by Apollo (syntax, validation, bad variables, bad request).
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'BAD_REQUEST';
    return { ...base, extensions: { code } };
  }
  const errorId = randomUUID();
  log ??= createLogger('graphql-errors');
  log.error(
    { errorId, path: formatted.path, err: errorForLog(cause) },
    'unexpected error in a GraphQL operation',
  );
  return {
    ...base,
    message: `internal error (errorId ${errorId})`,
    extensions: { code: 'INTERNAL', errorId },
  };
}
