import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  pointsReversed,
  type Actor,
  type OperationRequest,
  type OperationResponse,
  type recordReturn,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { reversalFor } from '../../domain/earning-rules.js';
import { checkRecordPurchase, enforce } from '../../domain/ledger-access.policy.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository, type ReturnRecord } from '../ledger.repository.js';
import { balanceView } from '../points-events.js';

export type RecordReturnCommand = OperationRequest<typeof recordReturn>;
export type RecordReturnResult = OperationResponse<typeof recordReturn>;

/**
 * Takes back the returned share of a purchase's points, once per (purchase, return id):
 * pending first, then available, and what was already spent becomes debt. The purchase is
 * re-read under the member's balance lock, so concurrent returns of one order add up.
 */
@Injectable()
export class RecordReturnUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, command: RecordReturnCommand): Promise<RecordReturnResult> {
    enforce(checkRecordPurchase(actor, command.tenantId));
    const now = this.clock.now();
    return this.tx.run(async () => {
      const found = await this.ledger.findPurchase(command.tenantId, command.orderId);
      if (!found)
        throw new LedgerError(
          LedgerErrorCode.PURCHASE_NOT_FOUND,
          'no purchase with this order id for the tenant',
          'orderId',
        );
      const account = (await this.ledger.lockAccount(found.memberId))!;
      const purchase = (await this.ledger.findPurchase(command.tenantId, command.orderId))!;

      const earlier = await this.ledger.findReturn(purchase.id, command.returnId);
      if (earlier) {
        if (earlier.amountFen !== command.amountFen)
          throw new LedgerError(
            LedgerErrorCode.ORDER_CONFLICT,
            'this return id was already recorded with a different amount',
            'returnId',
          );
        return {
          purchaseId: purchase.id,
          reversedPoints: earlier.points,
          debtPoints: earlier.debtPoints,
          duplicate: true,
        };
      }
      if (purchase.returnedFen + command.amountFen > purchase.amountFen) {
        throw new LedgerError(
          LedgerErrorCode.RETURN_EXCEEDS_PURCHASE,
          `amountFen: only ${purchase.amountFen - purchase.returnedFen} fen of this purchase are left to return`,
          'amountFen',
        );
      }
      const points = reversalFor({
        purchasePoints: purchase.points,
        purchaseAmountFen: purchase.amountFen,
        returnedBeforeFen: purchase.returnedFen,
        reversedBefore: purchase.reversedPoints,
        returnFen: command.amountFen,
      });
      const record: ReturnRecord = {
        id: uuidv7(),
        purchaseId: purchase.id,
        returnId: command.returnId,
        amountFen: command.amountFen,
        points,
        debtPoints: 0,
      };
      let entryId: string | null = null;
      if (points > 0) {
        const from = account.postings.length;
        const posting = account.reverse(purchase.lotId, points);
        const [entry] = await this.ledger.saveAccount(account, from, {
          referenceType: 'RETURN',
          referenceId: record.id,
          tenantId: purchase.tenantId,
          storeId: purchase.storeId,
          reason: null,
          actorKind: actor.kind,
          actorId: actor.id,
          occurredAt: now,
        });
        entryId = entry!.id;
        record.debtPoints = posting.delta.debt;
        await this.outbox.add(
          pointsReversed,
          {
            memberId: purchase.memberId,
            entryId,
            purchaseId: purchase.id,
            returnId: command.returnId,
            points,
            fromPending: -posting.delta.pending,
            fromAvailable: -posting.delta.available,
            toDebt: posting.delta.debt,
            balance: balanceView(account.current),
            occurredAt: now.toISOString(),
          },
          purchase.memberId,
        );
      }
      await this.ledger.insertReturn(record, entryId, now);
      await this.ledger.recordReturnOnPurchase(purchase.id, command.amountFen, points);
      return {
        purchaseId: purchase.id,
        reversedPoints: points,
        debtPoints: record.debtPoints,
        duplicate: false,
      };
    });
  }
}
