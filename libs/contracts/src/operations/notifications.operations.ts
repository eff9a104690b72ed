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

export const staffAlertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['SLA_WARNING', 'SLA_BREACHED', 'ESCALATED']),
  /** Staff at or above this level see the alert. */
  level: z.enum(['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER']),
  ticketId: z.uuid(),
  ticketNumber: z.string(),
  storeId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
});

export const listStaffAlerts = defineOperation({
  service: 'notifications',
  operation: 'list-staff-alerts',
  description:
    'Ticket alerts for the signed-in staff member, newest first: SLA warnings and breaches and escalations of tickets at or below its level (staff only).',
  request: z.object({ first: z.number().int().min(1).max(100).default(20) }),
  response: z.object({ items: z.array(staffAlertSchema) }),
});
