import { Field, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TICKET_DEPARTMENTS, TICKET_LEVELS, WEEKDAYS } from '@atrium/contracts';
import { DepartmentEnum, TicketLevelEnum } from './ticket.types.js';
import { enumOfNames } from '../../graphql/enums.js';

export const WeekdayEnum = enumOfNames(WEEKDAYS);
export const TimeZoneSourceEnum = enumOfNames(['ENVIRONMENT', 'SETTING'] as const);
registerEnumType(WeekdayEnum, { name: 'Weekday' });
registerEnumType(TimeZoneSourceEnum, {
  name: 'TimeZoneSource',
  description: 'ENVIRONMENT: MALL_TIME_ZONE of the tickets service; SETTING: chosen by a manager.',
});

@ObjectType({ description: 'A complaint category of the taxonomy (data, edited by managers).' })
export class TicketCategory {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Simplified Chinese name.' }) nameZh!: string | null;
  @Field(() => DepartmentEnum, { description: 'Where a new ticket of this category goes first.' })
  department!: string;
  @Field(() => Int) position!: number;
  @Field({ description: 'Inactive categories stay on old tickets; new tickets cannot use them.' })
  active!: boolean;
}

@InputType()
export class UpsertTicketCategoryInput {
  @Field({ description: 'CAPITALS_AND_DIGITS, 2 to 40 characters.' }) code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => DepartmentEnum) department!: (typeof TICKET_DEPARTMENTS)[number];
  @Field(() => Int) position!: number;
  @Field({ nullable: true, defaultValue: true }) active?: boolean;
}

@ObjectType({ description: 'Opening hours of one weekday; open and close null when closed.' })
export class OpeningDay {
  @Field(() => WeekdayEnum) weekday!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM in the mall’s time zone.' }) open!:
    string | null;
  @Field(() => String, { nullable: true, description: 'HH:MM; 24:00 for midnight.' }) close!: string | null;
}

@InputType()
export class OpeningDayInput {
  @Field(() => WeekdayEnum) weekday!: (typeof WEEKDAYS)[number];
  @Field(() => String, { nullable: true }) open!: string | null;
  @Field(() => String, { nullable: true }) close!: string | null;
}

@ObjectType({
  description:
    'What one level may grant as compensation without approval: points, or fen for money kinds; null = no limit.',
})
export class ApprovalLimits {
  @Field(() => TicketLevelEnum) level!: string;
  @Field(() => Int, { nullable: true }) points!: number | null;
  @Field(() => Int, { nullable: true }) coupon!: number | null;
  @Field(() => Int, { nullable: true }) giftCard!: number | null;
  @Field(() => Int, { nullable: true }) refund!: number | null;
  @Field(() => Int, { nullable: true }) extraService!: number | null;
  @Field(() => Int, { nullable: true }) apology!: number | null;
}

@InputType({ description: 'The kinds given change (null: no limit); absent kinds stay.' })
export class ApprovalLimitsInput {
  @Field(() => TicketLevelEnum) level!: (typeof TICKET_LEVELS)[number];
  @Field(() => Int, { nullable: true }) points?: number | null;
  @Field(() => Int, { nullable: true }) coupon?: number | null;
  @Field(() => Int, { nullable: true }) giftCard?: number | null;
  @Field(() => Int, { nullable: true }) refund?: number | null;
  @Field(() => Int, { nullable: true }) extraService?: number | null;
  @Field(() => Int, { nullable: true }) apology?: number | null;
}

@ObjectType({ description: 'The business calendar and the ticket settings.' })
export class TicketSettings {
  @Field() timeZone!: string;
  @Field(() => TimeZoneSourceEnum) timeZoneSource!: string;
  @Field(() => [OpeningDay], { description: 'Monday first.' }) openingHours!: OpeningDay[];
  @Field(() => [String], { description: 'Local dates YYYY-MM-DD on which the mall is closed.' })
  holidays!: string[];
  @Field(() => Int, { description: 'Days after resolution within which a ticket may be reopened.' })
  reopenWindowDays!: number;
  @Field(() => Int, { description: 'Tickets of one store and category that make a repeat pattern.' })
  patternThreshold!: number;
  @Field(() => Int) patternWindowDays!: number;
  @Field(() => [String], { description: 'Member tiers the queue’s VIP filter means.' }) vipTiers!: string[];
  @Field(() => [ApprovalLimits], { description: 'Compensation approval limits per level, lowest first.' })
  approvalLimits!: ApprovalLimits[];
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateTicketSettingsInput {
  @Field(() => String, {
    nullable: true,
    description: 'An IANA time zone; null goes back to the environment’s (MALL_TIME_ZONE).',
  })
  timeZone?: string | null;
  @Field(() => [OpeningDayInput], { nullable: true, description: 'All seven weekdays.' })
  openingHours?: OpeningDayInput[];
  @Field(() => [String], { nullable: true }) holidays?: string[];
  @Field(() => Int, { nullable: true }) reopenWindowDays?: number;
  @Field(() => Int, { nullable: true }) patternThreshold?: number;
  @Field(() => Int, { nullable: true }) patternWindowDays?: number;
  @Field(() => [String], { nullable: true }) vipTiers?: string[];
  @Field(() => [ApprovalLimitsInput], {
    nullable: true,
    description:
      'ADMIN only: the levels listed change; a higher level must grant at least what a lower one does.',
  })
  approvalLimits?: ApprovalLimitsInput[];
}
