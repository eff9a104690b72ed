import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  AFTER_SALES_FLOWS,
  COMPENSATION_KINDS,
  ESCALATION_REASONS,
  NOTE_VISIBILITIES,
  PAUSE_REASONS,
  SLA_STATES,
  SLA_TARGET_NAMES,
  TICKET_CHANNELS,
  TICKET_DEPARTMENTS,
  TICKET_LEVELS,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
  type TicketView,
} from '@atrium/contracts';
import { PageInfo } from '../../graphql/page-info.js';
import { enumOfNames } from '../../graphql/enums.js';

export const TicketChannelEnum = enumOfNames(TICKET_CHANNELS);
export const TicketSeverityEnum = enumOfNames(TICKET_SEVERITIES);
export const TicketStatusEnum = enumOfNames(TICKET_STATUSES);
export const TicketLevelEnum = enumOfNames(TICKET_LEVELS);
export const SlaStateEnum = enumOfNames(SLA_STATES);
export const SlaTargetEnum = enumOfNames(SLA_TARGET_NAMES);
export const CompensationKindEnum = enumOfNames(COMPENSATION_KINDS);
export const DepartmentEnum = enumOfNames(TICKET_DEPARTMENTS);
export const EscalationReasonEnum = enumOfNames(ESCALATION_REASONS);
export const NoteVisibilityEnum = enumOfNames(NOTE_VISIBILITIES);
export const PauseReasonEnum = enumOfNames(PAUSE_REASONS);
export const AfterSalesFlowEnum = enumOfNames(AFTER_SALES_FLOWS);
export const SlaClockEnum = enumOfNames(['CALENDAR', 'BUSINESS'] as const);
export const CompensationStatusEnum = enumOfNames(['PENDING_APPROVAL', 'GRANTED', 'REJECTED'] as const);
export const ProposalStatusEnum = enumOfNames(['PENDING', 'ACCEPTED', 'REJECTED'] as const);
export const CompensationPostingEnum = enumOfNames(['PENDING', 'POSTED', 'REFUSED'] as const);

registerEnumType(TicketChannelEnum, { name: 'TicketChannel', description: 'Where a ticket came in.' });
registerEnumType(TicketSeverityEnum, { name: 'TicketSeverity' });
registerEnumType(TicketStatusEnum, {
  name: 'TicketStatus',
  description:
    'OPEN → ACKNOWLEDGED → IN_PROGRESS/PROPOSED → RESOLVED → CLOSED; REOPENED within the reopen window.',
});
registerEnumType(TicketLevelEnum, {
  name: 'TicketLevel',
  description: 'Escalation level; only staff at or above it work the ticket.',
});
registerEnumType(SlaStateEnum, { name: 'SlaState' });
registerEnumType(SlaTargetEnum, { name: 'SlaTarget' });
registerEnumType(CompensationKindEnum, {
  name: 'CompensationKind',
  description:
    'POINTS in points; COUPON, GIFT_CARD, REFUND in fen; EXTRA_SERVICE and APOLOGY carry no amount.',
});
registerEnumType(DepartmentEnum, { name: 'TicketDepartment' });
registerEnumType(EscalationReasonEnum, { name: 'EscalationReason' });
registerEnumType(NoteVisibilityEnum, {
  name: 'NoteVisibility',
  description: 'INTERNAL notes are seen by mall staff only.',
});
registerEnumType(PauseReasonEnum, { name: 'PauseReason' });
registerEnumType(AfterSalesFlowEnum, { name: 'AfterSalesFlow' });
registerEnumType(SlaClockEnum, {
  name: 'SlaClock',
  description: 'CALENDAR counts all time; BUSINESS only the mall’s opening hours.',
});
registerEnumType(CompensationStatusEnum, { name: 'CompensationStatus' });
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });
registerEnumType(CompensationPostingEnum, {
  name: 'CompensationPosting',
  description:
    'Points compensations only: PENDING once granted, POSTED when the members ledger credited them, REFUSED when it could not (unknown or deleted member).',
});

const date = (v: string | null) => (v ? new Date(v) : null);

@ObjectType({ description: 'One SLA target of a ticket in its current cycle.' })
export class TicketSlaTarget {
  @Field(() => SlaTargetEnum) target!: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while the clock is paused.' })
  dueAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) warnAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) metAt!: Date | null;
}

@ObjectType({ description: 'One change of the ticket: who, when, what.' })
export class TicketHistoryEntry {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field() actorKind!: string;
  @Field() actorId!: string;
  @Field() action!: string;
  @Field(() => String, { nullable: true }) fromStatus!: string | null;
  @Field(() => String, { nullable: true }) toStatus!: string | null;
  @Field({ description: 'Details of the change as JSON.' }) detail!: string;
}

@ObjectType()
export class TicketNote {
  @Field(() => ID) id!: string;
  @Field(() => NoteVisibilityEnum) visibility!: string;
  @Field() text!: string;
  @Field() authorKind!: string;
  @Field() authorId!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class TicketCompensation {
  @Field(() => ID) id!: string;
  @Field(() => CompensationKindEnum) kind!: string;
  @Field(() => Int) amount!: number;
  @Field() reason!: string;
  @Field(() => CompensationStatusEnum) status!: string;
  @Field(() => TicketLevelEnum, { description: 'The lowest level whose limit covers the amount.' })
  requiredLevel!: string;
  @Field() requestedBy!: string;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) grantedAt!: Date | null;
  @Field(() => CompensationPostingEnum, { nullable: true, description: 'Null for kinds other than POINTS.' })
  posting!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the members ledger credited the points (once per compensation).',
  })
  postedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The members ledger entry of the credit (staff only).' })
  ledgerEntryId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the ledger refused the points.' })
  postingRefusal!: string | null;
}

@ObjectType()
export class TicketAfterSales {
  @Field(() => AfterSalesFlowEnum) flow!: string;
  @Field() step!: string;
  @Field({ description: 'Purchase date, product code, reason, proof, quote … as JSON.' }) details!: string;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType({ description: 'The mall staff member a ticket is assigned to.' })
export class TicketAssignee {
  @Field(() => ID, { description: 'The staff account id (the ticket’s assigneeId).' }) id!: string;
  @Field() displayName!: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Staff roles, e.g. [SUPERVISOR]; null for members and tenants, who see only the name.',
  })
  roles!: string[] | null;
}

@ObjectType({ description: 'A complaint, request or after-sales case, with its whole history.' })
export class Ticket {
  @Field(() => ID) id!: string;
  @Field({ description: 'Human number, e.g. TK-20261122-000123.' }) number!: string;
  @Field(() => TicketStatusEnum) status!: string;
  @Field(() => TicketLevelEnum) level!: string;
  @Field() category!: string;
  @Field(() => TicketSeverityEnum) severity!: string;
  @Field(() => TicketChannelEnum) channel!: string;
  @Field(() => ID, { nullable: true }) memberId!: string | null;
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => ID, { nullable: true }) tenantId!: string | null;
  @Field(() => ID, { nullable: true }) storeId!: string | null;
  @Field(() => String, { nullable: true }) floor!: string | null;
  @Field(() => String, { nullable: true }) zone!: string | null;
  @Field() description!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) occurredAt!: Date | null;
  @Field() customerConfirmed!: boolean;
  @Field(() => String, { nullable: true }) department!: string | null;
  @Field(() => String, { nullable: true }) assigneeId!: string | null;
  @Field(() => String, { nullable: true }) slaPolicyCode!: string | null;
  @Field(() => SlaStateEnum) slaState!: string;
  @Field(() => [TicketSlaTarget]) slaTargets!: TicketSlaTarget[];
  @Field(() => GraphQLISODateTime, { nullable: true }) firstResponseDueAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolutionDueAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) pausedSince!: Date | null;
  @Field(() => String, { nullable: true }) pauseReason!: string | null;
  @Field(() => String, { nullable: true }) proposal!: string | null;
  @Field(() => ProposalStatusEnum, { nullable: true }) proposalStatus!: string | null;
  @Field(() => String, { nullable: true }) rootCause!: string | null;
  @Field(() => GraphQLISODateTime) openedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reopenedAt!: Date | null;
  @Field(() => [TicketHistoryEntry], { description: 'Tenants and members do not see internal entries.' })
  history!: TicketHistoryEntry[];
  @Field(() => [TicketNote], { description: 'Tenants and members see public notes only.' })
  notes!: TicketNote[];
  @Field(() => [TicketCompensation]) compensation!: TicketCompensation[];
  @Field(() => TicketAfterSales, { nullable: true }) afterSales!: TicketAfterSales | null;

  static from(v: TicketView): Ticket {
    return {
      ...v,
      occurredAt: date(v.occurredAt),
      slaTargets: v.slaTargets.map((s) => ({
        target: s.target,
        dueAt: date(s.dueAt),
        warnAt: date(s.warnAt),
        metAt: date(s.metAt),
      })),
      firstResponseDueAt: date(v.firstResponseDueAt),
      resolutionDueAt: date(v.resolutionDueAt),
      pausedSince: date(v.pausedSince),
      openedAt: new Date(v.openedAt),
      resolvedAt: date(v.resolvedAt),
      closedAt: date(v.closedAt),
      reopenedAt: date(v.reopenedAt),
      history: v.history.map((h) => ({ ...h, at: new Date(h.at), detail: JSON.stringify(h.detail) })),
      notes: v.notes.map((n) => ({ ...n, createdAt: new Date(n.createdAt) })),
      compensation: v.compensations.map((c) => ({
        ...c,
        grantedAt: date(c.grantedAt),
        postedAt: date(c.postedAt),
      })),
      afterSales: v.afterSales
        ? {
            flow: v.afterSales.flow,
            step: v.afterSales.step,
            details: JSON.stringify(v.afterSales.details),
            updatedAt: new Date(v.afterSales.updatedAt),
          }
        : null,
    };
  }
}

@ObjectType()
export class TicketEdge {
  @Field() cursor!: string;
  @Field(() => Ticket) node!: Ticket;
}

@ObjectType({ description: 'Tickets sorted by nearest due time (Relay connection).' })
export class TicketConnection {
  @Field(() => [TicketEdge]) edges!: TicketEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'An SLA policy; the first matching one (by position) applies to a ticket.' })
export class SlaPolicy {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) position!: number;
  @Field(() => [String]) categories!: string[];
  @Field(() => [TicketSeverityEnum]) severities!: string[];
  @Field(() => [TicketChannelEnum]) channels!: string[];
  @Field(() => [String]) tiers!: string[];
  @Field(() => SlaClockEnum) clock!: string;
  @Field(() => Int) firstResponseSeconds!: number;
  @Field(() => Int) planSeconds!: number;
  @Field(() => Int) resolutionSeconds!: number;
  @Field(() => Float) warnRatio!: number;
}

@InputType({
  description:
    'The registration of an after-sales case. A return or exchange needs purchaseDate, productCode and reason; a repair productCode and reason (the fault).',
})
export class AfterSalesInput {
  @Field(() => AfterSalesFlowEnum) flow!: 'RETURN_EXCHANGE' | 'REPAIR';
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  purchaseDate?: string | null;
  @Field(() => String, { nullable: true }) productCode?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true, description: 'Receipt or order number, or a photo reference.' })
  proof?: string | null;
}

@InputType({
  description:
    'What an after-sales step records. DENIED needs policyReason; REFUNDED refundFen; EXCHANGED newProductCode; QUOTED quoteFen, or underWarranty: true for a free repair; READY_FOR_PICKUP careAdvice.',
})
export class AfterSalesStepDetailsInput {
  @Field(() => String, { nullable: true, description: 'Inspection or assessment finding.' })
  finding?: string | null;
  @Field(() => String, { nullable: true }) policyReason?: string | null;
  @Field(() => Int, { nullable: true, description: 'In fen.' }) refundFen?: number | null;
  @Field(() => String, { nullable: true }) newProductCode?: string | null;
  @Field(() => Int, { nullable: true, description: 'In fen; 0 or absent under warranty.' })
  quoteFen?: number | null;
  @Field(() => Boolean, { nullable: true }) underWarranty?: boolean | null;
  @Field(() => String, { nullable: true }) careAdvice?: string | null;
}

@InputType()
export class OpenTicketInput {
  @Field(() => TicketChannelEnum) channel!: (typeof TICKET_CHANNELS)[number];
  @Field({
    description:
      'A code of an active category of ticketCategories (the taxonomy managers edit), e.g. SERVICE_ATTITUDE, PARKING, REPAIR.',
  })
  category!: string;
  @Field(() => TicketSeverityEnum, { nullable: true }) severity?: (typeof TICKET_SEVERITIES)[number] | null;
  @Field(() => ID, { nullable: true, description: 'Staff only; members open for themselves.' }) memberId?:
    string | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'A store of the mall directory; its tenant is resolved by the gateway.',
  })
  storeId?: string | null;
  @Field(() => String, { nullable: true }) floor?: string | null;
  @Field(() => String, { nullable: true }) zone?: string | null;
  @Field() description!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) occurredAt?: Date | null;
  @Field({ nullable: true, defaultValue: false }) customerConfirmed?: boolean;
  @Field(() => AfterSalesInput, { nullable: true }) afterSales?: AfterSalesInput | null;
}

@InputType()
export class TicketFilterInput {
  @Field(() => [TicketStatusEnum], { nullable: true }) statuses?: (typeof TICKET_STATUSES)[number][];
  @Field(() => [TicketLevelEnum], { nullable: true }) levels?: (typeof TICKET_LEVELS)[number][];
  @Field(() => String, { nullable: true }) department?: string;
  @Field(() => String, { nullable: true }) assigneeId?: string;
  @Field(() => ID, { nullable: true }) storeId?: string;
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => Boolean, { nullable: true }) vip?: boolean;
  @Field(() => [SlaStateEnum], {
    nullable: true,
    description: 'e.g. [WARNING, BREACHED] for overdue or nearly overdue.',
  })
  slaStates?: (typeof SLA_STATES)[number][];
}

@InputType()
export class UpsertSlaPolicyInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) position!: number;
  @Field(() => [String], { nullable: true }) categories?: string[];
  @Field(() => [TicketSeverityEnum], { nullable: true }) severities?: (typeof TICKET_SEVERITIES)[number][];
  @Field(() => [TicketChannelEnum], { nullable: true }) channels?: (typeof TICKET_CHANNELS)[number][];
  @Field(() => [String], { nullable: true }) tiers?: string[];
  @Field(() => SlaClockEnum) clock!: 'CALENDAR' | 'BUSINESS';
  @Field(() => Int) firstResponseSeconds!: number;
  @Field(() => Int) planSeconds!: number;
  @Field(() => Int) resolutionSeconds!: number;
  @Field(() => Float, { nullable: true }) warnRatio?: number;
}

@ObjectType()
export class TicketCount {
  @Field() key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Median and 90th percentile, in seconds.' })
export class TicketDuration {
  @Field(() => Float, { nullable: true }) medianSeconds!: number | null;
  @Field(() => Float, { nullable: true }) p90Seconds!: number | null;
}

@ObjectType({ description: 'The same store and category reaching the repeat threshold.' })
export class TicketPattern {
  @Field(() => ID) storeId!: string;
  @Field() category!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Statistics of the tickets opened in a period.' })
export class TicketStats {
  @Field(() => Int) total!: number;
  @Field(() => [TicketCount]) byCategory!: TicketCount[];
  @Field(() => [TicketCount]) byStore!: TicketCount[];
  @Field(() => [TicketCount]) byFloor!: TicketCount[];
  @Field(() => TicketDuration, { description: 'From opening to first response, calendar time.' })
  firstResponse!: TicketDuration;
  @Field(() => TicketDuration, { description: 'From opening to resolution, calendar time.' })
  resolution!: TicketDuration;
  @Field(() => TicketDuration, {
    description:
      'From opening to first response as each ticket’s SLA policy counts it: business hours for business-time policies, pauses left out (with the current calendar).',
  })
  firstResponseSlaTime!: TicketDuration;
  @Field(() => TicketDuration, { description: 'From opening to resolution in SLA time, as above.' })
  resolutionSlaTime!: TicketDuration;
  @Field(() => Float, { nullable: true, description: 'Share of tickets with any SLA breach.' }) breachRate!:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of resolved tickets resolved without escalation, reassignment or reopening.',
  })
  firstContactResolutionRate!: number | null;
  @Field(() => [TicketPattern]) patterns!: TicketPattern[];
}

@InputType()
export class TicketStatsFilterInput {
  @Field(() => GraphQLISODateTime) from!: Date;
  @Field(() => GraphQLISODateTime) to!: Date;
  @Field(() => ID, { nullable: true }) storeId?: string | null;
}
