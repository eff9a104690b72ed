import { describe, expect, it } from '@jest/globals';
import { PING } from '@atrium/contracts';
import { ManualClock } from '@atrium/platform';
import { InstanceIdentity } from '../../instance-identity.js';
import { PingQuery } from './ping.query.js';

class FixedIdentity extends InstanceIdentity {
  constructor(
    readonly service: string,
    readonly instance: string,
  ) {
    super();
  }
}

describe('PingQuery', () => {
  it('answers with the service, the replica and the time of its clock, as the PING contract describes', () => {
    const clock = new ManualClock(new Date('2026-05-01T10:00:00.000Z'));
    const query = new PingQuery(new FixedIdentity('recommendations', 'recommendations-7'), clock);
    const answer = query.execute();
    expect(answer).toEqual({
      service: 'recommendations',
      instance: 'recommendations-7',
      time: '2026-05-01T10:00:00.000Z',
    });
    expect(PING.recommendations.response.parse(answer)).toEqual(answer);
  });

  it('tells the time at the moment it is asked', () => {
    const clock = new ManualClock(new Date('2026-05-01T10:00:00.000Z'));
    const query = new PingQuery(new FixedIdentity('recommendations', 'recommendations-7'), clock);
    clock.advance(90_000);
    expect(query.execute().time).toBe('2026-05-01T10:01:30.000Z');
  });

  it('refuses to answer for a process that has no instance name', () => {
    const query = new PingQuery(new FixedIdentity('recommendations', ' '), new ManualClock(new Date()));
    expect(() => query.execute()).toThrow(/names its service and instance/);
  });
});
