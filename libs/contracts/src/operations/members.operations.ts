import { z } from 'zod';
import { channelSchema, consentSchema, languageSchema, phoneSchema } from '../common.js';
import { defineOperation } from '../define.js';

export const memberViewSchema = z.object({
  id: z.uuid(),
  memberCode: z.string(),
  displayName: z.string(),
  phoneMasked: z.string(),
  preferredLanguage: languageSchema,
  registeredChannel: channelSchema,
  registeredAt: z.iso.datetime({ offset: true }),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const registerMember = defineOperation({
  service: 'members',
  operation: 'register-member',
  description: 'Registers a member; a phone already registered is a CONFLICT.',
  request: z.object({
    phone: phoneSchema,
    displayName: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
    channel: channelSchema,
    preferredLanguage: languageSchema.default('zh-CN'),
    consents: z.array(consentSchema).max(32).default([]),
  }),
  response: memberViewSchema,
});

export const getMember = defineOperation({
  service: 'members',
  operation: 'get-member',
  description: 'Reads one member. A member may read only itself; staff may read any.',
  request: z.object({ memberId: z.uuid() }),
  response: memberViewSchema,
});

export const getMembers = defineOperation({
  service: 'members',
  operation: 'get-members',
  description:
    'Reads up to 100 members at once (the gateway batches the members a GraphQL request names). Staff and system may read any; a member only itself (any other id is FORBIDDEN). Unknown ids and ids of members merged into another are left out of `items` (get-member follows a merge; this batch does not), so `items` may be shorter than `memberIds`, in any order.',
  request: z.object({
    memberIds: z
      .array(z.uuid())
      .min(1, 'must name at least one member')
      .max(100, 'must name at most 100 members'),
  }),
  response: z.object({ items: z.array(memberViewSchema) }),
});

export const findMemberByPhone = defineOperation({
  service: 'members',
  operation: 'find-member-by-phone',
  description: 'Resolves a phone to a member id (system actors only: used by the gateway at login).',
  request: z.object({ phone: phoneSchema }),
  response: z.object({ memberId: z.uuid().nullable() }),
});
