import { Inject, Injectable } from '@nestjs/common';
import { memberDeleted, type Actor } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { MemberCodes } from '../../../identity/index.js';
import { PrivacyError, PrivacyErrorCode } from '../../domain/privacy.errors.js';
import { mayActOnOwnAccount } from '../../domain/privacy-access.policy.js';
import { enforce } from '../privacy-access.js';
import { PrivacyRepository } from '../privacy.repository.js';

const CODE_ATTEMPTS = 8;

/**
 * Deletes an account by anonymizing it: the display name is replaced, every channel identity
 * (phone, openid, card...) is removed, the member code is replaced by a fresh one, and the row
 * becomes CLOSED with deleted_at. The member id stays, as an anonymous key: rows that refer to
 * it (consent history, access log, ledger entries) stay consistent. members.member.deleted.v1
 * tells other services in the same transaction. Deleting twice is a no-op that returns the
 * first deletion.
 */
@Injectable()
export class DeleteMemberAccountUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly privacy: PrivacyRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly codes: MemberCodes,
  ) {}

  async execute(actor: Actor, memberId: string): Promise<{ memberId: string; deletedAt: string }> {
    enforce(mayActOnOwnAccount(actor, memberId), 'a member may delete only its own account');
    return this.tx.run(async () => {
      const member = await this.privacy.findMember(memberId, true);
      if (!member)
        throw new PrivacyError(PrivacyErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
      const profile = await this.privacy.profile(memberId);
      if (profile.deletedAt) return { memberId, deletedAt: String(profile.deletedAt) };
      const now = this.clock.now();
      let attempt = 0;
      while (!(await this.privacy.anonymize(memberId, this.codes.draw(), now))) {
        attempt += 1;
        if (attempt >= CODE_ATTEMPTS) throw new Error(`no free member code after ${attempt} draws`);
      }
      await this.outbox.add(memberDeleted, { memberId, deletedAt: now.toISOString() }, memberId);
      return { memberId, deletedAt: now.toISOString() };
    });
  }
}
