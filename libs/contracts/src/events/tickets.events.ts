import { z } from 'zod';
import { defineEvent } from '../define.js';

/**
 * Produced by the tickets service when a complaint is settled with points; the members
 * service credits them once per compensation id.
 */
export const compensationGranted = defineEvent({
  producer: 'tickets',
  entity: 'compensation',
  event: 'granted',
  version: 1,
  description:
    'Points granted to a member as compensation for a ticket; credited once per compensationId. Key = member id.',
  schema: z.object({
    compensationId: z.string().min(1).max(64),
    memberId: z.uuid(),
    ticketId: z.string().min(1).max(64),
    points: z.number().int().positive().max(1_000_000),
    reason: z.string().min(1).max(500),
  }),
});

export const TICKET_CHANNELS = [
  'APP',
  'MINI_PROGRAM',
  'KIOSK',
  'SERVICE_DESK',
  'HOTLINE',
  'COMMENT_CARD',
  'SOCIAL',
  'FEEDBACK_AUTO',
] as const;
export const TICKET_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const TICKET_STATUSES = [
  'OPEN',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'PROPOSED',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
] as const;
export const TICKET_LEVELS = ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER'] as const;
export const SLA_TARGET_NAMES = ['FIRST_RESPONSE', 'PLAN', 'RESOLUTION'] as const;
export const COMPENSATION_KINDS = [
  'POINTS',
  'COUPON',
  'GIFT_CARD',
  'REFUND',
  'EXTRA_SERVICE',
  'APOLOGY',
] as const;

/** What every ticket event carries so that notifications and feedback need no query. */
const ticketRef = {
  ticketId: z.uuid(),
  number: z.string(),
  memberId: z.uuid().nullable(),
  tenantId: z.string().nullable(),
  storeId: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  level: z.enum(TICKET_LEVELS),
  /** Staff member or component that caused the change ("system" for the SLA scheduler). */
  actorId: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
};

const ticketEvent = <S extends z.ZodRawShape>(event: string, description: string, extra: S) =>
  defineEvent({
    producer: 'tickets',
    entity: 'ticket',
    event,
    version: 1,
    description: `${description} Key = ticket id.`,
    schema: z.object({ ...ticketRef, ...extra }),
  });

export const ticketOpened = ticketEvent('opened', 'A ticket was opened from any channel.', {
  channel: z.enum(TICKET_CHANNELS),
  category: z.string(),
  severity: z.enum(TICKET_SEVERITIES),
  firstResponseDueAt: z.iso.datetime({ offset: true }).nullable(),
  resolutionDueAt: z.iso.datetime({ offset: true }).nullable(),
});
export const ticketAcknowledged = ticketEvent('acknowledged', 'Staff gave the first response.', {});
export const ticketEscalated = ticketEvent(
  'escalated',
  'The ticket went up one or more levels (manually or on an SLA breach).',
  {
    fromLevel: z.enum(TICKET_LEVELS),
    reason: z.string(),
    automatic: z.boolean(),
  },
);
export const ticketAssigned = ticketEvent(
  'assigned',
  'The ticket was (re)assigned to a department and/or a person.',
  {
    department: z.string().nullable(),
    assigneeId: z.string().nullable(),
  },
);
export const ticketProposalMade = ticketEvent('proposal-made', 'A resolution was proposed to the customer.', {
  proposal: z.string(),
});
export const ticketResolved = ticketEvent('resolved', 'The ticket was resolved with a root cause.', {
  rootCause: z.string(),
});
export const ticketClosed = ticketEvent(
  'closed',
  'The ticket was closed (the feedback service may send a survey).',
  {},
);
export const ticketReopened = ticketEvent(
  'reopened',
  'A resolved or closed ticket was reopened; it gets fresh SLA targets.',
  {
    reason: z.string(),
  },
);
export const ticketSlaWarning = ticketEvent(
  'sla-warning',
  'An SLA target of the ticket reached its warning threshold (once per target and cycle).',
  {
    target: z.enum(SLA_TARGET_NAMES),
    dueAt: z.iso.datetime({ offset: true }),
  },
);
export const ticketSlaBreached = ticketEvent(
  'sla-breached',
  'An SLA target of the ticket was missed (once per target and cycle).',
  {
    target: z.enum(SLA_TARGET_NAMES),
    dueAt: z.iso.datetime({ offset: true }),
  },
);
export const ticketCompensationGranted = ticketEvent(
  'compensation-granted',
  'A compensation of any kind was granted (after approval when needed).',
  {
    compensationId: z.uuid(),
    kind: z.enum(COMPENSATION_KINDS),
    amount: z.number().int().min(0),
  },
);
export const ticketAfterSalesStep = ticketEvent(
  'after-sales-step',
  'An after-sales flow (return/exchange or repair) moved one step.',
  {
    flow: z.enum(['RETURN_EXCHANGE', 'REPAIR']),
    step: z.string(),
    note: z.string().nullable(),
    /** What the step recorded, e.g. quoteFen or underWarranty, policyReason, refundFen, careAdvice. */
    details: z.record(z.string(), z.unknown()).default({}),
  },
);

export const ticketPatternDetected = defineEvent({
  producer: 'tickets',
  entity: 'pattern',
  event: 'detected',
  version: 1,
  description:
    'The same store and category reached the threshold of tickets within the window (once per store, category and window). Key = store id.',
  schema: z.object({
    storeId: z.string(),
    tenantId: z.string().nullable(),
    category: z.string(),
    count: z.number().int().positive(),
    windowDays: z.number().int().positive(),
    ticketIds: z.array(z.uuid()),
    detectedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TICKETS_EVENTS = [
  compensationGranted,
  ticketOpened,
  ticketAcknowledged,
  ticketEscalated,
  ticketAssigned,
  ticketProposalMade,
  ticketResolved,
  ticketClosed,
  ticketReopened,
  ticketSlaWarning,
  ticketSlaBreached,
  ticketCompensationGranted,
  ticketAfterSalesStep,
  ticketPatternDetected,
] as const;
