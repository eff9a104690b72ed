import { z } from 'zod';
import { defineOperation } from '../define.js';
import { memberViewSchema } from './members.operations.js';

export const mergeMembers = defineOperation({
  service: 'members',
  operation: 'merge-members',
  description:
    'Staff (SUPERVISOR and above) merge a duplicate into a survivor: identities, profile gaps, consent history, access log, tier history, points (lots with expiry, pending, debt) and purchases move; the merged id keeps resolving to the survivor. Publishes members.member.merged.v1.',
  request: z.object({
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  }),
  response: z.object({
    survivor: memberViewSchema,
    mergedId: z.uuid(),
    pointsMoved: z.object({ available: z.number().int(), pending: z.number().int(), debt: z.number().int() }),
    identitiesMoved: z.number().int().min(0),
  }),
});
