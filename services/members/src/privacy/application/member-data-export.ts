import { Injectable } from '@nestjs/common';

/** One section of a member's data export, contributed by the context that owns the data. */
export interface MemberDataContributor {
  /** Name of the section in the export, e.g. `ledger`; unique. */
  readonly section: string;
  collect(memberId: string): Promise<unknown>;
}

/**
 * Extension point of `exportMyData`. The privacy context writes `profile`, `identities`,
 * `consents` and `accessLog`; other contexts register a contributor from their module's
 * `onModuleInit` (the ledger: section `ledger` with balance, lots, entries and purchases, see
 * `LedgerPrivacyRegistration`).
 */
export abstract class MemberDataExportRegistry {
  abstract register(contributor: MemberDataContributor): void;
  abstract all(): readonly MemberDataContributor[];
}

/** The privacy context's implementation: contributors in registration order, sections unique. */
@Injectable()
export class MemberDataExportSections extends MemberDataExportRegistry {
  private readonly contributors: MemberDataContributor[] = [];

  register(contributor: MemberDataContributor): void {
    if (this.contributors.some((c) => c.section === contributor.section))
      throw new Error(`export section ${contributor.section} is registered twice`);
    this.contributors.push(contributor);
  }

  all(): readonly MemberDataContributor[] {
    return this.contributors;
  }
}
