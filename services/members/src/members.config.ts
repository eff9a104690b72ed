import { z } from 'zod';
import { serviceConfigSpec, type ServiceConfig } from '@atrium/messaging';
import { loadConfig, type ConfigOf, type ConfigSpec } from '@atrium/platform';
import { IDENTIFIERS, parseIdentifierPriority } from './identity/index.js';

/** The members service's own variables (besides those every service reads). */
export const membersSettingsSpec = {
  MEMBER_IDENTIFIER_PRIORITY: {
    schema: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        try {
          return parseIdentifierPriority(raw);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.addIssue({ code: 'custom', message: message.replace(/^MEMBER_IDENTIFIER_PRIORITY: /, '') });
          return z.NEVER;
        }
      }),
    description: `Which identifier wins when several are given to resolve-member, comma-separated (default ${IDENTIFIERS.join(',')}); unlisted ones follow in default order.`,
  },
  TIER_REVIEW_DAY_OF_MONTH: {
    schema: z.coerce
      .number({ message: 'must be a whole day 1 to 28' })
      .int('must be a whole day 1 to 28')
      .min(1, 'must be a whole day 1 to 28')
      .max(28, 'must be a whole day 1 to 28')
      .default(1),
    description: 'Day (1–28, mall calendar) of the monthly tier review.',
  },
  BIRTHDAY_NOTICE_DAYS: {
    schema: z.coerce
      .number({ message: 'must be a whole number of days 0 to 60' })
      .int('must be a whole number of days 0 to 60')
      .min(0, 'must be a whole number of days 0 to 60')
      .max(60, 'must be a whole number of days 0 to 60')
      .default(7),
    description: 'How many days ahead members.member.birthday-upcoming.v1 is published (0–60).',
  },
} satisfies ConfigSpec;

/** Every variable the members process reads. */
export const membersConfigSpec = { ...serviceConfigSpec('members'), ...membersSettingsSpec };
export type MembersSettings = ConfigOf<typeof membersSettingsSpec>;
export type MembersConfig = ConfigOf<typeof membersConfigSpec>;

/**
 * The members settings of a config, each missing one at its default: a config loaded with the
 * service spec alone (as the test harness does) runs with the defaults.
 */
export function membersSettingsOf(config: Partial<MembersSettings>): MembersSettings {
  const defaults = loadConfig(membersSettingsSpec, {});
  return {
    MEMBER_IDENTIFIER_PRIORITY: config.MEMBER_IDENTIFIER_PRIORITY ?? defaults.MEMBER_IDENTIFIER_PRIORITY,
    TIER_REVIEW_DAY_OF_MONTH: config.TIER_REVIEW_DAY_OF_MONTH ?? defaults.TIER_REVIEW_DAY_OF_MONTH,
    BIRTHDAY_NOTICE_DAYS: config.BIRTHDAY_NOTICE_DAYS ?? defaults.BIRTHDAY_NOTICE_DAYS,
  };
}

/** What the composition root accepts: a service config, with the members settings when loaded. */
export type MembersAppConfig = ServiceConfig & Partial<MembersSettings>;
