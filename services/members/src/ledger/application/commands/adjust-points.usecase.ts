import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  pointsEarned,
  pointsRedeemed,
  type Actor,
  type adjustPoints,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { checkManager, enforce } from '../../domain/ledger-access.policy.js';
import { expiryOf } from '../../domain/ledger-policy.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository } from '../ledger.repository.js';
import { balanceView, earnedPayload, redeemedPayload } from '../points-events.js';

export type AdjustPointsCommand = OperationRequest<typeof adjustPoints>;

/** A staff correction (MANAGER and above) with a reason: a credit is a new lot; a deduction never goes below zero. */
@Injectable()
export class AdjustPointsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, command: AdjustPointsCommand): Promise<OperationResponse<typeof adjustPoints>> {
    enforce(checkManager(actor));
    return this.tx.run(async () => {
      if (!(await this.ledger.memberExists(command.memberId)))
        throw new LedgerError(LedgerErrorCode.MEMBER_NOT_FOUND, 'no member with this id', 'memberId');
      const account = (await this.ledger.lockAccount(command.memberId))!;
      const now = this.clock.now();
      const from = account.postings.length;
      if (command.points > 0) {
        account.credit('ADJUST', {
          id: uuidv7(),
          points: command.points,
          earnedAt: now,
          releaseAt: null,
          expiresAt: expiryOf(now, await this.ledger.settings()),
          tenantId: null,
          storeId: null,
        });
      } else {
        account.deduct(-command.points, now);
      }
      const [entry] = await this.ledger.saveAccount(account, from, {
        referenceType: 'ADJUSTMENT',
        referenceId: null,
        tenantId: null,
        storeId: null,
        reason: command.reason,
        actorKind: actor.kind,
        actorId: actor.id,
        occurredAt: now,
      });
      if (command.points > 0)
        await this.outbox.add(
          pointsEarned,
          earnedPayload(command.memberId, entry!, account.current, { tenantId: null, storeId: null }, now),
          command.memberId,
        );
      else
        await this.outbox.add(
          pointsRedeemed,
          redeemedPayload(command.memberId, entry!, account.current, null, now),
          command.memberId,
        );
      return { entryId: entry!.id, balance: balanceView(account.current) };
    });
  }
}
