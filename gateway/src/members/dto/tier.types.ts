import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import type { MemberTierView, TierLadderView } from '@atrium/contracts';

@ObjectType({ description: 'A privilege of a tier, e.g. FREE_PARKING_HOURS with value 3.' })
export class Privilege {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'A quantity where the privilege has one (hours of parking).',
  })
  value!: number | null;
}

@ObjectType({ description: 'How far the member is from the next tier.' })
export class NextTier {
  @Field(() => String)
  code!: string;

  @Field(() => Int)
  threshold!: number;

  @Field(() => Int)
  remaining!: number;
}

@ObjectType({ description: 'A member’s tier and what it brings.' })
export class MemberTier {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => [Privilege])
  privileges!: Privilege[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  since!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when below the tier at a review: kept until then.',
  })
  graceUntil!: Date | null;

  @Field(() => Int, { description: 'Qualifying amount over the rolling window (fen of spend, or points).' })
  qualifyingAmount!: number;

  @Field(() => NextTier, { nullable: true })
  next!: NextTier | null;

  static from(view: MemberTierView): MemberTier {
    return Object.assign(new MemberTier(), {
      ...view,
      since: view.since ? new Date(view.since) : null,
      graceUntil: view.graceUntil ? new Date(view.graceUntil) : null,
    });
  }
}

@ObjectType({ description: 'A change of tier, with its reason.' })
export class TierChange {
  @Field(() => String, { nullable: true })
  fromCode!: string | null;

  @Field(() => String)
  toCode!: string;

  @Field(() => String, { description: 'UPGRADE, DOWNGRADE, GRACE_STARTED or GRACE_CLEARED.' })
  kind!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => GraphQLISODateTime)
  changedAt!: Date;
}

@ObjectType({ description: 'One tier of the ladder.' })
export class TierLevel {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Int, { description: 'Qualifying amount needed over the window.' })
  threshold!: number;

  @Field(() => [Privilege])
  privileges!: Privilege[];
}

@ObjectType({ description: 'The tier ladder.' })
export class TierLadder {
  @Field(() => String, { description: 'SPEND (fen) or POINTS.' })
  metric!: string;

  @Field(() => Int)
  windowMonths!: number;

  @Field(() => Int)
  graceDays!: number;

  @Field(() => [TierLevel])
  levels!: TierLevel[];

  static from(view: TierLadderView): TierLadder {
    return Object.assign(new TierLadder(), view);
  }
}
