import { z } from 'zod';
import { defineEvent } from '../define.js';

export const memberMerged = defineEvent({
  producer: 'members',
  entity: 'member',
  event: 'merged',
  version: 1,
  description:
    'A duplicate member was merged into a survivor. Consumers re-point what they hold for mergedId (tickets, feedback, inbox) to survivorId; the members service keeps resolving mergedId to survivorId. Key = survivor id.',
  schema: z.object({
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    reason: z.string(),
    mergedAt: z.iso.datetime({ offset: true }),
  }),
});
