/** The part of an actor that decides who may read a member (structurally the contracts' Actor). */
export interface Reader {
  kind: 'member' | 'staff' | 'partner' | 'system' | 'anonymous';
  id: string;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/**
 * Who may read a member's profile: the member itself, any mall staff, and platform components.
 * Partner tenants may not (reading a member at the counter needs consent, a later feature).
 */
export function mayReadMember(reader: Reader, memberId: string): AccessDecision {
  switch (reader.kind) {
    case 'member':
      return reader.id === memberId ? 'allow' : 'forbidden';
    case 'staff':
    case 'system':
      return 'allow';
    case 'partner':
      return 'forbidden';
    case 'anonymous':
      return 'unauthenticated';
  }
}

/** Resolving a phone to a member is for platform components only (the gateway at login). */
export function mayResolvePhone(reader: Reader): boolean {
  return reader.kind === 'system';
}
