import { serviceConfigSpec, type ServiceConfig } from '@atrium/messaging';
import { loadConfig, positiveInt, type ConfigOf, type ConfigSpec } from '@atrium/platform';

/** The tickets service's own variables (besides those every service reads). */
export const ticketsSettingsSpec = {
  SLA_POLL_MS: {
    schema: positiveInt(1000),
    description: 'How often each replica looks for SLA deadlines that have come due.',
  },
} satisfies ConfigSpec;

/** Every variable the tickets process reads. */
export const ticketsConfigSpec = { ...serviceConfigSpec('tickets'), ...ticketsSettingsSpec };
export type TicketsSettings = ConfigOf<typeof ticketsSettingsSpec>;
export type TicketsConfig = ConfigOf<typeof ticketsConfigSpec>;

/**
 * The tickets settings of a config, each missing one at its default: a config loaded with the
 * service spec alone (as the test harness does) runs with the defaults.
 */
export function ticketsSettingsOf(config: Partial<TicketsSettings>): TicketsSettings {
  const defaults = loadConfig(ticketsSettingsSpec, {});
  return { SLA_POLL_MS: config.SLA_POLL_MS ?? defaults.SLA_POLL_MS };
}

/** What the composition root accepts: a service config, with the tickets settings when loaded. */
export type TicketsAppConfig = ServiceConfig & Partial<TicketsSettings>;
