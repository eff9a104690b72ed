import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { memberMerged, type Actor, type MemberView } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { IdentityMergeParticipant } from '../../identity/index.js';
import { LedgerMergeParticipant } from '../../ledger/index.js';
import { PrivacyMergeParticipant } from '../../privacy/index.js';
import { ProfileMergeParticipant } from '../../profile/index.js';
import { SegmentsMergeParticipant } from '../../segments/index.js';
import { TiersMergeParticipant } from '../../tiers/index.js';
import { checkDistinct, checkMayMerge, checkParties } from '../domain/merge-access.policy.js';
import { MergeLog } from './merge-log.repository.js';

export interface MergeMembersResult {
  survivor: MemberView;
  mergedId: string;
  pointsMoved: { available: number; pending: number; debt: number };
  identitiesMoved: number;
}

/**
 * Merges a duplicate into a survivor in one transaction, through each context's public merge
 * port (each runs its own SQL inside this ambient transaction): identity locks both members and
 * moves the channel identities; profile fills the survivor's gaps; privacy moves consent
 * history and the access log; tiers move their history; segments drop the merged member's
 * derived rows; the ledger moves lots, pending points, debt and purchases; identity marks the
 * duplicate MERGED (its id and code keep resolving to the survivor); the merge is logged;
 * tiers and segments re-evaluate the survivor on the combined history; and
 * members.member.merged.v1 goes to the outbox.
 */
@Injectable()
export class MergeMembersUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly identity: IdentityMergeParticipant,
    private readonly profile: ProfileMergeParticipant,
    private readonly privacy: PrivacyMergeParticipant,
    private readonly tiers: TiersMergeParticipant,
    private readonly segments: SegmentsMergeParticipant,
    private readonly ledger: LedgerMergeParticipant,
    private readonly log: MergeLog,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    command: { survivorId: string; mergedId: string; reason: string },
  ): Promise<MergeMembersResult> {
    checkMayMerge(actor);
    const { survivorId, mergedId, reason } = command;
    checkDistinct(survivorId, mergedId);
    return this.tx.run(async () => {
      const statuses = await this.identity.lockPair(survivorId, mergedId);
      checkParties(statuses, [
        [survivorId, 'survivorId'],
        [mergedId, 'mergedId'],
      ]);
      const now = this.clock.now();
      const identitiesMoved = await this.identity.moveMemberData(mergedId, survivorId);
      await this.profile.moveMemberData(mergedId, survivorId);
      await this.privacy.moveMemberData(mergedId, survivorId);
      await this.tiers.moveMemberData(mergedId, survivorId);
      await this.segments.moveMemberData(mergedId, survivorId);
      const pointsMoved = await this.ledger.moveMemberData(mergedId, survivorId, { actor });
      await this.identity.markMerged(mergedId, survivorId);
      await this.log.record({ id: uuidv7(), survivorId, mergedId, reason, actorId: actor.id, mergedAt: now });
      await this.tiers.reevaluate(survivorId, now);
      await this.segments.reevaluate(survivorId, now);
      await this.outbox.add(
        memberMerged,
        { survivorId, mergedId, reason, mergedAt: now.toISOString() },
        survivorId,
      );
      const survivor = await this.identity.memberView(survivorId);
      return { survivor: survivor!, mergedId, pointsMoved, identitiesMoved };
    });
  }
}
