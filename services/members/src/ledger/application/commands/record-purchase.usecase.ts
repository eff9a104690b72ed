import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  pointsEarned,
  purchaseRecorded,
  type Actor,
  type OperationRequest,
  type OperationResponse,
  type recordPurchase,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { pointsFor } from '../../domain/earning-rules.js';
import { checkRecordPurchase, enforce } from '../../domain/ledger-access.policy.js';
import { dayBounds, expiryOf, releaseOf } from '../../domain/ledger-policy.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository, type PurchaseRecord } from '../ledger.repository.js';
import { earnedPayload } from '../points-events.js';
import { requestHash } from '../request-hash.js';
import { TierLookup } from '../tier-lookup.js';

export type RecordPurchaseCommand = OperationRequest<typeof recordPurchase>;
export type RecordPurchaseResult = OperationResponse<typeof recordPurchase>;

const memberNotFound = () =>
  new LedgerError(LedgerErrorCode.MEMBER_NOT_FOUND, 'no member with this id or code', 'memberId');

/**
 * Credits a purchase once per (tenant, order id). Under the member's balance lock: the
 * purchase row (whose unique key decides between racing duplicates), the lot, the entry,
 * the balance and the outbox events are written in one transaction.
 */
@Injectable()
export class RecordPurchaseUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly tiers: TierLookup,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, command: RecordPurchaseCommand): Promise<RecordPurchaseResult> {
    enforce(checkRecordPurchase(actor, command.tenantId));
    const now = this.clock.now();
    const purchasedAt = command.purchasedAt ? new Date(command.purchasedAt) : now;
    if (purchasedAt.getTime() > now.getTime() + 5 * 60_000)
      throw new LedgerError(
        LedgerErrorCode.AMOUNT_INVALID,
        'purchasedAt: must not be in the future',
        'purchasedAt',
      );
    const lines = command.lines?.length
      ? command.lines.map((l) => ({ category: l.category, amountFen: l.amountFen }))
      : [{ category: command.storeCategory, amountFen: command.amountFen }];

    return this.tx.run(async () => {
      const memberId = command.memberId ?? (await this.ledger.memberIdByCode(command.memberCode!));
      if (!memberId) throw memberNotFound();
      const hash = requestHash({
        tenantId: command.tenantId,
        storeId: command.storeId,
        orderId: command.orderId,
        memberId,
        amountFen: command.amountFen,
        lines,
      });
      const earlier = await this.ledger.findPurchase(command.tenantId, command.orderId);
      if (earlier) return this.replay(earlier, hash);

      // A purchase only credits a new lot: the member's existing lots are not needed.
      const account = await this.ledger.lockAccount(memberId, { withLots: false });
      if (!account) throw memberNotFound();
      const { settings, rules } = await this.ledger.earningContext(purchasedAt);
      const day = dayBounds(purchasedAt, settings);
      const earned = pointsFor(rules, {
        storeId: command.storeId,
        tierCode: await this.tiers.tierOf(memberId),
        lines,
        earnedTodayBefore:
          rules.perDayCap === null
            ? 0
            : await this.ledger.purchasePointsBetween(memberId, day.start, day.end),
      });
      const windowDays = settings.returnWindowDaysByStore[command.storeId] ?? settings.returnWindowDays;
      const releaseAt = releaseOf(purchasedAt, { returnWindowDays: windowDays });
      const pending = releaseAt.getTime() > now.getTime();
      const lotId = earned.points > 0 ? uuidv7() : null;
      const purchase = {
        id: uuidv7(),
        tenantId: command.tenantId,
        orderId: command.orderId,
        memberId,
        storeId: command.storeId,
        amountFen: command.amountFen,
        returnedFen: 0,
        points: earned.points,
        reversedPoints: 0,
        lotId,
        requestHash: hash,
        purchasedAt,
      };
      // A racing duplicate committed first: its row wins and this call replays it.
      if (!(await this.ledger.insertPurchase(purchase, now))) {
        return this.replay((await this.ledger.findPurchase(command.tenantId, command.orderId))!, hash);
      }
      await this.outbox.add(
        purchaseRecorded,
        {
          purchaseId: purchase.id,
          memberId,
          tenantId: command.tenantId,
          storeId: command.storeId,
          orderId: command.orderId,
          amountFen: command.amountFen,
          points: earned.points,
          purchasedAt: purchasedAt.toISOString(),
        },
        memberId,
      );
      if (lotId) {
        const from = account.postings.length;
        account.credit(pending ? 'PENDING' : 'EARN', {
          id: lotId,
          points: earned.points,
          earnedAt: purchasedAt,
          releaseAt: pending ? releaseAt : null,
          expiresAt: expiryOf(purchasedAt, settings),
          tenantId: command.tenantId,
          storeId: command.storeId,
        });
        const [entry] = await this.ledger.saveAccount(account, from, {
          referenceType: 'PURCHASE',
          referenceId: purchase.id,
          tenantId: command.tenantId,
          storeId: command.storeId,
          reason: null,
          actorKind: actor.kind,
          actorId: actor.id,
          occurredAt: now,
        });
        await this.outbox.add(
          pointsEarned,
          earnedPayload(
            memberId,
            entry!,
            account.current,
            { tenantId: command.tenantId, storeId: command.storeId },
            now,
          ),
          memberId,
        );
      }
      return {
        purchaseId: purchase.id,
        memberId,
        points: earned.points,
        state: pending && lotId ? 'PENDING' : 'AVAILABLE',
        releaseAt: pending && lotId ? releaseAt.toISOString() : null,
        duplicate: false,
      } satisfies RecordPurchaseResult;
    });
  }

  private replay(earlier: PurchaseRecord, hash: string): RecordPurchaseResult {
    if (earlier.requestHash !== hash) {
      throw new LedgerError(
        LedgerErrorCode.ORDER_CONFLICT,
        'this order id was already recorded with different content (member, store, amount or lines)',
        'orderId',
      );
    }
    return {
      purchaseId: earlier.id,
      memberId: earlier.memberId,
      points: earlier.points,
      state: earlier.lotState === 'PENDING' ? 'PENDING' : 'AVAILABLE',
      releaseAt: earlier.lotState === 'PENDING' && earlier.releaseAt ? earlier.releaseAt.toISOString() : null,
      duplicate: true,
    };
  }
}
