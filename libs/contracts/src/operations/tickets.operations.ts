import { z } from 'zod';
import { isoDateTime } from '../common.js';
import { defineOperation, type OperationContract } from '../define.js';
import { calendarDateSchema } from './members-profile.operations.js';
import {
  COMPENSATION_KINDS,
  SLA_TARGET_NAMES,
  TICKET_CHANNELS,
  TICKET_LEVELS,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
} from '../events/tickets.events.js';

export const TICKET_DEPARTMENTS = [
  'CUSTOMER_SERVICE',
  'OPERATIONS',
  'SECURITY',
  'FACILITIES',
  'TENANT_STORE',
] as const;
export const ESCALATION_REASONS = [
  'CUSTOMER_ASKED_SUPERVISOR',
  'SEVERAL_DEPARTMENTS',
  'PROPOSAL_REJECTED',
  'MEDIA_SENSITIVE',
  'LEGAL_RISK',
  'COMPENSATION_ABOVE_LIMIT',
  'REPUTATION',
  'SLA_BREACH',
  'OTHER',
] as const;
export const SLA_STATES = ['ON_TRACK', 'WARNING', 'BREACHED', 'PAUSED', 'MET'] as const;
export const AFTER_SALES_FLOWS = ['RETURN_EXCHANGE', 'REPAIR'] as const;
export const NOTE_VISIBILITIES = ['INTERNAL', 'PUBLIC'] as const;
export const PAUSE_REASONS = ['WAITING_ON_CUSTOMER', 'WAITING_ON_PARTS'] as const;

/** A request as the handler receives it: validated, defaults applied. */
export type ValidatedRequest<O extends OperationContract> = z.output<O['request']>;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const ticketNumberSchema = z
  .string()
  .trim()
  .regex(/^TK-\d{8}-\d{6}$/, 'must be a ticket number such as TK-20261122-000123');
const ticketIdRef = z.object({ number: ticketNumberSchema });

const slaTargetViewSchema = z.object({
  target: z.enum(SLA_TARGET_NAMES),
  dueAt: isoDateTime.nullable(),
  warnAt: isoDateTime.nullable(),
  metAt: isoDateTime.nullable(),
});

export const ticketViewSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  level: z.enum(TICKET_LEVELS),
  category: z.string(),
  severity: z.enum(TICKET_SEVERITIES),
  channel: z.enum(TICKET_CHANNELS),
  memberId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  tenantId: z.string().nullable(),
  storeId: z.string().nullable(),
  floor: z.string().nullable(),
  zone: z.string().nullable(),
  description: z.string(),
  occurredAt: isoDateTime.nullable(),
  customerConfirmed: z.boolean(),
  department: z.string().nullable(),
  assigneeId: z.string().nullable(),
  slaPolicyCode: z.string().nullable(),
  slaState: z.enum(SLA_STATES),
  slaTargets: z.array(slaTargetViewSchema),
  firstResponseDueAt: isoDateTime.nullable(),
  resolutionDueAt: isoDateTime.nullable(),
  pausedSince: isoDateTime.nullable(),
  pauseReason: z.string().nullable(),
  proposal: z.string().nullable(),
  proposalStatus: z.enum(['PENDING', 'ACCEPTED', 'REJECTED']).nullable(),
  rootCause: z.string().nullable(),
  openedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  reopenedAt: isoDateTime.nullable(),
  history: z.array(
    z.object({
      at: isoDateTime,
      actorKind: z.string(),
      actorId: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      internal: z.boolean(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  notes: z.array(
    z.object({
      id: z.uuid(),
      visibility: z.enum(NOTE_VISIBILITIES),
      text: z.string(),
      authorKind: z.string(),
      authorId: z.string(),
      createdAt: isoDateTime,
    }),
  ),
  compensations: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(COMPENSATION_KINDS),
      amount: z.number().int(),
      reason: z.string(),
      status: z.enum(['PENDING_APPROVAL', 'GRANTED', 'REJECTED']),
      requiredLevel: z.enum(TICKET_LEVELS),
      requestedBy: z.string(),
      approvedBy: z.string().nullable(),
      grantedAt: isoDateTime.nullable(),
      /** Points only: PENDING once granted, POSTED when the members ledger credited them, REFUSED when it could not. */
      posting: z.enum(['PENDING', 'POSTED', 'REFUSED']).nullable(),
      postedAt: isoDateTime.nullable(),
      /** The members ledger entry of the credit (staff only). */
      ledgerEntryId: z.uuid().nullable(),
      postingRefusal: z.string().nullable(),
    }),
  ),
  afterSales: z
    .object({
      flow: z.enum(AFTER_SALES_FLOWS),
      step: z.string(),
      details: z.record(z.string(), z.unknown()),
      updatedAt: isoDateTime,
    })
    .nullable(),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

const ticketOp = <Req extends z.ZodType>(operation: string, description: string, request: Req) =>
  defineOperation({ service: 'tickets', operation, description, request, response: ticketViewSchema });

export const openTicket = ticketOp(
  'open-ticket',
  'Opens a ticket from any channel. Members open their own; staff for anyone (member optional); partners with tickets:write for their own stores; anonymous callers only with contact details. Returns the ticket with its number and SLA targets.',
  z
    .object({
      channel: z.enum(TICKET_CHANNELS),
      category: text(40),
      severity: z.enum(TICKET_SEVERITIES).default('MEDIUM'),
      memberId: z.uuid().nullable().default(null),
      contactName: text(80).nullable().default(null),
      contactPhone: text(32).nullable().default(null),
      tenantId: text(64).nullable().default(null),
      storeId: text(64).nullable().default(null),
      floor: text(16).nullable().default(null),
      zone: text(32).nullable().default(null),
      description: text(4000),
      occurredAt: isoDateTime.nullable().default(null),
      customerConfirmed: z.boolean().default(false),
      afterSales: z
        .object({
          flow: z.enum(AFTER_SALES_FLOWS),
          details: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
        })
        .nullable()
        .default(null),
    })
    .refine((r) => r.storeId === null || r.tenantId !== null, {
      message: 'a ticket about a store names the store’s tenant',
      path: ['tenantId'],
    }),
);

export const getTicket = ticketOp(
  'get-ticket',
  'One ticket by number, as the caller may see it (members: only their own; partners: only their stores, no internal notes).',
  ticketIdRef,
);

export const ticketFilterSchema = z.object({
  statuses: z.array(z.enum(TICKET_STATUSES)).max(10).optional(),
  levels: z.array(z.enum(TICKET_LEVELS)).max(4).optional(),
  department: z.string().max(40).optional(),
  assigneeId: z.string().max(64).optional(),
  storeId: z.string().max(64).optional(),
  category: z.string().max(40).optional(),
  vip: z.boolean().optional(),
  slaStates: z.array(z.enum(SLA_STATES)).max(5).optional(),
  memberId: z.uuid().optional(),
});

export const listTickets = defineOperation({
  service: 'tickets',
  operation: 'list-tickets',
  description:
    'The staff queue (or a partner’s tickets for its tenant, or a member’s own tickets), filtered, sorted by nearest due time then number; Relay-style cursor paging.',
  request: z.object({
    filter: ticketFilterSchema.default({}),
    first: z.number().int().min(1).max(100).default(20),
    after: z.string().max(200).nullable().default(null),
  }),
  response: z.object({
    items: z.array(ticketViewSchema),
    /** The cursor of each item, in the same order (for Relay edges); the last one is `endCursor`. */
    cursors: z.array(z.string()),
    endCursor: z.string().nullable(),
    hasNextPage: z.boolean(),
  }),
});

export const acknowledgeTicket = ticketOp(
  'acknowledge-ticket',
  'First response by staff (or the store’s partner key).',
  ticketIdRef.extend({ message: text(2000).nullable().default(null) }),
);
export const assignTicket = ticketOp(
  'assign-ticket',
  'Assigns the ticket to a department and/or a person; reassignment keeps the history.',
  ticketIdRef
    .extend({
      department: z.enum(TICKET_DEPARTMENTS).nullable().default(null),
      assigneeId: text(64).nullable().default(null),
    })
    .refine((r) => r.department !== null || r.assigneeId !== null, {
      message: 'give a department or an assignee',
      path: ['department'],
    }),
);
export const escalateTicket = ticketOp(
  'escalate-ticket',
  'Escalates to a higher level (default: the next one) with a reason; never down.',
  ticketIdRef.extend({
    reason: z.enum(ESCALATION_REASONS),
    toLevel: z.enum(TICKET_LEVELS).nullable().default(null),
    comment: text(2000).nullable().default(null),
  }),
);
export const addTicketNote = ticketOp(
  'add-ticket-note',
  'Adds an internal (staff only) or public note.',
  ticketIdRef.extend({ visibility: z.enum(NOTE_VISIBILITIES), text: text(4000) }),
);
export const proposeResolution = ticketOp(
  'propose-resolution',
  'Proposes a resolution to the customer (meets the plan target).',
  ticketIdRef.extend({ proposal: text(4000) }),
);
export const respondToProposal = ticketOp(
  'respond-to-proposal',
  'The customer (or staff on their behalf) accepts or rejects the proposal; a rejection may escalate one level.',
  ticketIdRef.extend({
    accept: z.boolean(),
    comment: text(2000).nullable().default(null),
    escalate: z.boolean().default(false),
  }),
);
export const resolveTicket = ticketOp(
  'resolve-ticket',
  'Resolves with a root-cause tag.',
  ticketIdRef.extend({ rootCause: text(80), summary: text(4000).nullable().default(null) }),
);
export const closeTicket = ticketOp('close-ticket', 'Closes a resolved ticket.', ticketIdRef);
export const reopenTicket = ticketOp(
  'reopen-ticket',
  'Reopens a resolved or closed ticket within the configured window; the SLA clock restarts from the reopening.',
  ticketIdRef.extend({ reason: text(2000) }),
);
export const pauseTicket = ticketOp(
  'pause-ticket',
  'Pauses (reason given) or resumes (reason null) the SLA clock while the ticket waits on the customer or on parts.',
  ticketIdRef.extend({ reason: z.enum(PAUSE_REASONS).nullable() }),
);
export const grantCompensation = ticketOp(
  'grant-compensation',
  'Grants compensation; above the actor’s level limit it waits for approval by a higher level. Points go to the member’s ledger once per compensation id.',
  ticketIdRef.extend({
    kind: z.enum(COMPENSATION_KINDS),
    amount: z.number().int().min(0).max(100_000_000),
    reason: text(500),
  }),
);
export const approveCompensation = ticketOp(
  'approve-compensation',
  'Approves (or rejects) a pending compensation; the approver’s limit must cover it.',
  ticketIdRef.extend({ compensationId: z.uuid(), approve: z.boolean().default(true) }),
);
export const advanceAfterSales = ticketOp(
  'advance-after-sales',
  'Moves the ticket’s after-sales flow one step (illegal steps are refused); the customer is notified by event.',
  ticketIdRef.extend({
    step: text(40),
    note: text(2000).nullable().default(null),
    details: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
  }),
);

export const slaPolicyViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  position: z.number().int(),
  categories: z.array(z.string()),
  severities: z.array(z.enum(TICKET_SEVERITIES)),
  channels: z.array(z.enum(TICKET_CHANNELS)),
  tiers: z.array(z.string()),
  clock: z.enum(['CALENDAR', 'BUSINESS']),
  firstResponseSeconds: z.number().int().positive(),
  planSeconds: z.number().int().positive(),
  resolutionSeconds: z.number().int().positive(),
  warnRatio: z.number().gt(0).lt(1),
});

export const listSlaPolicies = defineOperation({
  service: 'tickets',
  operation: 'list-sla-policies',
  description: 'The SLA policies in the order they are matched (staff only).',
  request: z.object({}),
  response: z.object({ items: z.array(slaPolicyViewSchema) }),
});

export const upsertSlaPolicy = defineOperation({
  service: 'tickets',
  operation: 'upsert-sla-policy',
  description:
    'Creates or replaces an SLA policy by code (MANAGER and above). Applies to tickets opened or reopened afterwards; a ticket keeps the policy it was opened under.',
  request: slaPolicyViewSchema.extend({
    categories: z.array(z.string().max(40)).max(50).default([]),
    severities: z.array(z.enum(TICKET_SEVERITIES)).default([]),
    channels: z.array(z.enum(TICKET_CHANNELS)).default([]),
    tiers: z.array(z.string().max(40)).max(20).default([]),
    warnRatio: z.number().gt(0).lt(1).default(0.8),
  }),
  response: slaPolicyViewSchema,
});

export const ticketCategoryViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  /** The department a new ticket of this category goes to (TENANT_STORE: the store, when one is named). */
  department: z.enum(TICKET_DEPARTMENTS),
  position: z.number().int(),
  active: z.boolean(),
});

export const listTicketCategories = defineOperation({
  service: 'tickets',
  operation: 'list-ticket-categories',
  description:
    'The complaint category taxonomy in display order: the active categories for anyone (the complaint form), inactive ones too for staff who ask.',
  request: z.object({ includeInactive: z.boolean().default(false) }),
  response: z.object({ items: z.array(ticketCategoryViewSchema) }),
});

export const upsertTicketCategory = defineOperation({
  service: 'tickets',
  operation: 'upsert-ticket-category',
  description:
    'Creates or changes a category by code (MANAGER and above). A category is never deleted, only deactivated: tickets keep it, new tickets cannot use it.',
  request: z.object({
    code: z
      .string()
      .trim()
      .regex(
        /^[A-Z][A-Z0-9_]{1,39}$/,
        'must be 2 to 40 capital letters, digits or underscores, starting with a letter',
      ),
    name: text(80),
    nameZh: text(80).nullable().default(null),
    department: z.enum(TICKET_DEPARTMENTS),
    position: z.number().int().min(0).max(100_000),
    active: z.boolean().default(true),
  }),
  response: ticketCategoryViewSchema,
});

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day HH:MM (24:00 for midnight)');
const openingDaySchema = z.object({
  weekday: z.enum(WEEKDAYS),
  /** Both null: closed all day. */
  open: timeOfDay.nullable(),
  close: timeOfDay.nullable(),
});

/** An approval limit: the most a level grants without approval (points, or fen for money kinds); null = no limit. */
const approvalLimit = z.number().int().min(0).max(100_000_000).nullable();

/** What one level may grant without approval, per compensation kind. */
const approvalLimitsViewSchema = z.object({
  level: z.enum(TICKET_LEVELS),
  POINTS: approvalLimit,
  COUPON: approvalLimit,
  GIFT_CARD: approvalLimit,
  REFUND: approvalLimit,
  EXTRA_SERVICE: approvalLimit,
  APOLOGY: approvalLimit,
});

export const ticketSettingsViewSchema = z.object({
  timeZone: z.string(),
  /** ENVIRONMENT: MALL_TIME_ZONE of the tickets process; SETTING: chosen by a manager. */
  timeZoneSource: z.enum(['ENVIRONMENT', 'SETTING']),
  openingHours: z.array(openingDaySchema),
  holidays: z.array(z.string()),
  reopenWindowDays: z.number().int(),
  patternThreshold: z.number().int(),
  patternWindowDays: z.number().int(),
  vipTiers: z.array(z.string()),
  /** Per level, lowest first. */
  approvalLimits: z.array(approvalLimitsViewSchema),
  updatedAt: isoDateTime,
  updatedBy: z.string().nullable(),
});

export const getTicketSettings = defineOperation({
  service: 'tickets',
  operation: 'get-ticket-settings',
  description:
    'The business calendar (time zone, opening hours Monday first, holidays) and the ticket settings (reopen window, repeat-pattern threshold and window, VIP tiers, compensation approval limits per level) (staff).',
  request: z.object({}),
  response: ticketSettingsViewSchema,
});

export const updateTicketSettings = defineOperation({
  service: 'tickets',
  operation: 'update-ticket-settings',
  description:
    'Changes the calendar and ticket settings (MANAGER and above; the compensation approval limits ADMIN only); only the fields given change. A new calendar (time zone, opening hours, holidays) applies to every open ticket: the SLA scheduler re-plans their pending targets within a poll or two (fired warnings and breaches stay).',
  request: z.object({
    /** null: back to MALL_TIME_ZONE of the environment. */
    timeZone: z.string().trim().min(1).max(64).nullable().optional(),
    openingHours: z.array(openingDaySchema).length(7, 'must list the seven weekdays').optional(),
    holidays: z.array(calendarDateSchema).max(400, 'must be at most 400 dates').optional(),
    reopenWindowDays: z.number().int().min(0).max(365).optional(),
    patternThreshold: z.number().int().min(2).max(1000).optional(),
    patternWindowDays: z.number().int().min(1).max(365).optional(),
    vipTiers: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    /** ADMIN only: per level listed, the kinds given change (a higher level must grant at least what a lower one does). */
    approvalLimits: z
      .array(approvalLimitsViewSchema.partial().required({ level: true }))
      .max(4)
      .optional(),
  }),
  response: ticketSettingsViewSchema,
});

const countsSchema = z.array(z.object({ key: z.string(), count: z.number().int() }));
const durationSchema = z.object({ medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() });

export const ticketStats = defineOperation({
  service: 'tickets',
  operation: 'ticket-stats',
  description:
    'Statistics of the tickets opened in a period (staff; a tenant only its own stores with tickets:read): counts by category, store and floor, first-response and resolution times (median and p90, in calendar time and in SLA time: as each ticket’s policy counts it, business hours for business-time policies, pauses excluded, with the current calendar), breach rate, share resolved at first contact, repeat patterns.',
  request: z
    .object({ from: isoDateTime, to: isoDateTime, storeId: z.string().max(64).nullable().default(null) })
    .refine((r) => Date.parse(r.from) < Date.parse(r.to), {
      message: 'from must be before to',
      path: ['from'],
    }),
  response: z.object({
    total: z.number().int(),
    byCategory: countsSchema,
    byStore: countsSchema,
    byFloor: countsSchema,
    firstResponse: durationSchema,
    resolution: durationSchema,
    firstResponseSlaTime: durationSchema,
    resolutionSlaTime: durationSchema,
    breachRate: z.number().nullable(),
    firstContactResolutionRate: z.number().nullable(),
    patterns: z.array(z.object({ storeId: z.string(), category: z.string(), count: z.number().int() })),
  }),
});

export const TICKETS_OPERATIONS = [
  openTicket,
  getTicket,
  listTickets,
  acknowledgeTicket,
  assignTicket,
  escalateTicket,
  addTicketNote,
  proposeResolution,
  respondToProposal,
  resolveTicket,
  closeTicket,
  reopenTicket,
  pauseTicket,
  grantCompensation,
  approveCompensation,
  advanceAfterSales,
  listSlaPolicies,
  upsertSlaPolicy,
  ticketStats,
  listTicketCategories,
  upsertTicketCategory,
  getTicketSettings,
  updateTicketSettings,
] as const;
