import { Injectable } from '@nestjs/common';
import type { Actor, listRewards, OperationResponse } from '@atrium/contracts';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository } from '../ledger.repository.js';

/** The active rewards catalog, for any authenticated caller. */
@Injectable()
export class ListRewardsQuery {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(actor: Actor): Promise<OperationResponse<typeof listRewards>> {
    if (actor.kind === 'anonymous')
      throw new LedgerError(LedgerErrorCode.NOT_SIGNED_IN, 'sign in to see the rewards');
    return { rewards: await this.ledger.listRewards() };
  }
}
