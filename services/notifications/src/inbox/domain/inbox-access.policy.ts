/** The part of an actor that decides who may read an inbox (structurally the contracts' Actor). */
export interface Reader {
  kind: 'member' | 'staff' | 'partner' | 'system' | 'anonymous';
  id: string;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/** A member reads its own inbox; mall staff and platform components read any; partners none. */
export function mayReadInbox(reader: Reader, memberId: string): AccessDecision {
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
