import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  memberRegistered,
  type OperationRequest,
  type registerMember as registerMemberOp,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { identityTaken } from '../../../domain/identity.errors.js';
import { registerMember } from '../../../domain/member.js';
import { generateMemberCode, type RandomBytes } from '../../../domain/member-code.js';
import { PhoneNumber } from '../../../domain/phone-number.js';
import { MEMBER_CODE_RANDOM } from '../../identity.tokens.js';
import { MemberRepository, type MemberRecord } from '../../member.repository.js';

export type RegisterMemberCommand = OperationRequest<typeof registerMemberOp>;

/** Codes drawn before giving up; with 40-bit codes a second draw is already rare. */
export const MEMBER_CODE_ATTEMPTS = 8;

/**
 * Registers a member: the member row, its phone identity, its consents and the
 * memberRegistered event are written in one transaction, or nothing is. The phone is unique
 * through the (kind, value) constraint, so two concurrent sign-ups with one phone leave one
 * member and one CONFLICT.
 */
@Injectable()
export class RegisterMemberUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly members: MemberRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEMBER_CODE_RANDOM) private readonly random: RandomBytes,
  ) {}

  async execute(command: RegisterMemberCommand): Promise<MemberRecord> {
    const phone = PhoneNumber.parse(command.phone);
    return this.tx.run(async () => {
      if (await this.members.findIdByPhone(phone)) throw identityTaken('PHONE');
      const registration = registerMember({
        id: uuidv7(),
        memberCode: generateMemberCode(this.random),
        displayName: command.displayName,
        phone,
        channel: command.channel,
        preferredLanguage: command.preferredLanguage ?? 'zh-CN',
        consents: command.consents ?? [],
        now: this.clock.now(),
      });
      let member = registration.member;
      for (let attempt = 1; !(await this.members.insertMember(member)); attempt += 1) {
        if (attempt >= MEMBER_CODE_ATTEMPTS) throw new Error(`no free member code after ${attempt} draws`);
        member = { ...member, memberCode: generateMemberCode(this.random) };
      }
      await this.members.addIdentity(member.id, 'PHONE', phone.e164, member.registeredAt);
      await this.members.appendConsents(member.id, registration.consents);
      await this.outbox.add(
        memberRegistered,
        {
          memberId: member.id,
          memberCode: member.memberCode,
          displayName: member.displayName,
          channel: member.registeredChannel,
          preferredLanguage: member.preferredLanguage,
          registeredAt: member.registeredAt.toISOString(),
        },
        member.id,
      );
      return { member, phone };
    });
  }
}
