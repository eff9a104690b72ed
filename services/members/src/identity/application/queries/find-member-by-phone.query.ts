import { Injectable } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { IdentityError, IdentityErrorCode } from '../../domain/identity.errors.js';
import { mayResolvePhone } from '../../domain/member-access.policy.js';
import { PhoneNumber } from '../../domain/phone-number.js';
import { MemberRepository } from '../member.repository.js';

/** Resolves a phone to a member id; only platform components may ask (it reveals membership). */
@Injectable()
export class FindMemberByPhoneQuery {
  constructor(private readonly members: MemberRepository) {}

  async execute(actor: Actor, phone: string): Promise<string | null> {
    if (!mayResolvePhone(actor)) {
      throw new IdentityError(
        IdentityErrorCode.SYSTEM_ONLY,
        'only platform components may look members up by phone',
      );
    }
    return this.members.findIdByPhone(PhoneNumber.parse(phone));
  }
}
