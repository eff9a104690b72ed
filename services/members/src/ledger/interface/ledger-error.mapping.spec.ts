import { describe, expect, it } from '@jest/globals';
import { LedgerError, LedgerErrorCode } from '../domain/ledger.errors.js';
import { toAppError } from './ledger-error.mapping.js';

describe('ledger error mapping', () => {
  it.each(Object.values(LedgerErrorCode))('%s maps to a wire category and keeps its reason', (code) => {
    const mapped = toAppError(new LedgerError(code, 'why', 'field'));
    expect(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN']).toContain(
      mapped.code,
    );
    expect(mapped.reason).toBe(code);
    expect(mapped.field).toBe('field');
  });

  it.each([
    [LedgerErrorCode.INSUFFICIENT_POINTS, 'CONFLICT'],
    [LedgerErrorCode.IDEMPOTENCY_KEY_REUSED, 'CONFLICT'],
    [LedgerErrorCode.OTHER_TENANT, 'FORBIDDEN'],
    [LedgerErrorCode.AMOUNT_INVALID, 'BAD_USER_INPUT'],
  ])('%s is %s', (code, wire) => {
    expect(toAppError(new LedgerError(code, 'why')).code).toBe(wire);
  });
});
