import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LEDGER_ENTRY_KINDS, REWARD_KINDS, type LedgerEntryView } from '@atrium/contracts';
import { PageInfo } from '../../graphql/page-info.js';
import { enumOfNames } from '../../graphql/enums.js';

export const RewardKindEnum = enumOfNames(REWARD_KINDS);
export const LedgerEntryKindEnum = enumOfNames(LEDGER_ENTRY_KINDS);
registerEnumType(RewardKindEnum, {
  name: 'RewardKind',
  description: 'What points buy: parking hours, gifts, coupons.',
});
registerEnumType(LedgerEntryKindEnum, {
  name: 'LedgerEntryKind',
  description:
    'EARN/PENDING credit a purchase; RELEASE makes pending points available; REDEEM, EXPIRE, REVERSE (returns), ADJUST (staff), COMPENSATE (tickets), TRANSFER_IN/OUT (merges).',
});

@ObjectType({ description: 'Points that expire together.' })
export class ExpiringPoints {
  @Field(() => Int)
  points!: number;

  @Field(() => GraphQLISODateTime, { description: 'The instant they expire.' })
  on!: Date;
}

@ObjectType({
  description: 'A member’s points. Never negative: points taken back after they were spent are debt.',
})
export class PointsSummary {
  @Field(() => Int, { description: 'Points that can be spent now.' })
  available!: number;

  @Field(() => Int, { description: 'Earned points waiting for the store’s return window to close.' })
  pending!: number;

  @Field(() => Int, {
    description:
      'Points owed after a return of a purchase whose points were spent; repaid by the next earnings.',
  })
  debt!: number;

  @Field(() => [ExpiringPoints], { description: 'Points expiring within the warning window, soonest first.' })
  expiringSoon!: ExpiringPoints[];
}

@ObjectType({ description: 'One append-only entry of a member’s points ledger.' })
export class PointsLedgerEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => LedgerEntryKindEnum)
  kind!: string;

  @Field(() => Int, { description: 'How many points the entry is about.' })
  points!: number;

  @Field(() => Int)
  availableDelta!: number;

  @Field(() => Int)
  pendingDelta!: number;

  @Field(() => Int)
  debtDelta!: number;

  @Field(() => String, {
    nullable: true,
    description: 'PURCHASE, RETURN, REDEMPTION, ADJUSTMENT or COMPENSATION.',
  })
  referenceType!: string | null;

  @Field(() => String, { nullable: true })
  referenceId!: string | null;

  @Field(() => ID, { nullable: true })
  storeId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why staff adjusted, or why a compensation was granted.',
  })
  reason!: string | null;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  static from(view: LedgerEntryView): PointsLedgerEntry {
    return Object.assign(new PointsLedgerEntry(), { ...view, occurredAt: new Date(view.occurredAt) });
  }
}

@ObjectType()
export class PointsLedgerEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PointsLedgerEntry)
  node!: PointsLedgerEntry;
}

@ObjectType({ description: 'A member’s ledger entries, newest first (Relay connection).' })
export class PointsLedgerConnection {
  @Field(() => [PointsLedgerEdge])
  edges!: PointsLedgerEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'Something points buy.' })
export class Reward {
  @Field(() => String)
  code!: string;

  @Field(() => RewardKindEnum)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Points per unit (per hour for parking).' })
  pointsCost!: number;
}

@ObjectType({ description: 'Points of the lots a tenant funded, for one store and month.' })
export class SettlementLine {
  @Field(() => ID)
  storeId!: string;

  @Field(() => Int)
  issued!: number;

  @Field(() => Int)
  redeemed!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  reversed!: number;
}

@ObjectType()
export class SettlementTotals {
  @Field(() => Int)
  issued!: number;

  @Field(() => Int)
  redeemed!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  reversed!: number;
}

@ObjectType({ description: 'A tenant’s points settlement for a mall-local month.' })
export class TenantSettlement {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  month!: string;

  @Field(() => [SettlementLine])
  stores!: SettlementLine[];

  @Field(() => SettlementTotals)
  totals!: SettlementTotals;
}

@InputType({ description: 'Part of a purchase in one category (lines must add up to the amount).' })
export class PurchaseLineInput {
  @Field(() => String)
  category!: string;

  @Field(() => Int, { description: 'Integer fen.' })
  amountFen!: number;
}

@InputType({ description: 'A purchase from a store’s POS, credited once per store tenant and order id.' })
export class RecordPurchaseInput {
  @Field(() => ID, { description: 'The store (its tenant and category come from the mall directory).' })
  storeId!: string;

  @Field(() => String)
  orderId!: string;

  @Field(() => ID, { nullable: true, description: 'The member, or give memberCode.' })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: 'The code on the member’s card or QR.' })
  memberCode?: string | null;

  @Field(() => Int, { description: 'Amount paid in integer fen (positive).' })
  amountFen!: number;

  @Field(() => [PurchaseLineInput], { nullable: true })
  lines?: PurchaseLineInput[] | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the purchase was made; now when omitted.',
  })
  purchasedAt?: Date | null;
}

@ObjectType({ description: 'The points a purchase earned.' })
export class PurchaseReceipt {
  @Field(() => ID)
  purchaseId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => String, { description: 'PENDING until the return window closes, else AVAILABLE.' })
  state!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  releaseAt!: Date | null;

  @Field(() => Boolean, {
    description: 'True when this order had been recorded before: the first result is returned.',
  })
  duplicate!: boolean;
}

@InputType({ description: 'A return of (part of) a recorded purchase, applied once per return id.' })
export class RecordReturnInput {
  @Field(() => ID)
  storeId!: string;

  @Field(() => String)
  orderId!: string;

  @Field(() => String)
  returnId!: string;

  @Field(() => Int, { description: 'Amount refunded in integer fen (positive).' })
  amountFen!: number;
}

@ObjectType()
export class ReturnReceipt {
  @Field(() => ID)
  purchaseId!: string;

  @Field(() => Int)
  reversedPoints!: number;

  @Field(() => Int, { description: 'Of the reversed points, those already spent, now owed by the member.' })
  debtPoints!: number;

  @Field(() => Boolean)
  duplicate!: boolean;
}

@InputType({
  description: 'Spend points on a reward. Retrying with the same idempotency key returns the first result.',
})
export class RedeemPointsInput {
  @Field(() => String)
  rewardCode!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Units (hours for parking), 1 to 24.' })
  quantity!: number;

  @Field(() => String, { description: 'A key the client generates once per redemption (8–128 characters).' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'A member’s points after a posting.' })
export class PointsBalance {
  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  debt!: number;
}

@ObjectType()
export class Redemption {
  @Field(() => ID)
  redemptionId!: string;

  @Field(() => String)
  rewardCode!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  points!: number;

  @Field(() => PointsBalance)
  balance!: PointsBalance;

  @Field(() => GraphQLISODateTime)
  redeemedAt!: Date;
}

@InputType({ description: 'A staff correction: positive credits, negative deducts (never below zero).' })
export class AdjustPointsInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => String)
  reason!: string;
}

@ObjectType()
export class PointsAdjustment {
  @Field(() => ID)
  entryId!: string;

  @Field(() => PointsBalance)
  balance!: PointsBalance;
}
