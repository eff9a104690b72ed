import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDataExportRegistry, PartnerVisibility } from '../../privacy/index.js';
import { LedgerMemberData } from '../application/ledger-member-data.js';

/**
 * Plugs the ledger into the privacy context's extension points: a partner tenant may see a
 * member who bought in one of its stores (source `purchases`), and the member's data export
 * gets the `ledger` section (balance, lots, entries, purchases).
 */
@Injectable()
export class LedgerPrivacyRegistration implements OnModuleInit {
  constructor(
    private readonly data: LedgerMemberData,
    private readonly visibility: PartnerVisibility,
    private readonly exports: MemberDataExportRegistry,
  ) {}

  onModuleInit(): void {
    this.visibility.register({
      name: 'purchases',
      canSee: (memberId, tenantId) => this.data.hasPurchasedFromTenant(memberId, tenantId),
    });
    this.exports.register({ section: 'ledger', collect: (memberId) => this.data.exportFor(memberId) });
  }
}
