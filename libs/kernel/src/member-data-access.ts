/** The part of an actor that decides who may read a member's own data (structurally the contracts' Actor). */
export interface Reader {
  kind: 'member' | 'staff' | 'partner' | 'system' | 'anonymous';
  id: string;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/**
 * Who may read a member's own data (profile, inbox, ...): the member itself, mall staff and
 * platform components. Partner tenants may not: what a partner sees of a member goes through
 * consent-checked views of its own.
 */
export function mayReadMemberData(reader: Reader, memberId: string): AccessDecision {
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
