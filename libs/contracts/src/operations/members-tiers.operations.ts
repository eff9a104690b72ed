import { z } from 'zod';
import { defineOperation } from '../define.js';

export const privilegeSchema = z.object({
  /** e.g. FREE_PARKING_HOURS, PERSONAL_SHOPPER, LOUNGE, VALET_PARKING, BIRTHDAY_GIFT, PRIORITY_BOOKING. */
  code: z.string(),
  name: z.string(),
  /** A quantity where the privilege has one (hours of parking per visit); null otherwise. */
  value: z.number().int().nullable(),
});
export type PrivilegeView = z.infer<typeof privilegeSchema>;

export const tierLevelSchema = z.object({
  code: z.string(),
  name: z.string(),
  rank: z.number().int().min(0),
  /** Qualifying amount over the rolling window: fen of spend, or points earned (see metric). */
  threshold: z.number().int().min(0),
  privileges: z.array(privilegeSchema),
});

export const tierLadderSchema = z.object({
  metric: z.enum(['SPEND', 'POINTS']),
  windowMonths: z.number().int().positive(),
  graceDays: z.number().int().min(0),
  levels: z.array(tierLevelSchema),
});
export type TierLadderView = z.infer<typeof tierLadderSchema>;

export const memberTierSchema = z.object({
  memberId: z.uuid(),
  code: z.string(),
  name: z.string(),
  rank: z.number().int().min(0),
  privileges: z.array(privilegeSchema),
  since: z.iso.datetime({ offset: true }).nullable(),
  /** Set when the member fell below its tier at a review: it keeps the tier until then. */
  graceUntil: z.iso.datetime({ offset: true }).nullable(),
  qualifyingAmount: z.number().int().min(0),
  next: z.object({ code: z.string(), threshold: z.number().int(), remaining: z.number().int() }).nullable(),
});
export type MemberTierView = z.infer<typeof memberTierSchema>;

export const tierChangeSchema = z.object({
  fromCode: z.string().nullable(),
  toCode: z.string(),
  kind: z.enum(['UPGRADE', 'DOWNGRADE', 'GRACE_STARTED', 'GRACE_CLEARED']),
  reason: z.string(),
  qualifyingAmount: z.number().int(),
  changedAt: z.iso.datetime({ offset: true }),
});

export const listTiers = defineOperation({
  service: 'members',
  operation: 'list-tiers',
  description: 'The tier ladder: how tiers qualify and the privileges of each. Anyone.',
  request: z.object({}),
  response: tierLadderSchema,
});

export const getMemberTier = defineOperation({
  service: 'members',
  operation: 'get-member-tier',
  description:
    "A member's tier, privileges and progress to the next tier. The member itself, staff, platform components.",
  request: z.object({ memberId: z.uuid() }),
  response: memberTierSchema,
});

export const listTierHistory = defineOperation({
  service: 'members',
  operation: 'list-tier-history',
  description: "A member's tier changes with their reasons, newest first. The member itself or staff.",
  request: z.object({ memberId: z.uuid(), first: z.number().int().min(1).max(100).default(20) }),
  response: z.object({ items: z.array(tierChangeSchema) }),
});
