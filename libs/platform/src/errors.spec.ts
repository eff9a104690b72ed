import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { AppError, badInput, fromZodError, RemoteError, toWireError } from './errors.js';

describe('errors', () => {
  it('names the first bad field of a zod failure and lists all of them', () => {
    const schema = z.object({ phone: z.string().regex(/^\d+$/, 'must be digits'), age: z.number().int() });
    const result = schema.safeParse({ phone: 'abc', age: 1.5 });
    const error = fromZodError((result as { error: z.ZodError }).error, 'input');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('input.phone');
    expect(error.message).toContain('input.phone: must be digits');
    expect(error.message).toContain('input.age');
  });

  it('keeps an AppError as it is on the wire', () => {
    expect(toWireError(badInput('amount', 'must be a positive integer'), () => undefined)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      message: 'amount: must be a positive integer',
      field: 'amount',
    });
  });

  it('hides an unknown error behind INTERNAL with an errorId that is logged', () => {
    const logged: string[] = [];
    const wire = toWireError(new Error('password=hunter2 at db.ts:12'), (id) => logged.push(id));
    expect(wire.code).toBe('INTERNAL');
    expect(wire.message).not.toContain('hunter2');
    expect(wire.errorId).toBeDefined();
    expect(logged).toEqual([wire.errorId]);
  });

  it('rebuilds a remote error with its code, reason and field', () => {
    const remote = new RemoteError({ code: 'CONFLICT', reason: 'MEMBER_PHONE_TAKEN', message: 'taken' });
    expect(remote).toBeInstanceOf(AppError);
    expect(remote.reason).toBe('MEMBER_PHONE_TAKEN');
    expect(remote.toWire()).toEqual({ code: 'CONFLICT', reason: 'MEMBER_PHONE_TAKEN', message: 'taken' });
  });
});
