import { atLeast, hasAtLeast } from '@atrium/kernel';
import { LedgerError, LedgerErrorCode } from './ledger.errors.js';

/** The part of an actor the ledger's rules look at (structurally the contracts' Actor). */
export interface LedgerActor {
  kind: 'member' | 'staff' | 'partner' | 'system' | 'anonymous';
  id: string;
  tenantId: string | null;
  roles: readonly string[];
  scopes: readonly string[];
}

/** Adjusting points and the parking rate: MANAGER and above. */
export const ADJUSTING_ROLES = atLeast('MANAGER');
export const PURCHASES_WRITE = 'purchases:write';

const notSignedIn = () =>
  new LedgerError(
    LedgerErrorCode.NOT_SIGNED_IN,
    'sign in first: the points ledger needs an authenticated caller',
  );
const denied = (message: string) => new LedgerError(LedgerErrorCode.ACCESS_DENIED, message);

/** Reading a balance or ledger: the member itself, staff, platform components. Null = allowed. */
export function checkReadLedger(actor: LedgerActor, memberId: string): LedgerError | null {
  switch (actor.kind) {
    case 'anonymous':
      return notSignedIn();
    case 'member':
      return actor.id === memberId ? null : denied('a member can only read its own points');
    case 'staff':
    case 'system':
      return null;
    case 'partner':
      return denied('partners cannot read a member’s points ledger');
  }
}

/**
 * Recording purchases and returns: a partner's POS with `purchases:write`, only for its own
 * tenant (the gateway resolves the store's tenant from the mall directory; the tenant of the
 * credential must match it), or a platform component (online orders).
 */
export function checkRecordPurchase(actor: LedgerActor, tenantId: string): LedgerError | null {
  switch (actor.kind) {
    case 'anonymous':
      return notSignedIn();
    case 'system':
      return null;
    case 'partner':
      if (!actor.scopes.includes(PURCHASES_WRITE))
        return new LedgerError(
          LedgerErrorCode.MISSING_SCOPE,
          `this API key lacks the scope ${PURCHASES_WRITE}`,
        );
      if (!actor.tenantId || actor.tenantId !== tenantId)
        return new LedgerError(
          LedgerErrorCode.OTHER_TENANT,
          'a partner can only record purchases of its own stores',
        );
      return null;
    case 'member':
    case 'staff':
      return denied('purchases are recorded by the store’s POS or the online order system');
  }
}

/** Spending points: only the member itself. */
export function checkRedeem(actor: LedgerActor, memberId: string): LedgerError | null {
  if (actor.kind === 'anonymous') return notSignedIn();
  if (actor.kind !== 'member') return denied('only the member can spend its points');
  return actor.id === memberId ? null : denied('a member can only spend its own points');
}

/** Adjusting points or the parking rate: staff MANAGER and above. */
export function checkManager(actor: LedgerActor): LedgerError | null {
  if (actor.kind === 'anonymous') return notSignedIn();
  if (actor.kind !== 'staff') return denied('only mall staff can do this');
  if (!hasAtLeast(actor.roles, 'MANAGER'))
    return new LedgerError(
      LedgerErrorCode.MISSING_ROLE,
      `this needs the staff role ${ADJUSTING_ROLES.join(' or ')}`,
    );
  return null;
}

/** A tenant's monthly settlement: staff, or that tenant's own partner credential. */
export function checkSettlement(actor: LedgerActor, tenantId: string): LedgerError | null {
  switch (actor.kind) {
    case 'anonymous':
      return notSignedIn();
    case 'staff':
    case 'system':
      return null;
    case 'partner':
      return actor.tenantId && actor.tenantId === tenantId
        ? null
        : new LedgerError(
            LedgerErrorCode.OTHER_TENANT,
            'a partner can only read its own tenant’s settlement',
          );
    case 'member':
      return denied('members cannot read tenant settlements');
  }
}

/** Throws the refusal, if any. */
export function enforce(refusal: LedgerError | null): void {
  if (refusal) throw refusal;
}
