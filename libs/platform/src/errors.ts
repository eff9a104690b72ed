import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import type { ErrorCode, WireError } from '@atrium/contracts';

/**
 * An error the caller can act on. `reason` is the context's own code (e.g. MEMBER_PHONE_TAKEN);
 * `code` is the wire category that becomes GraphQL `extensions.code`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toWire(): WireError {
    return { code: this.code, reason: this.reason, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

export const badInput = (field: string, problem: string, reason = 'INVALID_INPUT') =>
  new AppError('BAD_USER_INPUT', reason, `${field}: ${problem}`, field);
export const notFound = (what: string, reason = 'NOT_FOUND') => new AppError('NOT_FOUND', reason, `${what} was not found`);
export const conflict = (message: string, reason: string) => new AppError('CONFLICT', reason, message);
export const forbidden = (message: string, reason = 'FORBIDDEN') => new AppError('FORBIDDEN', reason, message);
export const unauthenticated = (message: string, reason = 'UNAUTHENTICATED') =>
  new AppError('UNAUTHENTICATED', reason, message);
export const rateLimited = (message: string, reason = 'RATE_LIMITED') => new AppError('RATE_LIMITED', reason, message);

/** Turns a zod failure into one BAD_USER_INPUT naming the first bad field (all are listed in the message). */
export function fromZodError(error: ZodError, root?: string): AppError {
  const problems = error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path: path || '(input)', message: issue.message };
  });
  const first = problems[0] ?? { path: root ?? '(input)', message: 'is invalid' };
  const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', 'INVALID_INPUT', message, first.path);
}

/**
 * Maps any thrown value to what may leave the process. Unknown errors become INTERNAL
 * with an errorId that is logged here with the stack; no stack trace is returned.
 */
export function toWireError(error: unknown, log: (errorId: string, error: unknown) => void): WireError {
  if (error instanceof AppError) return error.toWire();
  if (error instanceof ZodError) return fromZodError(error).toWire();
  const errorId = randomUUID();
  log(errorId, error);
  return { code: 'INTERNAL', reason: 'INTERNAL', message: `internal error (errorId ${errorId})`, errorId };
}

/** An error received from another process, keeping its wire shape. */
export class RemoteError extends AppError {
  constructor(readonly wire: WireError) {
    super(wire.code, wire.reason ?? wire.code, wire.message, wire.field);
    this.name = 'RemoteError';
  }
  override toWire(): WireError {
    return this.wire;
  }
}
