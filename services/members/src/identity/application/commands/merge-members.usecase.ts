import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { memberMerged, type Actor, type MemberView } from '@atrium/contracts';
import { atLeast, hasAtLeast } from '@atrium/kernel';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { SegmentsService } from '../../../segments/application/segments.service.js';
import { TierEvaluator } from '../../../tiers/application/tier-evaluator.js';
import { IdentityError, IdentityErrorCode } from '../../domain/identity.errors.js';
import { enforceIdentityAccess } from '../identity-access.js';
import { toMemberView } from '../member-view.js';
import { MemberRepository } from '../member.repository.js';

/** Roles that may merge members: a wrong merge mixes two people's data, so not frontline. */
export const MERGE_ROLES = atLeast('SUPERVISOR');

/** Port: moves points, lots, pending, debt and purchases (the ledger's TransferPointsOnMerge). */
export abstract class MemberPointsTransfer {
  abstract transfer(
    fromMemberId: string,
    toMemberId: string,
    actor: Actor,
  ): Promise<{ available: number; pending: number; debt: number }>;
}

/** The row moves of a merge, across the service's tables, in the ambient transaction. */
export abstract class MergeRepository {
  /** Locks both member rows (in id order); returns their statuses. */
  abstract lockPair(a: string, b: string): Promise<Map<string, string>>;
  abstract moveIdentities(from: string, to: string): Promise<number>;
  /** Fills the survivor's empty profile fields from the merged member; unions preferences and tags. */
  abstract mergeProfile(from: string, to: string): Promise<void>;
  /** Moves consent history for scopes the survivor never decided; the survivor's own decisions stay in force. */
  abstract moveConsents(from: string, to: string): Promise<void>;
  /** Moves the partner access log, tier history, and drops the merged member's derived rows (tier, segments, lifecycle). */
  abstract moveHistory(from: string, to: string): Promise<void>;
  abstract markMerged(
    from: string,
    to: string,
    reason: string,
    actorId: string,
    now: Date,
    mergeId: string,
  ): Promise<void>;
}

/**
 * Merges a duplicate into a survivor in one transaction: identities, profile gaps, consent
 * history, access log, tier history, then points and purchases through the ledger; the merged
 * row becomes MERGED with merged_into = survivor (so its id and member code keep resolving),
 * the survivor's tier and segments are re-evaluated on the combined history, and
 * members.member.merged.v1 goes to the outbox.
 */
@Injectable()
export class MergeMembersUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly members: MemberRepository,
    private readonly merges: MergeRepository,
    private readonly points: MemberPointsTransfer,
    private readonly tiers: TierEvaluator,
    private readonly segments: SegmentsService,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    command: { survivorId: string; mergedId: string; reason: string },
  ): Promise<{
    survivor: MemberView;
    mergedId: string;
    pointsMoved: { available: number; pending: number; debt: number };
    identitiesMoved: number;
  }> {
    enforceIdentityAccess(
      actor,
      actor.kind === 'staff' && hasAtLeast(actor.roles, 'SUPERVISOR'),
      `merging members needs the staff role ${MERGE_ROLES.join(' or ')}`,
    );
    const { survivorId, mergedId, reason } = command;
    if (survivorId === mergedId)
      throw new IdentityError(
        IdentityErrorCode.MERGE_INVALID,
        'mergedId: a member cannot be merged into itself',
        'mergedId',
      );
    return this.tx.run(async () => {
      const statuses = await this.merges.lockPair(survivorId, mergedId);
      for (const [id, field] of [
        [survivorId, 'survivorId'],
        [mergedId, 'mergedId'],
      ] as const) {
        const status = statuses.get(id);
        if (!status)
          throw new IdentityError(
            IdentityErrorCode.MEMBER_NOT_FOUND,
            `${field}: member ${id} was not found`,
            field,
          );
        if (status !== 'ACTIVE')
          throw new IdentityError(
            IdentityErrorCode.MERGE_CONFLICT,
            `${field}: member ${id} is ${status} and cannot take part in a merge`,
            field,
          );
      }
      const now = this.clock.now();
      const identitiesMoved = await this.merges.moveIdentities(mergedId, survivorId);
      await this.merges.mergeProfile(mergedId, survivorId);
      await this.merges.moveConsents(mergedId, survivorId);
      await this.merges.moveHistory(mergedId, survivorId);
      const pointsMoved = await this.points.transfer(mergedId, survivorId, actor);
      await this.merges.markMerged(mergedId, survivorId, reason, actor.id, now, uuidv7());
      await this.tiers.evaluate(survivorId, 'activity', now);
      await this.segments.recompute(survivorId, now);
      await this.outbox.add(
        memberMerged,
        { survivorId, mergedId, reason, mergedAt: now.toISOString() },
        survivorId,
      );
      const survivor = await this.members.findById(survivorId);
      return { survivor: toMemberView(survivor!), mergedId, pointsMoved, identitiesMoved };
    });
  }
}
