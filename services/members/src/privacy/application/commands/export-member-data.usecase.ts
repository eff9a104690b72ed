import { Inject, Injectable } from '@nestjs/common';
import {
  MEMBER_EXPORT_FORMAT,
  type Actor,
  type exportMemberData,
  type OperationResponse,
} from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { PrivacyError, PrivacyErrorCode } from '../../domain/privacy.errors.js';
import { mayActOnOwnAccount } from '../../domain/privacy-access.policy.js';
import { toConsentState } from '../consent-view.js';
import { MemberDataExportRegistry } from '../member-data-export.js';
import { enforce } from '../privacy-access.js';
import { PrivacyRepository } from '../privacy.repository.js';

export type MemberDataExport = OperationResponse<typeof exportMemberData>;

/**
 * The member's own data as JSON sections: profile, identities (full values: it is the member's
 * own data), consent history, partner access log, plus whatever other contexts registered
 * (MemberDataExportRegistry). Read in one transaction so the sections agree with each other.
 */
@Injectable()
export class ExportMemberDataUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly privacy: PrivacyRepository,
    private readonly registry: MemberDataExportRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, memberId: string): Promise<MemberDataExport> {
    enforce(mayActOnOwnAccount(actor, memberId), 'a member may export only its own data');
    return this.tx.run(async () => {
      if (!(await this.privacy.findMember(memberId)))
        throw new PrivacyError(PrivacyErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
      const sections: Record<string, unknown> = {
        profile: await this.privacy.profile(memberId),
        identities: (await this.privacy.identities(memberId)).map((i) => ({
          kind: i.kind,
          value: i.value,
          createdAt: i.createdAt.toISOString(),
        })),
        consents: (await this.privacy.consentHistory(memberId)).map(toConsentState),
        accessLog: (await this.privacy.accessLog(memberId, 10_000)).map((e) => ({
          tenantId: e.tenantId,
          lookupBy: e.lookupBy,
          accessedAt: e.accessedAt.toISOString(),
        })),
      };
      for (const contributor of this.registry.all())
        sections[contributor.section] = await contributor.collect(memberId);
      return {
        format: MEMBER_EXPORT_FORMAT,
        memberId,
        exportedAt: this.clock.now().toISOString(),
        sections,
      };
    });
  }
}
