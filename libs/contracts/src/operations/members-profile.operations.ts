import { z } from 'zod';
import { channelSchema, languageSchema, phoneSchema } from '../common.js';
import { defineOperation } from '../define.js';
import { memberViewSchema } from './members.operations.js';
import { MEMBER_CODE_SCHEMA } from './members-privacy.operations.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` (YYYY-MM-DD) names a day that exists on the calendar (no 2月30日, no 2025-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar day, YYYY-MM-DD, that really exists, between 1900 and 2199. */
export const calendarDateSchema = z
  .string()
  .trim()
  .regex(DATE, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date')
  .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', 'must be between 1900-01-01 and 2199-12-31');

export const GENDERS = ['FEMALE', 'MALE', 'OTHER'] as const;

const label = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
const labels = (max: number) => z.array(label).max(max, `at most ${max} entries`);

export const anniversarySchema = z.object({ label, date: calendarDateSchema });

export const memberProfileSchema = z.object({
  memberId: z.uuid(),
  displayName: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthday: z.string().nullable(),
  anniversaries: z.array(z.object({ label: z.string(), date: z.string() })),
  preferredLanguage: languageSchema,
  preferredCategories: z.array(z.string()),
  preferredBrands: z.array(z.string()),
  /** Free tags staff put on a member; null when the reader is not staff. */
  staffTags: z.array(z.string()).nullable(),
});
export type MemberProfileView = z.infer<typeof memberProfileSchema>;

export const getMemberProfile = defineOperation({
  service: 'members',
  operation: 'get-member-profile',
  description: "A member's profile. The member itself, staff (who also see staff tags), platform components.",
  request: z.object({ memberId: z.uuid() }),
  response: memberProfileSchema,
});

export const updateMemberProfile = defineOperation({
  service: 'members',
  operation: 'update-member-profile',
  description:
    'Changes profile fields (only those given; null clears an optional field). The member itself, or staff; staffTags only by staff. Publishes members.profile.updated.v1.',
  request: z.object({
    memberId: z.uuid(),
    displayName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .optional(),
    gender: z.enum(GENDERS).nullable().optional(),
    birthday: calendarDateSchema.nullable().optional(),
    anniversaries: z.array(anniversarySchema).max(10, 'at most 10 entries').optional(),
    preferredLanguage: languageSchema.optional(),
    preferredCategories: labels(20).optional(),
    preferredBrands: labels(20).optional(),
    staffTags: labels(20).optional(),
  }),
  response: memberProfileSchema,
});

/** Identity kinds that can be linked after registration (a phone changes only through its own verified flow). */
export const LINKABLE_IDENTITY_KINDS = [
  'APP_ACCOUNT',
  'MINI_PROGRAM_OPENID',
  'MINI_PROGRAM_UNIONID',
  'CARD',
] as const;
export const IDENTITY_KIND_NAMES = ['PHONE', ...LINKABLE_IDENTITY_KINDS] as const;

export const channelIdentitySchema = z.object({
  kind: z.enum(IDENTITY_KIND_NAMES),
  /** The identifier with most of it hidden, e.g. 138****1234, ****5678, oAbC…xYz9. */
  valueMasked: z.string(),
  linkedAt: z.iso.datetime({ offset: true }),
});
export type ChannelIdentityView = z.infer<typeof channelIdentitySchema>;

export const listIdentities = defineOperation({
  service: 'members',
  operation: 'list-identities',
  description: "A member's channel identities, masked. The member itself or staff.",
  request: z.object({ memberId: z.uuid() }),
  response: z.object({ items: z.array(channelIdentitySchema) }),
});

export const linkIdentity = defineOperation({
  service: 'members',
  operation: 'link-identity',
  description:
    'Binds a channel identity to a member: cards and app accounts by the member itself or staff, mini-program ids only by platform components (proven by WeChat). Held by another member → CONFLICT MEMBER_IDENTITY_TAKEN; already bound to this member → no change. Publishes members.identity.linked.v1.',
  request: z.object({
    memberId: z.uuid(),
    kind: z.enum(LINKABLE_IDENTITY_KINDS),
    value: z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  }),
  response: z.object({ items: z.array(channelIdentitySchema), linked: z.boolean() }),
});

export const resolveMember = defineOperation({
  service: 'members',
  operation: 'resolve-member',
  description:
    'Finds the member behind whichever identifiers are present; when several are given, the configured priority (MEMBER_IDENTIFIER_PRIORITY, default card, phone, unionid, openid, app account, member code) decides. Staff and platform components.',
  request: z.object({
    card: z.string().trim().min(1).nullable().default(null),
    phone: phoneSchema.nullable().default(null),
    appAccount: z.string().trim().min(1).nullable().default(null),
    openid: z.string().trim().min(1).nullable().default(null),
    unionid: z.string().trim().min(1).nullable().default(null),
    memberCode: MEMBER_CODE_SCHEMA.nullable().default(null),
  }),
  response: z.object({
    memberId: z.uuid().nullable(),
    matchedBy: z.string().nullable(),
  }),
});

export const signInMiniProgram = defineOperation({
  service: 'members',
  operation: 'sign-in-mini-program',
  description:
    'The gateway (system actor) after a verified WeChat code-to-session: finds the member by unionid, then openid; otherwise binds them to the signed-in member given, otherwise creates a member from the mini-program. Answers FOUND, BOUND or CREATED.',
  request: z.object({
    openid: z.string().trim().min(1),
    unionid: z.string().trim().min(1).nullable().default(null),
    /** The member already signed in on this device (from a verified access token), if any. */
    signedInMemberId: z.uuid().nullable().default(null),
  }),
  response: z.object({ memberId: z.uuid(), outcome: z.enum(['FOUND', 'BOUND', 'CREATED']) }),
});

export const memberSearchFilterSchema = z.object({
  phone: phoneSchema.nullable().default(null),
  memberCode: MEMBER_CODE_SCHEMA.nullable().default(null),
  card: z.string().trim().min(1).nullable().default(null),
  /** Part of the display name, case-insensitive. */
  name: z.string().trim().min(1).max(64).nullable().default(null),
  registeredChannel: channelSchema.nullable().default(null),
  /** Current tier code, e.g. GOLD. */
  tier: z.string().trim().min(1).nullable().default(null),
  /** Segment code, e.g. FAMILY_WITH_CHILDREN. */
  segment: z.string().trim().min(1).nullable().default(null),
});

export const searchMembers = defineOperation({
  service: 'members',
  operation: 'search-members',
  description:
    'Staff search over members by phone, member code, card, name, channel, tier, segment (filters combine with AND), oldest first, paged by an opaque cursor.',
  request: z.object({
    filter: memberSearchFilterSchema.default({
      phone: null,
      memberCode: null,
      card: null,
      name: null,
      registeredChannel: null,
      tier: null,
      segment: null,
    }),
    first: z.number().int().min(1).max(100).default(20),
    after: z.string().nullable().default(null),
  }),
  response: z.object({
    items: z.array(z.object({ cursor: z.string(), member: memberViewSchema })),
    hasNextPage: z.boolean(),
  }),
});
