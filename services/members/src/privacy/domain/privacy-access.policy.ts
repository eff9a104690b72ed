import type { Actor } from '@atrium/contracts';
import { mayReadMemberData } from '@atrium/kernel';

export type PrivacyDecision = 'allow' | 'unauthenticated' | 'forbidden';

type Reader = Pick<Actor, 'kind' | 'id'>;

/** Reading consents and the access log: the member itself, staff, platform components (the kernel's member-data rule). */
export const mayReadPrivacy: (actor: Reader, memberId: string) => PrivacyDecision = mayReadMemberData;

/** Changing consents: the member itself, or staff recording a decision at a desk or on the hotline. */
export function mayChangeConsents(actor: Reader, memberId: string): PrivacyDecision {
  switch (actor.kind) {
    case 'member':
      return actor.id === memberId ? 'allow' : 'forbidden';
    case 'staff':
      return 'allow';
    case 'system':
    case 'partner':
      return 'forbidden';
    case 'anonymous':
      return 'unauthenticated';
  }
}

/** Exporting or deleting an account: the member itself only. */
export function mayActOnOwnAccount(actor: Reader, memberId: string): PrivacyDecision {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  return actor.kind === 'member' && actor.id === memberId ? 'allow' : 'forbidden';
}

export const PARTNER_LOOKUP_SCOPE = 'members:read';

/** A partner key with the members:read scope and a tenant. */
export function mayLookUpAsPartner(actor: Actor): PrivacyDecision {
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (actor.kind !== 'partner' || !actor.tenantId) return 'forbidden';
  return actor.scopes.includes(PARTNER_LOOKUP_SCOPE) ? 'allow' : 'forbidden';
}
