import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LIFECYCLE_STAGES } from '@atrium/contracts';

export const LifecycleStageEnum = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, s])) as Record<
  (typeof LIFECYCLE_STAGES)[number],
  string
>;
registerEnumType(LifecycleStageEnum, {
  name: 'LifecycleStage',
  description:
    'NEW (recently registered), ACTIVE, AT_RISK, LAPSED — from recency and frequency of purchases.',
});

@ObjectType({ description: 'A segment the member belongs to (rules kept as data).' })
export class Segment {
  @Field(() => String, {
    description: 'e.g. FAMILY_WITH_CHILDREN, YOUNG, BUSINESS, ELDERLY, FOREIGN_VISITOR, VIP.',
  })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLISODateTime)
  since!: Date;
}
