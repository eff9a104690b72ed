import { describe, expect, it } from '@jest/globals';
import { DomainError, unreachable, wireCodes } from './domain-error.js';

type Code = 'TOO_MANY' | 'GONE';
class SampleError extends DomainError<Code> {}

describe('DomainError and its exhaustive mapping', () => {
  const toWire = wireCodes<Code>({ TOO_MANY: 'BAD_USER_INPUT', GONE: 'NOT_FOUND' });

  it('keeps its code, field and class name', () => {
    const e = new SampleError('TOO_MANY', 'quantity: at most 5', 'quantity');
    expect([e.code, e.message, e.field, e.name, e instanceof DomainError]).toEqual([
      'TOO_MANY',
      'quantity: at most 5',
      'quantity',
      'SampleError',
      true,
    ]);
  });

  it('maps every code to its wire category', () => {
    expect([toWire('TOO_MANY'), toWire('GONE')]).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });

  it('throws for a code that escaped the type system', () => {
    expect(() => toWire('OTHER' as Code)).toThrow('unreachable: OTHER');
    expect(() => unreachable('x' as never)).toThrow('unreachable: x');
  });
});
