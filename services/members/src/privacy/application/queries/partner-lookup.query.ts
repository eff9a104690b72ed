import { Inject, Injectable } from '@nestjs/common';
import type { Actor, PartnerMemberView } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { maskPhone, parsePhone } from '@atrium/kernel';
import { tenantShareDecision } from '../../domain/consent.js';
import { nameInitial } from '../../domain/partner-view.js';
import { PrivacyError, PrivacyErrorCode } from '../../domain/privacy.errors.js';
import { mayLookUpAsPartner, PARTNER_LOOKUP_SCOPE } from '../../domain/privacy-access.policy.js';
import { MemberTierSource } from '../member-tier-source.js';
import { PartnerVisibility } from '../partner-visibility.js';
import { PrivacyRepository } from '../privacy.repository.js';

export interface PartnerLookup {
  phone: string | null;
  memberCode: string | null;
}

/** The phone typed by the partner in E.164, or BAD_USER_INPUT naming the field. */
function e164Of(phone: string): string {
  const parsed = parsePhone(phone);
  if (!parsed.ok) throw new PrivacyError(PrivacyErrorCode.PHONE_INVALID, `phone: ${parsed.problem}`, 'phone');
  return parsed.e164;
}

/**
 * A partner tenant looks a member up at its counter. It finds the member only when the member
 * currently shares with the partner's tenant (SHARE_WITH_TENANT), or never decided for that
 * tenant and another visibility source (purchases in its stores) says so; a withdrawal of
 * SHARE_WITH_TENANT for the tenant hides the member whatever else is true. Otherwise the answer
 * is the same as for an unknown member.
 * It sees tier, member code, masked phone and name initial; the read is logged in the same
 * transaction, so there is no read without a log row.
 */
@Injectable()
export class PartnerLookupQuery {
  constructor(
    private readonly tx: TransactionHost,
    private readonly privacy: PrivacyRepository,
    private readonly visibility: PartnerVisibility,
    private readonly tiers: MemberTierSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, lookup: PartnerLookup): Promise<PartnerMemberView> {
    const decision = mayLookUpAsPartner(actor);
    if (decision === 'unauthenticated')
      throw new PrivacyError(PrivacyErrorCode.NOT_SIGNED_IN, 'a partner API key is needed');
    if (decision === 'forbidden')
      throw new PrivacyError(
        PrivacyErrorCode.PARTNER_SCOPE_MISSING,
        `member lookup is for partner API keys with the ${PARTNER_LOOKUP_SCOPE} scope`,
      );
    const tenantId = actor.tenantId!;
    return this.tx.run(async () => {
      const memberId = lookup.phone
        ? await this.privacy.findMemberIdByPhone(e164Of(lookup.phone))
        : await this.privacy.findMemberIdByCode(lookup.memberCode!);
      const member = memberId ? await this.privacy.findMember(memberId) : null;
      // Consent first: a grant shows the member, a withdrawal hides it whatever else is true;
      // only a member who never decided for this tenant is visible through other grounds.
      const share = member
        ? tenantShareDecision(await this.privacy.currentConsents(member.id), tenantId)
        : null;
      const visible =
        member !== null &&
        member.status === 'ACTIVE' &&
        (share === 'GRANTED' ||
          (share === 'UNDECIDED' && (await this.visibility.canSee(member.id, tenantId))));
      if (!member || !visible) {
        throw new PrivacyError(
          PrivacyErrorCode.LOOKUP_NOT_FOUND,
          'no member found that shares data with your store',
        );
      }
      await this.privacy.logPartnerAccess({
        memberId: member.id,
        tenantId,
        actorId: actor.id,
        lookupBy: lookup.phone ? 'PHONE' : 'MEMBER_CODE',
        accessedAt: this.clock.now(),
      });
      return {
        memberCode: member.memberCode,
        tierCode: await this.tiers.tierCodeOf(member.id),
        phoneMasked: member.phone ? maskPhone(member.phone) : '',
        nameInitial: nameInitial(member.displayName),
      };
    });
  }
}
