import { describe, expect, it } from '@jest/globals';
import {
  checkManager,
  checkReadLedger,
  checkRecordPurchase,
  checkRedeem,
  checkSettlement,
  type LedgerActor,
} from './ledger-access.policy.js';
import { LedgerErrorCode } from './ledger.errors.js';

const a = (kind: LedgerActor['kind'], id: string, extra: Partial<LedgerActor> = {}): LedgerActor => ({
  kind,
  id,
  tenantId: null,
  roles: [],
  scopes: [],
  ...extra,
});
const alice = a('member', 'alice');
const frontline = a('staff', 's1', { roles: ['FRONTLINE'] });
const manager = a('staff', 's2', { roles: ['MANAGER'] });
const posA = a('partner', 'key-a', { tenantId: 'tenant-a', scopes: ['purchases:write'] });
const posANoScope = a('partner', 'key-a2', { tenantId: 'tenant-a', scopes: ['members:read'] });
const system = a('system', 'orders');
const anonymous = a('anonymous', 'anonymous');
const code = (r: { code: LedgerErrorCode } | null) => r?.code ?? 'allow';

describe('ledger access policy', () => {
  it.each([
    [alice, 'alice', 'allow'],
    [alice, 'bob', LedgerErrorCode.ACCESS_DENIED],
    [frontline, 'bob', 'allow'],
    [posA, 'bob', LedgerErrorCode.ACCESS_DENIED],
    [anonymous, 'bob', LedgerErrorCode.NOT_SIGNED_IN],
  ])('reading a ledger: %o on %s → %s', (actor, memberId, expected) => {
    expect(code(checkReadLedger(actor, memberId))).toBe(expected);
  });

  it.each([
    [posA, 'tenant-a', 'allow'],
    [posA, 'tenant-b', LedgerErrorCode.OTHER_TENANT],
    [posANoScope, 'tenant-a', LedgerErrorCode.MISSING_SCOPE],
    [system, 'tenant-b', 'allow'],
    [alice, 'tenant-a', LedgerErrorCode.ACCESS_DENIED],
    [manager, 'tenant-a', LedgerErrorCode.ACCESS_DENIED],
    [anonymous, 'tenant-a', LedgerErrorCode.NOT_SIGNED_IN],
  ])('recording a purchase: %o for %s → %s', (actor, tenantId, expected) => {
    expect(code(checkRecordPurchase(actor, tenantId))).toBe(expected);
  });

  it.each([
    [alice, 'alice', 'allow'],
    [alice, 'bob', LedgerErrorCode.ACCESS_DENIED],
    [manager, 'alice', LedgerErrorCode.ACCESS_DENIED],
    [anonymous, 'alice', LedgerErrorCode.NOT_SIGNED_IN],
  ])('redeeming: %o for %s → %s', (actor, memberId, expected) => {
    expect(code(checkRedeem(actor, memberId))).toBe(expected);
  });

  it.each([
    [manager, 'allow'],
    [a('staff', 's3', { roles: ['ADMIN'] }), 'allow'],
    [frontline, LedgerErrorCode.MISSING_ROLE],
    [alice, LedgerErrorCode.ACCESS_DENIED],
    [posA, LedgerErrorCode.ACCESS_DENIED],
  ])('adjusting: %o → %s', (actor, expected) => {
    expect(code(checkManager(actor))).toBe(expected);
  });

  it.each([
    [frontline, 'tenant-b', 'allow'],
    [posA, 'tenant-a', 'allow'],
    [posA, 'tenant-b', LedgerErrorCode.OTHER_TENANT],
    [a('partner', 'k', { tenantId: null }), 'tenant-a', LedgerErrorCode.OTHER_TENANT],
    [alice, 'tenant-a', LedgerErrorCode.ACCESS_DENIED],
  ])('settlement: %o for %s → %s', (actor, tenantId, expected) => {
    expect(code(checkSettlement(actor, tenantId))).toBe(expected);
  });
});
