import { Injectable } from '@nestjs/common';
import type { Actor, OperationRequest, OperationResponse, tenantSettlement } from '@atrium/contracts';
import { checkSettlement, enforce } from '../../domain/ledger-access.policy.js';
import { monthBounds } from '../../domain/ledger-policy.js';
import { LedgerRepository } from '../ledger.repository.js';

/**
 * What a tenant owes or is owed for a mall-local month: points issued on its purchases
 * (lots it funded), and of those lots what was redeemed, expired or reversed in the month.
 */
@Injectable()
export class TenantSettlementQuery {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(
    actor: Actor,
    request: OperationRequest<typeof tenantSettlement>,
  ): Promise<OperationResponse<typeof tenantSettlement>> {
    enforce(checkSettlement(actor, request.tenantId));
    const { start, end } = monthBounds(request.month, await this.ledger.settings());
    const stores = await this.ledger.settlement(request.tenantId, start, end);
    const totals = stores.reduce(
      (t, s) => ({
        issued: t.issued + s.issued,
        redeemed: t.redeemed + s.redeemed,
        expired: t.expired + s.expired,
        reversed: t.reversed + s.reversed,
      }),
      { issued: 0, redeemed: 0, expired: 0, reversed: 0 },
    );
    return { tenantId: request.tenantId, month: request.month, stores, totals };
  }
}
