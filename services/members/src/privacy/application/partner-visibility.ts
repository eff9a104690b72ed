import { Injectable } from '@nestjs/common';

/**
 * A reason other than consent for which a partner tenant may see a member, e.g. "bought in one
 * of its stores" (fed by the ledger's purchases). Sources are asked only when the member never
 * decided SHARE_WITH_TENANT for the tenant (a withdrawal overrides them); any source saying yes
 * makes the member visible.
 */
export interface PartnerVisibilitySource {
  readonly name: string;
  canSee(memberId: string, tenantId: string): Promise<boolean>;
}

/**
 * Port `PartnerVisibility`: extra grounds of partner visibility besides SHARE_WITH_TENANT.
 *
 * The ledger plugs in (`LedgerPrivacyRegistration`): it injects `PartnerVisibility` (the privacy
 * module exports it) and calls `register({ name: 'purchases', canSee })` in its `onModuleInit`,
 * where `canSee` answers from its purchases table inside the ambient transaction.
 */
export abstract class PartnerVisibility {
  abstract register(source: PartnerVisibilitySource): void;
  /** The registered sources' names, in registration order. */
  abstract get sourceNames(): string[];
  abstract canSee(memberId: string, tenantId: string): Promise<boolean>;
}

/** The privacy context's implementation: asks the registered sources in order. */
@Injectable()
export class PartnerVisibilityRegistry extends PartnerVisibility {
  private readonly sources: PartnerVisibilitySource[] = [];

  register(source: PartnerVisibilitySource): void {
    if (this.sources.some((s) => s.name === source.name))
      throw new Error(`partner visibility source ${source.name} is registered twice`);
    this.sources.push(source);
  }

  get sourceNames(): string[] {
    return this.sources.map((s) => s.name);
  }

  async canSee(memberId: string, tenantId: string): Promise<boolean> {
    for (const source of this.sources) if (await source.canSee(memberId, tenantId)) return true;
    return false;
  }
}
