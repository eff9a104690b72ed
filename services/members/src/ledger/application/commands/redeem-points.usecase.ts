import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  pointsRedeemed,
  type Actor,
  type OperationRequest,
  type OperationResponse,
  type redeemPoints,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { checkRedeem, enforce } from '../../domain/ledger-access.policy.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository, type RedemptionRecord } from '../ledger.repository.js';
import { balanceView, redeemedPayload } from '../points-events.js';
import { requestHash } from '../request-hash.js';

export type RedeemPointsCommand = OperationRequest<typeof redeemPoints>;
export type RedeemPointsResult = OperationResponse<typeof redeemPoints>;

/**
 * Spends a member's points on a reward, consuming the lots nearest to expiry first. The
 * (member, idempotency key) pair is looked up under the member's balance lock: a retry gets
 * the first reply, the same key with other content is a CONFLICT, and the unique constraint
 * backs both.
 */
@Injectable()
export class RedeemPointsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, command: RedeemPointsCommand): Promise<RedeemPointsResult> {
    enforce(checkRedeem(actor, command.memberId));
    const hash = requestHash({ rewardCode: command.rewardCode, quantity: command.quantity });
    return this.tx.run(async () => {
      const account = await this.ledger.lockAccount(command.memberId);
      if (!account)
        throw new LedgerError(LedgerErrorCode.MEMBER_NOT_FOUND, 'no member with this id', 'memberId');
      const earlier = await this.ledger.findRedemption(command.memberId, command.idempotencyKey);
      if (earlier) return this.replay(earlier, hash);

      const reward = await this.ledger.findReward(command.rewardCode);
      if (!reward)
        throw new LedgerError(
          LedgerErrorCode.REWARD_NOT_FOUND,
          `no active reward ${command.rewardCode}`,
          'rewardCode',
        );
      const points = reward.pointsCost * command.quantity;
      const now = this.clock.now();
      const from = account.postings.length;
      account.redeem(points, now);
      const id = uuidv7();
      const [entry] = await this.ledger.saveAccount(account, from, {
        referenceType: 'REDEMPTION',
        referenceId: id,
        tenantId: null,
        storeId: null,
        reason: null,
        actorKind: actor.kind,
        actorId: actor.id,
        occurredAt: now,
      });
      const result: RedeemPointsResult = {
        redemptionId: id,
        rewardCode: reward.code,
        quantity: command.quantity,
        points,
        balance: balanceView(account.current),
        redeemedAt: now.toISOString(),
      };
      await this.ledger.insertRedemption({
        id,
        memberId: command.memberId,
        idempotencyKey: command.idempotencyKey,
        requestHash: hash,
        result,
        rewardCode: reward.code,
        quantity: command.quantity,
        points,
        entryId: entry!.id,
        redeemedAt: now,
      });
      await this.outbox.add(
        pointsRedeemed,
        redeemedPayload(
          command.memberId,
          entry!,
          account.current,
          { id, rewardCode: reward.code, quantity: command.quantity },
          now,
        ),
        command.memberId,
      );
      return result;
    });
  }

  private replay(earlier: RedemptionRecord, hash: string): RedeemPointsResult {
    if (earlier.requestHash !== hash)
      throw new LedgerError(
        LedgerErrorCode.IDEMPOTENCY_KEY_REUSED,
        'this idempotency key was already used for a different redemption',
        'idempotencyKey',
      );
    return earlier.result as RedeemPointsResult;
  }
}
