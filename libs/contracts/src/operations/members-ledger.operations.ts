import { z } from 'zod';
import { isoDateTime, pageArgsSchema } from '../common.js';
import { defineOperation } from '../define.js';
import { pointsBalanceSchema } from '../events/members-ledger.events.js';

/** Money in integer fen: positive, at most 100 million yuan per purchase. */
const fenSchema = z
  .number({ error: 'must be an integer amount in fen' })
  .int('must be an integer amount in fen')
  .positive('must be a positive amount in fen')
  .max(10_000_000_000, 'must be at most 10 000 000 000 fen');
const externalId = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const tenantIdSchema = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

export const REWARD_KINDS = ['PARKING', 'GIFT', 'COUPON'] as const;
export const LEDGER_ENTRY_KINDS = [
  'EARN',
  'PENDING',
  'RELEASE',
  'REDEEM',
  'EXPIRE',
  'REVERSE',
  'ADJUST',
  'COMPENSATE',
  'TRANSFER_IN',
  'TRANSFER_OUT',
] as const;

export const recordPurchase = defineOperation({
  service: 'members',
  operation: 'record-purchase',
  description:
    'Credits a purchase (partner POS with purchases:write for its own tenant, or a platform component for online orders). Idempotent by (tenantId, orderId): the same order again returns the first result; different content is a CONFLICT.',
  request: z
    .object({
      /** The funding tenant; for partners it must equal the credential’s tenant (the gateway resolves it from the store). */
      tenantId: tenantIdSchema,
      storeId: externalId,
      /** The store’s category from the mall directory; lines without a category use it. */
      storeCategory: z.string().trim().min(1).max(64),
      orderId: externalId,
      memberId: z.uuid().optional(),
      memberCode: z
        .string()
        .trim()
        .regex(/^M[0-9A-HJKMNP-TV-Z]{8}$/, 'must be a member code such as M1A2B3C4D')
        .optional(),
      amountFen: fenSchema,
      lines: z
        .array(z.object({ category: z.string().trim().min(1).max(64), amountFen: fenSchema }))
        .max(200)
        .optional(),
      purchasedAt: isoDateTime.optional(),
    })
    .refine((r) => Boolean(r.memberId) !== Boolean(r.memberCode), {
      message: 'give exactly one of memberId or memberCode',
      path: ['memberId'],
    })
    .refine((r) => !r.lines || r.lines.reduce((s, l) => s + l.amountFen, 0) === r.amountFen, {
      message: 'the lines must add up to amountFen',
      path: ['lines'],
    }),
  response: z.object({
    purchaseId: z.uuid(),
    memberId: z.uuid(),
    points: z.number().int().min(0),
    state: z.enum(['PENDING', 'AVAILABLE']),
    releaseAt: isoDateTime.nullable(),
    /** True when this order had been recorded before and the first result is returned. */
    duplicate: z.boolean(),
  }),
});

export const recordReturn = defineOperation({
  service: 'members',
  operation: 'record-return',
  description:
    'Reverses the returned share of a purchase’s points (pending first, then available; a shortfall becomes debt). Idempotent by (tenantId, orderId, returnId).',
  request: z.object({
    tenantId: tenantIdSchema,
    orderId: externalId,
    returnId: externalId,
    amountFen: fenSchema,
  }),
  response: z.object({
    purchaseId: z.uuid(),
    reversedPoints: z.number().int().min(0),
    debtPoints: z.number().int().min(0),
    duplicate: z.boolean(),
  }),
});

export const redeemPoints = defineOperation({
  service: 'members',
  operation: 'redeem-points',
  description:
    'A member spends points on a reward. The idempotency key makes a retry return the first result; the same key with different content is a CONFLICT.',
  request: z.object({
    memberId: z.uuid(),
    rewardCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9_]{2,32}$/, 'must be a reward code such as PARKING_HOUR'),
    quantity: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(24, 'must be at most 24'),
    idempotencyKey: z
      .string()
      .trim()
      .min(8, 'must be at least 8 characters')
      .max(128, 'must be at most 128 characters'),
  }),
  response: z.object({
    redemptionId: z.uuid(),
    rewardCode: z.string(),
    quantity: z.number().int(),
    points: z.number().int().positive(),
    balance: pointsBalanceSchema,
    redeemedAt: isoDateTime,
  }),
});

export const pointsSummarySchema = pointsBalanceSchema.extend({
  expiringSoon: z.array(z.object({ points: z.number().int().positive(), on: isoDateTime })),
});

export const getPointsBalance = defineOperation({
  service: 'members',
  operation: 'get-points-balance',
  description:
    'A member’s balance and the points expiring within the warning window (the member itself, or staff).',
  request: z.object({ memberId: z.uuid() }),
  response: pointsSummarySchema,
});

export const ledgerEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(LEDGER_ENTRY_KINDS),
  points: z.number().int().min(0),
  availableDelta: z.number().int(),
  pendingDelta: z.number().int(),
  debtDelta: z.number().int(),
  referenceType: z.string().nullable(),
  referenceId: z.string().nullable(),
  storeId: z.string().nullable(),
  reason: z.string().nullable(),
  occurredAt: isoDateTime,
});
export type LedgerEntryView = z.infer<typeof ledgerEntrySchema>;

export const listPointsLedger = defineOperation({
  service: 'members',
  operation: 'list-points-ledger',
  description: 'A member’s ledger entries, newest first, paged by cursor (the member itself, or staff).',
  request: pageArgsSchema.extend({ memberId: z.uuid() }),
  response: z.object({
    entries: z.array(ledgerEntrySchema),
    hasNextPage: z.boolean(),
    endCursor: z.string().nullable(),
    totalCount: z.number().int().min(0),
  }),
});

export const adjustPoints = defineOperation({
  service: 'members',
  operation: 'adjust-points',
  description:
    'Staff (MANAGER and above) credit or deduct points with a reason; a deduction never goes below zero.',
  request: z.object({
    memberId: z.uuid(),
    points: z
      .number()
      .int('must be a whole number of points')
      .refine((n) => n !== 0, 'must not be zero')
      .refine((n) => Math.abs(n) <= 1_000_000, 'must be at most 1 000 000 either way'),
    reason: z
      .string()
      .trim()
      .min(3, 'must say why (at least 3 characters)')
      .max(500, 'must be at most 500 characters'),
  }),
  response: z.object({ entryId: z.uuid(), balance: pointsBalanceSchema }),
});

export const rewardViewSchema = z.object({
  code: z.string(),
  kind: z.enum(REWARD_KINDS),
  name: z.string(),
  pointsCost: z.number().int().positive(),
});

export const listRewards = defineOperation({
  service: 'members',
  operation: 'list-rewards',
  description: 'The active rewards catalog; parking costs the current points per hour.',
  request: z.object({}),
  response: z.object({ rewards: z.array(rewardViewSchema) }),
});

export const setParkingRate = defineOperation({
  service: 'members',
  operation: 'set-parking-rate',
  description: 'Staff (MANAGER and above) change how many points one hour of parking costs.',
  request: z.object({ pointsPerHour: z.number().int().min(1).max(100_000) }),
  response: z.object({ pointsPerHour: z.number().int() }),
});

export const settlementLineSchema = z.object({
  storeId: z.string(),
  issued: z.number().int(),
  redeemed: z.number().int(),
  expired: z.number().int(),
  reversed: z.number().int(),
});

export const tenantSettlement = defineOperation({
  service: 'members',
  operation: 'tenant-settlement',
  description:
    'Points issued, redeemed, expired and reversed in a mall-local month for the lots a tenant funded, by store (staff; a partner only for its own tenant).',
  request: z.object({
    tenantId: tenantIdSchema,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-05'),
  }),
  response: z.object({
    tenantId: z.string(),
    month: z.string(),
    stores: z.array(settlementLineSchema),
    totals: settlementLineSchema.omit({ storeId: true }),
  }),
});

export const MEMBERS_LEDGER_OPERATIONS = [
  recordPurchase,
  recordReturn,
  redeemPoints,
  getPointsBalance,
  listPointsLedger,
  adjustPoints,
  listRewards,
  setParkingRate,
  tenantSettlement,
] as const;
