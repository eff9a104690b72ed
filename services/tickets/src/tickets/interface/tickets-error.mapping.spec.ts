import { describe, it, expect } from '@jest/globals';
import { TicketsError, TicketsErrorCode } from '../domain/tickets.errors.js';
import { toAppError } from './tickets-error.mapping.js';

describe('tickets error mapping', () => {
  it.each(Object.values(TicketsErrorCode))('%s maps to a wire category and keeps its reason', (code) => {
    const wire = toAppError(new TicketsError(code, 'x')).toWire();
    expect(wire.reason).toBe(code);
    expect(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN']).toContain(wire.code);
  });
  it('an illegal transition is a CONFLICT, a too-low level FORBIDDEN', () => {
    expect(toAppError(new TicketsError(TicketsErrorCode.ILLEGAL_TRANSITION, 'x')).code).toBe('CONFLICT');
    expect(toAppError(new TicketsError(TicketsErrorCode.LEVEL_TOO_LOW, 'x')).code).toBe('FORBIDDEN');
  });
});
