import { z } from 'zod';
import { channelSchema, languageSchema } from '../common.js';
import { defineEvent } from '../define.js';

export const memberRegistered = defineEvent({
  producer: 'members',
  entity: 'member',
  event: 'registered',
  version: 1,
  description: 'A member registered from one of the mall channels. Carries no phone number.',
  schema: z.object({
    memberId: z.uuid(),
    memberCode: z.string(),
    displayName: z.string(),
    channel: channelSchema,
    preferredLanguage: languageSchema,
    registeredAt: z.iso.datetime({ offset: true }),
  }),
});
