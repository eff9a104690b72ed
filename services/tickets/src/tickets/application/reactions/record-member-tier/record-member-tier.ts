import { Injectable } from '@nestjs/common';
import type { EventPayload, tierChanged } from '@atrium/contracts';
import { MemberTierRepository } from '../../member-tier.repository.js';

/**
 * Keeps each member's tier as the members service announces it, for VIP policy selection and
 * the queue's VIP filter. Runs in the inbox transaction; an older announcement arriving late
 * does not replace a newer one.
 */
@Injectable()
export class RecordMemberTierWhenTierChanged {
  constructor(private readonly memberTiers: MemberTierRepository) {}

  async handle(event: EventPayload<typeof tierChanged>): Promise<void> {
    await this.memberTiers.save(event.memberId, event.toCode, new Date(event.changedAt));
  }
}
