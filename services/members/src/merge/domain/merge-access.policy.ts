import { atLeast, hasAtLeast } from '@atrium/kernel';
import { MergeError, MergeErrorCode } from './merge.errors.js';

/** Roles that may merge members: a wrong merge mixes two people's data, so not frontline. */
export const MERGE_ROLES = atLeast('SUPERVISOR');

/** The part of an actor the merge rule looks at (structurally the contracts' Actor). */
export interface MergeActor {
  kind: 'member' | 'staff' | 'partner' | 'system' | 'anonymous';
  roles: readonly string[];
}

/** Throws the refusal unless the actor is staff SUPERVISOR or above. */
export function checkMayMerge(actor: MergeActor): void {
  if (actor.kind === 'anonymous') throw new MergeError(MergeErrorCode.NOT_SIGNED_IN, 'sign in first');
  if (actor.kind !== 'staff' || !hasAtLeast(actor.roles, 'SUPERVISOR'))
    throw new MergeError(
      MergeErrorCode.ACCESS_DENIED,
      `merging members needs the staff role ${MERGE_ROLES.join(' or ')}`,
    );
}

/** Throws when a member would be merged into itself. */
export function checkDistinct(survivorId: string, mergedId: string): void {
  if (survivorId === mergedId)
    throw new MergeError(
      MergeErrorCode.INVALID,
      'mergedId: a member cannot be merged into itself',
      'mergedId',
    );
}

/** Throws unless both members were found and are ACTIVE. */
export function checkParties(
  statuses: ReadonlyMap<string, string>,
  parties: ReadonlyArray<readonly [id: string, field: 'survivorId' | 'mergedId']>,
): void {
  for (const [id, field] of parties) {
    const status = statuses.get(id);
    if (!status)
      throw new MergeError(MergeErrorCode.MEMBER_NOT_FOUND, `${field}: member ${id} was not found`, field);
    if (status !== 'ACTIVE')
      throw new MergeError(
        MergeErrorCode.CONFLICT,
        `${field}: member ${id} is ${status} and cannot take part in a merge`,
        field,
      );
  }
}
