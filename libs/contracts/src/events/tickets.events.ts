import { z } from 'zod';
import { defineEvent } from '../define.js';

/**
 * Produced by the tickets service when a complaint is settled with points; the members
 * service credits them once per compensation id.
 */
export const compensationGranted = defineEvent({
  producer: 'tickets',
  entity: 'compensation',
  event: 'granted',
  version: 1,
  description:
    'Points granted to a member as compensation for a ticket; credited once per compensationId. Key = member id.',
  schema: z.object({
    compensationId: z.string().min(1).max(64),
    memberId: z.uuid(),
    ticketId: z.string().min(1).max(64),
    points: z.number().int().positive().max(1_000_000),
    reason: z.string().min(1).max(500),
  }),
});

/** Events of the tickets service (the rest of the tickets context comes with its issue). */
export const TICKETS_EVENTS = [compensationGranted] as const;
