import { Injectable } from '@nestjs/common';
import type { Actor, DataAccessEntry } from '@atrium/contracts';
import { mayReadPrivacy } from '../../domain/privacy-access.policy.js';
import { enforce } from '../privacy-access.js';
import { PrivacyRepository } from '../privacy.repository.js';

/** Who looked: the partner reads of a member, newest first. */
@Injectable()
export class ListDataAccessLogQuery {
  constructor(private readonly privacy: PrivacyRepository) {}

  async execute(actor: Actor, memberId: string, first: number): Promise<DataAccessEntry[]> {
    enforce(mayReadPrivacy(actor, memberId), "you may not read this member's access log");
    const entries = await this.privacy.accessLog(memberId, first);
    return entries.map((e) => ({
      tenantId: e.tenantId,
      actorId: e.actorId,
      lookupBy: e.lookupBy,
      accessedAt: e.accessedAt.toISOString(),
    }));
  }
}
