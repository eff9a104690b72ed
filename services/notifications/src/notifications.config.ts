import { z } from 'zod';
import { serviceConfigSpec } from '@atrium/messaging';
import type { ConfigOf } from '@atrium/platform';

export const SMS_PROVIDERS = ['local'] as const;

/** The variables notifications reads: every service's, plus its providers. */
export const notificationsConfigSpec = {
  ...serviceConfigSpec('notifications'),
  SMS_PROVIDER: {
    schema: z.enum(SMS_PROVIDERS).default('local'),
    description:
      "Where SMS go. 'local' records them in sms_messages and serves them at GET /local/sms (development, tests, demo); real providers come in a later issue.",
  },
};
export type NotificationsConfig = ConfigOf<typeof notificationsConfigSpec>;
