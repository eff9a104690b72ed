import { z } from 'zod';
import { defineEvent } from '../define.js';

/** A member's balance after a posting; every points event carries it so readers need no query. */
export const pointsBalanceSchema = z.object({
  available: z.number().int().min(0),
  pending: z.number().int().min(0),
  debt: z.number().int().min(0),
});

export const purchaseRecorded = defineEvent({
  producer: 'members',
  entity: 'purchase',
  event: 'recorded',
  version: 1,
  description: 'A purchase was credited to a member (once per tenant and order id). Key = member id.',
  schema: z.object({
    purchaseId: z.uuid(),
    memberId: z.uuid(),
    tenantId: z.string(),
    storeId: z.string(),
    orderId: z.string(),
    amountFen: z.number().int().positive(),
    points: z.number().int().min(0),
    purchasedAt: z.iso.datetime({ offset: true }),
  }),
});

export const pointsEarned = defineEvent({
  producer: 'members',
  entity: 'points',
  event: 'earned',
  version: 1,
  description:
    'Points were credited (kind PENDING, EARN, COMPENSATE, ADJUST, TRANSFER_IN) or released from pending (RELEASE). Key = member id.',
  schema: z.object({
    memberId: z.uuid(),
    entryId: z.uuid(),
    kind: z.enum(['EARN', 'PENDING', 'RELEASE', 'COMPENSATE', 'ADJUST', 'TRANSFER_IN']),
    points: z.number().int().positive(),
    /** Of the points, what went to repay an earlier debt. */
    debtRepaid: z.number().int().min(0),
    tenantId: z.string().nullable(),
    storeId: z.string().nullable(),
    balance: pointsBalanceSchema,
    occurredAt: z.iso.datetime({ offset: true }),
  }),
});

export const pointsRedeemed = defineEvent({
  producer: 'members',
  entity: 'points',
  event: 'redeemed',
  version: 1,
  description: 'A member spent points on a reward (or staff deducted points: kind ADJUST). Key = member id.',
  schema: z.object({
    memberId: z.uuid(),
    entryId: z.uuid(),
    kind: z.enum(['REDEEM', 'ADJUST', 'TRANSFER_OUT']),
    redemptionId: z.uuid().nullable(),
    rewardCode: z.string().nullable(),
    quantity: z.number().int().positive().nullable(),
    points: z.number().int().positive(),
    balance: pointsBalanceSchema,
    occurredAt: z.iso.datetime({ offset: true }),
  }),
});

export const pointsReversed = defineEvent({
  producer: 'members',
  entity: 'points',
  event: 'reversed',
  version: 1,
  description:
    'A return took back the returned share of a purchase’s points; what was already spent became debt. Key = member id.',
  schema: z.object({
    memberId: z.uuid(),
    entryId: z.uuid(),
    purchaseId: z.uuid(),
    returnId: z.string(),
    points: z.number().int().min(0),
    fromPending: z.number().int().min(0),
    fromAvailable: z.number().int().min(0),
    toDebt: z.number().int().min(0),
    balance: pointsBalanceSchema,
    occurredAt: z.iso.datetime({ offset: true }),
  }),
});

export const pointsExpired = defineEvent({
  producer: 'members',
  entity: 'points',
  event: 'expired',
  version: 1,
  description: 'What was left of a lot expired. Key = member id.',
  schema: z.object({
    memberId: z.uuid(),
    entryId: z.uuid(),
    lotId: z.uuid(),
    points: z.number().int().positive(),
    balance: pointsBalanceSchema,
    occurredAt: z.iso.datetime({ offset: true }),
  }),
});

export const pointsExpiring = defineEvent({
  producer: 'members',
  entity: 'points',
  event: 'expiring',
  version: 1,
  description: 'Warning: points will expire soon (once per member and expiry instant). Key = member id.',
  schema: z.object({
    memberId: z.uuid(),
    points: z.number().int().positive(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * The ledger's answer to tickets.compensation.granted.v1: the points were credited (once per
 * compensation id), or could not be (the member is unknown or has deleted its account). The
 * tickets service shows it on the ticket. Key = ticket id, so it stays in order with the ticket.
 */
export const compensationPosted = defineEvent({
  producer: 'members',
  entity: 'compensation',
  event: 'posted',
  version: 1,
  description:
    'The ledger settled a points compensation: POSTED (credited once per compensationId, to the surviving member of a merge) or REFUSED (unknown or deleted member). Key = ticket id.',
  schema: z.object({
    compensationId: z.string().min(1).max(64),
    ticketId: z.string().min(1).max(64),
    /** The member named by the compensation. */
    memberId: z.uuid(),
    outcome: z.enum(['POSTED', 'REFUSED']),
    /** The member credited: the survivor when the named member was merged; null when refused. */
    creditedMemberId: z.uuid().nullable(),
    entryId: z.uuid().nullable(),
    points: z.number().int().positive(),
    refusal: z.enum(['MEMBER_UNKNOWN', 'MEMBER_DELETED']).nullable(),
    postedAt: z.iso.datetime({ offset: true }),
  }),
});

export const MEMBERS_LEDGER_EVENTS = [
  purchaseRecorded,
  pointsEarned,
  pointsRedeemed,
  pointsReversed,
  pointsExpired,
  pointsExpiring,
  compensationPosted,
] as const;
