import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, channelSchema, consentSchema, phoneSchema } from '../common.js';
import { defineOperation } from '../define.js';

/** One consent as it stands now (the latest decision for its purpose, channel and tenant). */
export const consentStateSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  channel: z.enum(CONSENT_CHANNELS).nullable(),
  tenantId: z.string().nullable(),
  granted: z.boolean(),
  sourceChannel: channelSchema,
  changedAt: z.iso.datetime({ offset: true }),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const memberConsentsSchema = z.object({
  /** The current decision per (purpose, channel, tenant). */
  current: z.array(consentStateSchema),
  /** Every decision ever recorded, newest first. */
  history: z.array(consentStateSchema),
});
export type MemberConsents = z.infer<typeof memberConsentsSchema>;

export const listConsents = defineOperation({
  service: 'members',
  operation: 'list-consents',
  description: "A member's current consents and their history. The member itself or staff.",
  request: z.object({ memberId: z.uuid() }),
  response: memberConsentsSchema,
});

export const updateConsents = defineOperation({
  service: 'members',
  operation: 'update-consents',
  description:
    'Grants or withdraws consents (appended to the history; publishes members.consent.changed.v1). The member itself, or staff at a desk on its behalf.',
  request: z.object({
    memberId: z.uuid(),
    changes: z.array(consentSchema).min(1, 'must name at least one consent').max(32),
    sourceChannel: channelSchema,
  }),
  response: memberConsentsSchema,
});

export const MEMBER_CODE_SCHEMA = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^M[0-9A-HJKMNP-TV-Z]{8}$/, 'must be a member code such as M1A2B3C4D');

/** What a partner tenant sees of a member at its counter: never the full phone or birthday. */
export const partnerMemberViewSchema = z.object({
  memberCode: z.string(),
  tierCode: z.string(),
  phoneMasked: z.string(),
  nameInitial: z.string(),
});
export type PartnerMemberView = z.infer<typeof partnerMemberViewSchema>;

export const partnerLookupMember = defineOperation({
  service: 'members',
  operation: 'partner-lookup-member',
  description:
    "A partner tenant looks a member up by phone or member code (scope members:read). Only members who shared with the partner's tenant (or bought in its stores) are found; every read is logged.",
  request: z
    .object({
      phone: phoneSchema.nullable().default(null),
      memberCode: MEMBER_CODE_SCHEMA.nullable().default(null),
    })
    .refine((r) => (r.phone === null) !== (r.memberCode === null), {
      message: 'give exactly one of phone or memberCode',
      path: ['phone'],
    }),
  response: partnerMemberViewSchema,
});

export const dataAccessEntrySchema = z.object({
  tenantId: z.string(),
  /** The API key (or other credential) the partner used. */
  actorId: z.string(),
  lookupBy: z.enum(['PHONE', 'MEMBER_CODE']),
  accessedAt: z.iso.datetime({ offset: true }),
});
export type DataAccessEntry = z.infer<typeof dataAccessEntrySchema>;

export const listDataAccessLog = defineOperation({
  service: 'members',
  operation: 'list-data-access-log',
  description: 'Which partners read a member, newest first. The member itself or staff.',
  request: z.object({ memberId: z.uuid(), first: z.number().int().min(1).max(100).default(20) }),
  response: z.object({ items: z.array(dataAccessEntrySchema) }),
});

export const MEMBER_EXPORT_FORMAT = 'atrium.member-export.v1';

export const exportMemberData = defineOperation({
  service: 'members',
  operation: 'export-member-data',
  description:
    'Everything the members service holds about a member, as JSON sections (profile, identities, consents, accessLog, and sections other contexts contribute, e.g. the ledger). The member itself only.',
  request: z.object({ memberId: z.uuid() }),
  response: z.object({
    format: z.literal(MEMBER_EXPORT_FORMAT),
    memberId: z.uuid(),
    exportedAt: z.iso.datetime({ offset: true }),
    sections: z.record(z.string(), z.unknown()),
  }),
});

export const deleteMemberAccount = defineOperation({
  service: 'members',
  operation: 'delete-member-account',
  description:
    'Deletes a member account: profile and identities are anonymized, rows stay under the (now anonymous) member id; publishes members.member.deleted.v1. The member itself only.',
  request: z.object({ memberId: z.uuid() }),
  response: z.object({ memberId: z.uuid(), deletedAt: z.iso.datetime({ offset: true }) }),
});
