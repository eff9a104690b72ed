import { z } from 'zod';
import { languageSchema } from '../common.js';
import { defineEvent } from '../define.js';

export const LIFECYCLE_STAGES = ['NEW', 'ACTIVE', 'AT_RISK', 'LAPSED'] as const;

export const segmentsChanged = defineEvent({
  producer: 'members',
  entity: 'segments',
  event: 'changed',
  version: 1,
  description:
    'A member entered or left segments (rules kept as data, recomputed when their inputs change and daily). Key = member id.',
  schema: z.object({
    memberId: z.uuid(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    segments: z.array(z.string()),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

export const lifecycleChanged = defineEvent({
  producer: 'members',
  entity: 'lifecycle',
  event: 'changed',
  version: 1,
  description:
    "A member's lifecycle stage changed (NEW, ACTIVE, AT_RISK, LAPSED; recomputed daily from recency and frequency). Key = member id.",
  schema: z.object({
    memberId: z.uuid(),
    from: z.enum(LIFECYCLE_STAGES).nullable(),
    to: z.enum(LIFECYCLE_STAGES),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

export const birthdayUpcoming = defineEvent({
  producer: 'members',
  entity: 'member',
  event: 'birthday-upcoming',
  version: 1,
  description:
    "A member's birthday is coming (BIRTHDAY_NOTICE_DAYS ahead, default 7): published once per member per year, whatever the number of replicas. Carries the day, not the year of birth. Key = member id.",
  schema: z.object({
    memberId: z.uuid(),
    /** The day it is celebrated this time, YYYY-MM-DD (29 February falls on the 28th in other years). */
    celebratedOn: z.string(),
    daysAhead: z.number().int().min(0),
    preferredLanguage: languageSchema,
  }),
});
