import { Injectable } from '@nestjs/common';
import type { Actor, MemberConsents } from '@atrium/contracts';
import { PrivacyError, PrivacyErrorCode } from '../../domain/privacy.errors.js';
import { mayReadPrivacy } from '../../domain/privacy-access.policy.js';
import { toMemberConsents } from '../consent-view.js';
import { enforce } from '../privacy-access.js';
import { PrivacyRepository } from '../privacy.repository.js';

/** A member's current consents and their history. */
@Injectable()
export class ListConsentsQuery {
  constructor(private readonly privacy: PrivacyRepository) {}

  async execute(actor: Actor, memberId: string): Promise<MemberConsents> {
    enforce(mayReadPrivacy(actor, memberId), "you may not read this member's consents");
    if (!(await this.privacy.findMember(memberId)))
      throw new PrivacyError(PrivacyErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
    return toMemberConsents(
      await this.privacy.currentConsents(memberId),
      await this.privacy.consentHistory(memberId),
    );
  }
}
