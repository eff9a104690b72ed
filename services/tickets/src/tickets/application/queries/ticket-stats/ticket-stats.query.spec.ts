import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR } from '@atrium/kernel';
import { slaTimes } from './ticket-stats.query.js';

const H = 3_600_000;
// Monday 2 March 2026 in Asia/Shanghai; the mall opens 10:00–22:00.
const local = (hhmm: string, day = '2026-03-02') => new Date(`${day}T${hhmm}:00+08:00`);

describe('SLA-time statistics', () => {
  it('business time leaves out the night and pauses; calendar time counts them; a reopened ticket’s first response is left out', () => {
    const times = slaTimes(
      [
        // Opened 21:00, responded 11:00 next day: 1 h on Monday + 1 h on Tuesday of business time.
        {
          openedAt: local('21:00'),
          slaCycle: 0,
          firstResponseAt: local('11:00', '2026-03-03'),
          resolvedAt: null,
          clock: 'BUSINESS',
          pauses: [],
        },
        // Calendar clock, resolved after 5 h of which 1 h paused: 4 h.
        {
          openedAt: local('10:00'),
          slaCycle: 0,
          firstResponseAt: local('10:30'),
          resolvedAt: local('15:00'),
          clock: 'CALENDAR',
          pauses: [{ start: local('12:00').getTime(), end: local('13:00').getTime() }],
        },
        // Reopened (cycle 1): its first response does not count.
        {
          openedAt: local('10:00'),
          slaCycle: 1,
          firstResponseAt: local('10:10'),
          resolvedAt: null,
          clock: 'CALENDAR',
          pauses: [],
        },
      ],
      DEFAULT_CALENDAR,
    );
    expect(times.firstResponse).toEqual({ medianSeconds: 1.25 * 3600, p90Seconds: (2 - 0.1 * 1.5) * 3600 });
    expect(times.resolution).toEqual({ medianSeconds: (4 * H) / 1000, p90Seconds: (4 * H) / 1000 });
  });

  it('no ticket: no figures', () => {
    expect(slaTimes([], DEFAULT_CALENDAR)).toEqual({
      firstResponse: { medianSeconds: null, p90Seconds: null },
      resolution: { medianSeconds: null, p90Seconds: null },
    });
  });
});
