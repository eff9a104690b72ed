import { z } from 'zod';
import { defineOperation } from '../define.js';
import { LIFECYCLE_STAGES } from '../events/members-segments.events.js';

export const getMemberSegments = defineOperation({
  service: 'members',
  operation: 'get-member-segments',
  description: "A member's segments and lifecycle stage. The member itself, staff, platform components.",
  request: z.object({ memberId: z.uuid() }),
  response: z.object({
    segments: z.array(
      z.object({ code: z.string(), name: z.string(), since: z.iso.datetime({ offset: true }) }),
    ),
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    lifecycleSince: z.iso.datetime({ offset: true }).nullable(),
  }),
});
