import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, channelSchema } from '../common.js';
import { defineEvent } from '../define.js';

export const consentChanged = defineEvent({
  producer: 'members',
  entity: 'consent',
  event: 'changed',
  version: 1,
  description:
    'A member granted or withdrew consents. Consumers obey the latest decision per (purpose, channel, tenant): stop marketing, personalization or sharing at once when withdrawn.',
  schema: z.object({
    memberId: z.uuid(),
    changes: z.array(
      z.object({
        purpose: z.enum(CONSENT_PURPOSES),
        channel: z.enum(CONSENT_CHANNELS).nullable(),
        tenantId: z.string().nullable(),
        granted: z.boolean(),
      }),
    ),
    sourceChannel: channelSchema,
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

export const memberDeleted = defineEvent({
  producer: 'members',
  entity: 'member',
  event: 'deleted',
  version: 1,
  description:
    'A member deleted its account: the members service anonymized profile and identities. Consumers erase or anonymize what they hold about this member id; the id itself stays as an anonymous key.',
  schema: z.object({
    memberId: z.uuid(),
    deletedAt: z.iso.datetime({ offset: true }),
  }),
});
