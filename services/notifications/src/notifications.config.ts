import { z } from 'zod';
import { serviceConfigSpec } from '@atrium/messaging';
import { ConfigError, loadConfig, type ConfigOf } from '@atrium/platform';

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

/** Validates the environment once; prints every problem and exits when something is wrong. */
export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  try {
    return loadConfig(notificationsConfigSpec, env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
