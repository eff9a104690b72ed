import { z } from 'zod';
import { languageSchema, phoneSchema } from '../common.js';
import { defineOperation } from '../define.js';

export const sendLoginCode = defineOperation({
  service: 'notifications',
  operation: 'send-login-code',
  description: 'Sends a one-time login code by SMS (system actors only).',
  request: z.object({
    phone: phoneSchema,
    code: z.string().regex(/^\d{6}$/, 'must be 6 digits'),
    language: languageSchema.default('zh-CN'),
    ttlMinutes: z.number().int().positive(),
  }),
  response: z.object({ accepted: z.boolean(), provider: z.string() }),
});

export const inboxMessageSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const listInbox = defineOperation({
  service: 'notifications',
  operation: 'list-inbox',
  description: "Lists a member's in-app inbox, newest first. A member reads only its own.",
  request: z.object({ memberId: z.uuid(), first: z.number().int().min(1).max(100).default(20) }),
  response: z.object({ items: z.array(inboxMessageSchema), unread: z.number().int().nonnegative() }),
});
