import { describe, expect, it } from '@jest/globals';
import { upsertSlaPolicy } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FixedClock, InMemoryPolicies, request, staff } from '../../../testing/in-memory-tickets.js';
import { UpsertSlaPolicyUseCase } from './upsert-sla-policy.usecase.js';

const night = {
  code: 'NIGHT',
  name: 'Night desk',
  position: 50,
  channels: ['HOTLINE'],
  clock: 'CALENDAR',
  firstResponseSeconds: 60,
  planSeconds: 600,
  resolutionSeconds: 3_600,
};

describe('upsert an SLA policy', () => {
  it('a manager stores the policy in milliseconds and gets it back in seconds', async () => {
    const policies = new InMemoryPolicies();
    const view = await new UpsertSlaPolicyUseCase(policies, new FixedClock()).execute(
      staff(['MANAGER']),
      request(upsertSlaPolicy, night),
    );
    expect(view).toEqual({
      code: 'NIGHT',
      name: 'Night desk',
      position: 50,
      categories: [],
      severities: [],
      channels: ['HOTLINE'],
      tiers: [],
      clock: 'CALENDAR',
      firstResponseSeconds: 60,
      planSeconds: 600,
      resolutionSeconds: 3_600,
      warnRatio: 0.8,
    });
    expect(await policies.get('NIGHT')).toMatchObject({
      firstResponseMs: 60_000,
      planMs: 600_000,
      resolutionMs: 3_600_000,
    });
  });

  it('a supervisor may not change policies', async () => {
    const policies = new InMemoryPolicies();
    await expect(
      new UpsertSlaPolicyUseCase(policies, new FixedClock()).execute(
        staff(['SUPERVISOR']),
        request(upsertSlaPolicy, night),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.LEVEL_TOO_LOW });
    expect(await policies.get('NIGHT')).toBeNull();
  });
});
