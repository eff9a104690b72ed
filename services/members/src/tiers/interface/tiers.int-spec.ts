// Integration: the members service booted in-process (serviceSuite); tiers.
// Real: PostgreSQL (own database, the ledger's purchases table read by the SQL QualifyingActivity),
// Kafka (purchaseRecorded consumed through the inbox), outbox, request-reply transport.
// Faked: purchases are inserted as rows (the ledger's recordPurchase is not called), and the
// review runs with explicit times instead of the hourly scheduler.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  getMemberTier,
  listTierHistory,
  listTiers,
  purchaseRecorded,
  registerMember,
  searchMembers,
  tierChanged,
  type Actor,
  type EventPayload,
  type MemberView,
} from '@atrium/contracts';
import {
  expectEventually,
  type TestKafka,
  type TestService,
  failureOf,
  testActor,
  serviceSuite,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { ReviewTiersJob } from '../application/review-tiers.job.js';
import { TierEvaluator } from '../application/tier-evaluator.js';

const actor = (kind: Actor['kind'], id: string, roles: string[] = []): Actor =>
  testActor(kind, id, { roles });
const staff = actor('staff', 'staff-1', ['FRONTLINE']);
const DAY = 86_400_000;

let kafka: TestKafka;
let service: TestService;
let db: DataSource;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [registerMember, getMemberTier, listTierHistory, listTiers, searchMembers],
});
const call = suite.send;

async function register(): Promise<MemberView> {
  return suite.registerMember({ displayName: 'Tier Person', consents: [] }, actor('anonymous', 'anonymous'));
}

/** A purchase row as the ledger writes it. */
async function purchase(
  memberId: string,
  amountFen: number,
  purchasedAt: Date,
  returnedFen = 0,
): Promise<EventPurchase> {
  const id = randomUUID();
  const orderId = `order-${id}`;
  await db.query(
    `INSERT INTO purchases (id, tenant_id, order_id, member_id, store_id, amount_fen, returned_fen, points, reversed_points, request_hash, purchased_at, recorded_at)
     VALUES ($1, 'tenant-t', $2, $3, 'store-1', $4, $5, 0, 0, 'hash', $6, now())`,
    [id, orderId, memberId, amountFen, returnedFen, purchasedAt],
  );
  return {
    purchaseId: id,
    memberId,
    tenantId: 'tenant-t',
    storeId: 'store-1',
    orderId,
    amountFen,
    points: 0,
    purchasedAt: purchasedAt.toISOString(),
  };
}
type EventPurchase = EventPayload<typeof purchaseRecorded>;

const tierCode = async (memberId: string) =>
  (
    (await db.query(`SELECT tier_code FROM member_tiers WHERE member_id = $1`, [memberId])) as Array<{
      tier_code: string;
    }>
  )[0]?.tier_code ?? 'MEMBER';

async function processed(messageId: string): Promise<void> {
  await expectEventually(async () => {
    expect(
      ((await db.query(`SELECT 1 FROM inbox WHERE message_id = $1`, [messageId])) as unknown[]).length,
    ).toBe(1);
  });
}

beforeAll(() => {
  kafka = suite.kafka;
  service = suite.service;
  db = suite.db;
});

describe('upgrade on a qualifying purchase', () => {
  it('499,999 fen in 12 months keeps MEMBER; one more fen upgrades to SILVER at once, with the reason and one tierChanged', async () => {
    const m = await register();
    const first = await purchase(m.id, 499_999, new Date(Date.now() - 30 * DAY));
    await processed(await kafka.publish(purchaseRecorded, first, { key: m.id }));
    expect(await tierCode(m.id)).toBe('MEMBER');

    const second = await purchase(m.id, 1, new Date());
    await processed(await kafka.publish(purchaseRecorded, second, { key: m.id }));
    expect(await tierCode(m.id)).toBe('SILVER');

    const tier = await call(getMemberTier, { memberId: m.id }, actor('member', m.id));
    expect(tier).toMatchObject({
      code: 'SILVER',
      qualifyingAmount: 500_000,
      graceUntil: null,
      next: { code: 'GOLD', remaining: 1_500_000 },
    });
    expect(tier.privileges.map((p) => p.code)).toContain('PRIORITY_BOOKING');
    const history = await call(listTierHistory, { memberId: m.id }, actor('member', m.id));
    expect(history.items).toEqual([
      expect.objectContaining({
        fromCode: 'MEMBER',
        toCode: 'SILVER',
        kind: 'UPGRADE',
        reason: 'qualified: 500000 fen spent in 12 months; SILVER needs 500000',
      }),
    ]);
    const events = (await db.query(
      `SELECT envelope FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = $2`,
      [tierChanged.type, m.id],
    )) as Array<{ envelope: { payload: Record<string, unknown> } }>;
    expect(events.map((e) => e.envelope.payload)).toEqual([
      expect.objectContaining({ fromCode: 'MEMBER', toCode: 'SILVER', direction: 'UPGRADE' }),
    ]);
    // Staff find it by tier.
    const silver = await call(searchMembers, { filter: { tier: 'SILVER' }, first: 100 }, staff);
    expect(silver.items.map((i) => i.member.id)).toContain(m.id);
    const entry = await call(searchMembers, { filter: { tier: 'MEMBER' }, first: 100 }, staff);
    expect(entry.items.map((i) => i.member.id)).not.toContain(m.id);
  });

  it('spend older than the rolling window and returned spend do not count', async () => {
    const m = await register();
    await purchase(m.id, 10_000_000, new Date(Date.now() - 400 * DAY));
    const netted = await purchase(m.id, 600_000, new Date(), 200_000);
    await processed(await kafka.publish(purchaseRecorded, netted, { key: m.id }));
    expect(await tierCode(m.id)).toBe('MEMBER');
    expect((await call(getMemberTier, { memberId: m.id }, staff)).qualifyingAmount).toBe(400_000);
  });

  it('the same purchase event delivered twice is evaluated once', async () => {
    const m = await register();
    const p = await purchase(m.id, 2_000_000, new Date());
    const id = randomUUID();
    await kafka.publish(purchaseRecorded, p, { key: m.id, id });
    await kafka.publish(purchaseRecorded, p, { key: m.id, id });
    await processed(id);
    await expectEventually(async () => expect(await tierCode(m.id)).toBe('GOLD'));
    expect(
      ((await db.query(`SELECT 1 FROM tier_changes WHERE member_id = $1`, [m.id])) as unknown[]).length,
    ).toBe(1);
  });
});

describe('downgrade only at the scheduled review, after the grace period', () => {
  it('GOLD a year later: purchases never downgrade; the review starts 30 days of grace, then downgrades to what the spend qualifies for', async () => {
    const evaluator = service.app.get(TierEvaluator);
    const m = await register();
    const t0 = new Date(Date.now() - 2 * DAY);
    await purchase(m.id, 2_000_000, new Date(t0.getTime() - DAY));
    expect(await evaluator.evaluate(m.id, 'activity', t0)).toBe('UPGRADE');
    expect(await tierCode(m.id)).toBe('GOLD');

    const yearLater = new Date(t0.getTime() + 370 * DAY);
    await purchase(m.id, 600_000, new Date(yearLater.getTime() - DAY)); // enough for SILVER only
    expect(await evaluator.evaluate(m.id, 'activity', yearLater)).toBe('NONE');
    expect(await tierCode(m.id)).toBe('GOLD');

    expect(await evaluator.evaluate(m.id, 'review', yearLater)).toBe('GRACE_STARTED');
    expect(await tierCode(m.id)).toBe('GOLD');
    expect(await evaluator.evaluate(m.id, 'review', new Date(yearLater.getTime() + 29 * DAY))).toBe('NONE');
    expect(await tierCode(m.id)).toBe('GOLD');
    expect(await evaluator.evaluate(m.id, 'review', new Date(yearLater.getTime() + 30 * DAY))).toBe(
      'DOWNGRADE',
    );
    expect(await tierCode(m.id)).toBe('SILVER');

    const history = await call(listTierHistory, { memberId: m.id }, staff);
    expect(history.items.map((h) => [h.kind, h.fromCode, h.toCode])).toEqual([
      ['DOWNGRADE', 'GOLD', 'SILVER'],
      ['GRACE_STARTED', 'GOLD', 'GOLD'],
      ['UPGRADE', 'MEMBER', 'GOLD'],
    ]);
    expect(history.items[0]!.reason).toMatch(
      /^review: below GOLD: 600000 fen spent in 12 months; GOLD needs 2000000; grace period over$/,
    );
  });

  it('the review job reviews each due member once per period, and spending back to the tier during grace clears it', async () => {
    const job = service.app.get(ReviewTiersJob);
    const evaluator = service.app.get(TierEvaluator);
    const m = await register();
    const t0 = new Date(Date.now() - 3 * DAY);
    await purchase(m.id, 500_000, new Date(t0.getTime() - DAY));
    await evaluator.evaluate(m.id, 'activity', t0);
    const review = new Date(t0.getTime() + 370 * DAY);

    await job.run(review);
    await job.run(review); // a second run (or replica) in the same period changes nothing
    const graceRows = (await db.query(
      `SELECT kind FROM tier_changes WHERE member_id = $1 AND kind = 'GRACE_STARTED'`,
      [m.id],
    )) as unknown[];
    expect(graceRows).toHaveLength(1);

    await purchase(m.id, 500_000, new Date(review.getTime() + DAY));
    expect(await evaluator.evaluate(m.id, 'activity', new Date(review.getTime() + 2 * DAY))).toBe(
      'GRACE_CLEARED',
    );
    expect((await call(getMemberTier, { memberId: m.id }, staff)).graceUntil).toBeNull();
  });
});

describe('reading tiers', () => {
  it('the ladder lists each tier with its privileges as data', async () => {
    const ladder = await call(listTiers, {}, actor('anonymous', 'anonymous'));
    expect(ladder).toMatchObject({ metric: 'SPEND', windowMonths: 12, graceDays: 30 });
    expect(ladder.levels.map((l) => [l.code, l.threshold])).toEqual([
      ['MEMBER', 0],
      ['SILVER', 500_000],
      ['GOLD', 2_000_000],
      ['BLACK_CARD', 10_000_000],
    ]);
    expect(ladder.levels[3]!.privileges.map((p) => p.code)).toEqual(
      expect.arrayContaining([
        'PERSONAL_SHOPPER',
        'VALET_PARKING',
        'LOUNGE',
        'BIRTHDAY_GIFT',
        'PRIORITY_BOOKING',
      ]),
    );
  });

  it('a member reads only its own tier and history; a partner reads none; a new member is MEMBER', async () => {
    const alice = await register();
    const bob = await register();
    expect((await call(getMemberTier, { memberId: alice.id }, actor('member', alice.id))).code).toBe(
      'MEMBER',
    );
    expect((await failureOf(call(getMemberTier, { memberId: bob.id }, actor('member', alice.id)))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await failureOf(call(listTierHistory, { memberId: bob.id }, actor('member', alice.id)))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(
            getMemberTier,
            { memberId: bob.id },
            { ...actor('partner', 'k'), tenantId: 't', scopes: ['members:read'] },
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await failureOf(call(getMemberTier, { memberId: randomUUID() }, staff))).code).toBe('NOT_FOUND');
  });
});
