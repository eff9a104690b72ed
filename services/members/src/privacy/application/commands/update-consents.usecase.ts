import { Inject, Injectable } from '@nestjs/common';
import {
  consentChanged,
  type Actor,
  type MemberConsents,
  type OperationRequest,
  type updateConsents,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { consentDecisions } from '../../domain/consent.js';
import { PrivacyError, PrivacyErrorCode } from '../../domain/privacy.errors.js';
import { mayChangeConsents } from '../../domain/privacy-access.policy.js';
import { toMemberConsents } from '../consent-view.js';
import { enforce } from '../privacy-access.js';
import { PrivacyRepository } from '../privacy.repository.js';

export type UpdateConsentsCommand = OperationRequest<typeof updateConsents>;

/**
 * Grants or withdraws consents: the decisions are appended to the history and
 * members.consent.changed.v1 goes to the outbox in the same transaction. The new decision is
 * in force as soon as the transaction commits (a partner lookup right after a withdrawal
 * finds nothing).
 */
@Injectable()
export class UpdateConsentsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly privacy: PrivacyRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, command: UpdateConsentsCommand): Promise<MemberConsents> {
    enforce(mayChangeConsents(actor, command.memberId), "you may not change this member's consents");
    const now = this.clock.now();
    const decisions = consentDecisions(command.changes, command.sourceChannel, now);
    return this.tx.run(async () => {
      const member = await this.privacy.findMember(command.memberId, true);
      if (!member || member.status !== 'ACTIVE')
        throw new PrivacyError(PrivacyErrorCode.MEMBER_NOT_FOUND, `member ${command.memberId} was not found`);
      await this.privacy.appendConsents(member.id, decisions);
      await this.outbox.add(
        consentChanged,
        {
          memberId: member.id,
          changes: decisions.map((d) => ({
            purpose: d.purpose,
            channel: d.channel,
            tenantId: d.tenantId,
            granted: d.granted,
          })),
          sourceChannel: command.sourceChannel,
          changedAt: now.toISOString(),
        },
        member.id,
      );
      return toMemberConsents(
        await this.privacy.currentConsents(member.id),
        await this.privacy.consentHistory(member.id),
      );
    });
  }
}
