import { describe, expect, it } from '@jest/globals';
import type { EventPayload, tierChanged } from '@atrium/contracts';
import { InMemoryMemberTiers } from '../../../testing/in-memory-tickets.js';
import { RecordMemberTierWhenTierChanged } from './record-member-tier.js';

describe('record a member’s tier', () => {
  it('keeps the latest announcement even when an older one arrives after it', async () => {
    const tiers = new InMemoryMemberTiers();
    const reaction = new RecordMemberTierWhenTierChanged(tiers);
    const memberId = '0190a000-0000-7000-8000-000000000001';
    const change = (toCode: string, changedAt: string) =>
      reaction.handle({ memberId, toCode, changedAt } as EventPayload<typeof tierChanged>);
    await change('GOLD', '2026-03-02T02:00:00.000Z');
    await change('SILVER', '2026-03-01T02:00:00.000Z');
    expect(await tiers.tierOf(memberId)).toBe('GOLD');
  });
});
