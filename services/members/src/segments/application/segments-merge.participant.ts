import { Injectable } from '@nestjs/common';
import { SegmentsService } from './segments.service.js';

/**
 * Port (public, see segments/index.ts): the segments' part of a member merge, inside the
 * merge's ambient transaction. The merged member's segments and lifecycle stage are derived
 * data and go; once everything else moved, the survivor's are recomputed.
 */
export abstract class SegmentsMergeParticipant {
  abstract moveMemberData(fromId: string, toId: string): Promise<void>;
  abstract reevaluate(survivorId: string, now: Date): Promise<void>;
}

/** The rows of the segments' tables a merge removes (ambient transaction). */
export abstract class SegmentMergeRows {
  abstract dropDerived(memberId: string): Promise<void>;
}

@Injectable()
export class SegmentsOnMerge extends SegmentsMergeParticipant {
  constructor(
    private readonly rows: SegmentMergeRows,
    private readonly segments: SegmentsService,
  ) {
    super();
  }

  async moveMemberData(fromId: string): Promise<void> {
    await this.rows.dropDerived(fromId);
  }

  async reevaluate(survivorId: string, now: Date): Promise<void> {
    await this.segments.recompute(survivorId, now);
  }
}
