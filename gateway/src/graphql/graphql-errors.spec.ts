import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ERROR_CODES } from '@atrium/contracts';
import { AppError, badInput, RemoteError } from '@atrium/platform';
import { extensionsFor, formatGraphQLError, RetryLaterError } from './graphql-errors.js';

/** A resolver failure as Apollo hands it to formatError. */
function format(error: unknown) {
  const wrapped = new GraphQLError(error instanceof Error ? error.message : String(error), {
    path: ['op'],
    originalError: error as Error,
  });
  return formatGraphQLError(
    {
      message: wrapped.message,
      path: ['op'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
    },
    wrapped,
  );
}

describe('GraphQL error mapping', () => {
  it('maps every wire error code to the same extensions.code', () => {
    for (const code of ERROR_CODES) {
      expect(extensionsFor(new AppError(code, 'SOME_REASON', 'message')).code).toBe(code);
    }
  });

  it('BAD_USER_INPUT carries the field', () => {
    expect(format(badInput('input.phone', 'is not a phone'))).toEqual({
      message: 'input.phone: is not a phone',
      path: ['op'],
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.phone' },
    });
  });

  it("a service's error keeps its code and reason; a service's INTERNAL keeps its errorId", () => {
    expect(
      format(new RemoteError({ code: 'CONFLICT', reason: 'MEMBER_PHONE_TAKEN', message: 'taken' }))
        .extensions,
    ).toEqual({
      code: 'CONFLICT',
      reason: 'MEMBER_PHONE_TAKEN',
    });
    expect(
      format(new RemoteError({ code: 'INTERNAL', reason: 'INTERNAL', message: 'boom', errorId: 'e-1' }))
        .extensions,
    ).toEqual({
      code: 'INTERNAL',
      reason: 'INTERNAL',
      errorId: 'e-1',
    });
  });

  it('RATE_LIMITED tells when to retry', () => {
    expect(format(new RetryLaterError('slow down', 'LOGIN_LOCKED', 42)).extensions).toEqual({
      code: 'RATE_LIMITED',
      reason: 'LOGIN_LOCKED',
      retryAfterSeconds: 42,
    });
  });

  it('an unexpected error becomes INTERNAL with an errorId, without its message or stack', () => {
    const formatted = format(new Error('connection string postgres://secret@db leaked'));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL', errorId: expect.any(String) });
    expect(formatted.message).toBe(`internal error (errorId ${String(formatted.extensions!.errorId)})`);
    expect(JSON.stringify(formatted)).not.toContain('secret');
    expect(JSON.stringify(formatted)).not.toContain('stacktrace');
  });

  it('a zod failure is BAD_USER_INPUT naming the field', () => {
    const failure = z.object({ first: z.number().max(100) }).safeParse({ first: 500 });
    expect(format(failure.error).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("errors of the GraphQL layer keep Apollo's code and lose any stacktrace", () => {
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".');
    const formatted = formatGraphQLError(
      {
        message: validation.message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: ...'] },
      },
      validation,
    );
    expect(formatted).toEqual({
      message: validation.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
