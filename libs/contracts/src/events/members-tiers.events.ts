import { z } from 'zod';
import { defineEvent } from '../define.js';

export const tierChanged = defineEvent({
  producer: 'members',
  entity: 'tier',
  event: 'changed',
  version: 1,
  description:
    "A member's tier changed: UPGRADE at once on qualification, DOWNGRADE only at a scheduled review after the grace period. Key = member id.",
  schema: z.object({
    memberId: z.uuid(),
    fromCode: z.string(),
    toCode: z.string(),
    direction: z.enum(['UPGRADE', 'DOWNGRADE']),
    reason: z.string(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});
