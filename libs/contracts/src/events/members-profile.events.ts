import { z } from 'zod';
import { defineEvent } from '../define.js';

export const profileUpdated = defineEvent({
  producer: 'members',
  entity: 'profile',
  event: 'updated',
  version: 1,
  description:
    'A member (or staff) changed profile fields. Names the fields, not their values: consumers that need values ask members.get-member-profile.',
  schema: z.object({
    memberId: z.uuid(),
    fields: z.array(z.string()),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
});

export const identityLinked = defineEvent({
  producer: 'members',
  entity: 'identity',
  event: 'linked',
  version: 1,
  description:
    'A channel identity (app account, mini-program openid/unionid, card) was bound to a member. Carries the kind, never the value.',
  schema: z.object({
    memberId: z.uuid(),
    kind: z.string(),
    linkedAt: z.iso.datetime({ offset: true }),
  }),
});
