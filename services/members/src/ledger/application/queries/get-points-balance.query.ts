import { Inject, Injectable } from '@nestjs/common';
import type { Actor, getPointsBalance, OperationResponse } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { checkReadLedger, enforce } from '../../domain/ledger-access.policy.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { PointsAccount } from '../../domain/points-account.js';
import { LedgerRepository } from '../ledger.repository.js';

const DAY_MS = 86_400_000;

/** Balance and the points expiring within the warning window (read in one snapshot, no lock). */
@Injectable()
export class GetPointsBalanceQuery {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, memberId: string): Promise<OperationResponse<typeof getPointsBalance>> {
    enforce(checkReadLedger(actor, memberId));
    return this.tx.run(async (manager) => {
      await manager.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      if (!(await this.ledger.memberExists(memberId)))
        throw new LedgerError(LedgerErrorCode.MEMBER_NOT_FOUND, 'no member with this id', 'memberId');
      const settings = await this.ledger.settings();
      const balance = await this.ledger.balance(memberId);
      const lots = await this.ledger.openLots(memberId);
      const now = this.clock.now();
      const account = new PointsAccount(memberId, balance, lots);
      const soon = account.expiringBetween(
        now,
        new Date(now.getTime() + settings.expiryWarningDays * DAY_MS),
      );
      return { ...balance, expiringSoon: soon.map((s) => ({ points: s.points, on: s.on.toISOString() })) };
    });
  }
}
