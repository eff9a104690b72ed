// Unit: TierEvaluator with in-memory fakes (tier repository, qualifying activity, transactions, outbox, clock).
import { describe, expect, it } from '@jest/globals';
import type { EventContract } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { ManualClock } from '@atrium/platform';
import type { Ladder, QualifyingMetric, TierDecision } from '../domain/ladder.js';
import { QualifyingActivity } from './qualifying-activity.js';
import { TierEvaluator } from './tier-evaluator.js';
import { TierRepository, type StoredMemberTier, type TierChangeRecord } from './tier.repository.js';

const LADDER: Ladder = {
  metric: 'POINTS',
  windowMonths: 12,
  graceDays: 0,
  levels: [
    { code: 'MEMBER', name: 'Member', rank: 0, threshold: 0, privileges: [] },
    { code: 'VIP', name: 'VIP', rank: 1, threshold: 1000, privileges: [] },
  ],
};

/** The test fake of the QualifyingActivity port: amounts set per member, and the last question asked. */
class FakeQualifyingActivity extends QualifyingActivity {
  readonly amounts = new Map<string, number>();
  asked?: { metric: QualifyingMetric; from: Date; to: Date };
  async amount(memberId: string, metric: QualifyingMetric, from: Date, to: Date): Promise<number> {
    this.asked = { metric, from, to };
    return this.amounts.get(memberId) ?? 0;
  }
}

class InMemoryTiers extends TierRepository {
  readonly states = new Map<string, StoredMemberTier>();
  readonly changes: TierChangeRecord[] = [];
  async ladder() {
    return LADDER;
  }
  async lockState(memberId: string, entryCode: string, now: Date) {
    if (!this.states.has(memberId))
      this.states.set(memberId, { code: entryCode, since: now, graceUntil: null });
    return this.states.get(memberId)!;
  }
  async state(memberId: string) {
    return this.states.get(memberId) ?? null;
  }
  async apply(
    memberId: string,
    from: StoredMemberTier,
    decision: Exclude<TierDecision, { kind: 'NONE' }>,
    amount: number,
    now: Date,
  ) {
    const to = decision.kind === 'UPGRADE' || decision.kind === 'DOWNGRADE' ? decision.to.code : from.code;
    this.states.set(memberId, { code: to, since: now, graceUntil: null });
    this.changes.push({
      fromCode: from.code,
      toCode: to,
      kind: decision.kind,
      reason: decision.reason,
      qualifyingAmount: amount,
      changedAt: now,
    });
  }
  async markReviewed() {}
  async history() {
    return this.changes;
  }
  async dueForReview() {
    return [];
  }
}

class DirectTransactions extends TransactionHost {
  constructor() {
    super(undefined as never);
  }
  override run<T>(work: (manager: never) => Promise<T>): Promise<T> {
    return work(undefined as never);
  }
}

class RecordingOutbox extends OutboxWriter {
  readonly added: Array<{ type: string; payload: unknown }> = [];
  constructor() {
    super(undefined as never);
  }
  override async add<E extends EventContract>(event: E, payload: never): Promise<string> {
    this.added.push({ type: event.type, payload });
    return 'id';
  }
}

function setup() {
  const tiers = new InMemoryTiers();
  const activity = new FakeQualifyingActivity();
  const outbox = new RecordingOutbox();
  const clock = new ManualClock(new Date('2026-06-15T00:00:00Z'));
  return {
    tiers,
    activity,
    outbox,
    evaluator: new TierEvaluator(new DirectTransactions(), tiers, activity, outbox, clock),
  };
}

describe('TierEvaluator on a points ladder', () => {
  it('asks the port for points earned over the last 12 months and upgrades at the threshold', async () => {
    const { tiers, activity, outbox, evaluator } = setup();
    activity.amounts.set('m1', 1000);
    expect(await evaluator.evaluate('m1', 'activity')).toBe('UPGRADE');
    expect(activity.asked).toEqual({
      metric: 'POINTS',
      from: new Date('2025-06-15T00:00:00Z'),
      to: new Date('2026-06-15T00:00:00Z'),
    });
    expect(tiers.states.get('m1')!.code).toBe('VIP');
    expect(outbox.added).toEqual([
      {
        type: 'members.tier.changed',
        payload: expect.objectContaining({ fromCode: 'MEMBER', toCode: 'VIP', direction: 'UPGRADE' }),
      },
    ]);
  });

  it('999 points is no upgrade and publishes nothing', async () => {
    const { activity, outbox, evaluator } = setup();
    activity.amounts.set('m1', 999);
    expect(await evaluator.evaluate('m1', 'activity')).toBe('NONE');
    expect(outbox.added).toEqual([]);
  });

  it('with no grace configured, a review below the threshold downgrades at once; activity alone never does', async () => {
    const { tiers, activity, evaluator } = setup();
    activity.amounts.set('m1', 1000);
    await evaluator.evaluate('m1', 'activity');
    activity.amounts.set('m1', 10);
    expect(await evaluator.evaluate('m1', 'activity')).toBe('NONE');
    expect(await evaluator.evaluate('m1', 'review')).toBe('DOWNGRADE');
    expect(tiers.states.get('m1')!.code).toBe('MEMBER');
  });
});
