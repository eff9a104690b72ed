import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@atrium/platform';
import { ticketsSettingsOf, ticketsSettingsSpec } from './tickets.config.js';

describe('tickets config spec', () => {
  it('polls for SLA deadlines every second by default, or as SLA_POLL_MS says', () => {
    expect(loadConfig(ticketsSettingsSpec, {})).toEqual({ SLA_POLL_MS: 1000 });
    expect(loadConfig(ticketsSettingsSpec, { SLA_POLL_MS: '50' })).toEqual({ SLA_POLL_MS: 50 });
  });

  it.each([['0'], ['fast'], ['1.5']])('names SLA_POLL_MS=%s as bad', (raw) => {
    expect(() => loadConfig(ticketsSettingsSpec, { SLA_POLL_MS: raw })).toThrow(
      new RegExp(`SLA_POLL_MS \\("${raw.replace('.', '\\.')}"\\)`),
    );
  });

  it('gives a service-only config the default poll interval', () => {
    expect(ticketsSettingsOf({})).toEqual({ SLA_POLL_MS: 1000 });
    expect(ticketsSettingsOf({ SLA_POLL_MS: 250 })).toEqual({ SLA_POLL_MS: 250 });
  });
});
