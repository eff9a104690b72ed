// Integration: the members service's points ledger booted in-process (serviceSuite).
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, inbox, request-reply transport.
// Faked: nothing. Jobs run by calling them with a chosen "now" (the scheduler ticks once a minute).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  adjustPoints,
  compensationGranted,
  compensationPosted,
  getPointsBalance,
  listPointsLedger,
  listRewards,
  mergeMembers,
  MEMBERS_LEDGER_OPERATIONS,
  pointsEarned,
  pointsExpiring,
  pointsRedeemed,
  pointsReversed,
  purchaseRecorded,
  recordPurchase,
  recordReturn,
  redeemPoints,
  registerMember,
  setParkingRate,
  tenantSettlement,
} from '@atrium/contracts';
import { OutboxWriter, type RequestClient } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { AppError } from '@atrium/platform';
import {
  expectEventually,
  TestKafka,
  type CollectedMessage,
  type TestService,
  sendAs,
  failureOf,
  testActor,
  startTestClient,
  registerTestMember,
  serviceSuite,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { ExpirePointsJob } from '../application/jobs/expire-points.job.js';
import { LedgerRepository } from '../application/ledger.repository.js';
import { ReleasePendingPointsJob } from '../application/jobs/release-pending-points.job.js';
import { TransferPointsOnMerge } from '../application/commands/transfer-points-on-merge.usecase.js';

const DAY = 86_400_000;
const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const manager = actor('staff', 'manager-1', { roles: ['MANAGER'] });
const frontline = actor('staff', 'frontline-1', { roles: ['FRONTLINE'] });
const pos = (tenantId: string, scopes = ['purchases:write']) =>
  actor('partner', `key-${tenantId}`, { tenantId, scopes });

// The client is the suite's own: its timeout is longer than serviceSuite's.
const suite = serviceSuite('members', { module: (config) => AppModule.forRoot(config) });

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;
let db: DataSource;
let published: CollectedMessage[];

const call: typeof suite.send = (op, request, as) => sendAs(client, op, request, as);

async function newMember(name = 'Ledger member'): Promise<string> {
  return (
    await registerTestMember(
      client,
      { displayName: name, preferredLanguage: undefined, consents: [] },
      anonymous,
    )
  ).id;
}
const newTenant = () => `tenant-${randomUUID().slice(0, 8)}`;

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)) as T[];
}

/** Balance of a member in the table and as the sum of its entries. */
async function balanceAndSum(memberId: string) {
  const [b] = await rows<{ available: string; pending: string; debt: string }>(
    `SELECT available, pending, debt FROM member_balances WHERE member_id = $1`,
    [memberId],
  );
  const [s] = await rows<{ available: string; pending: string; debt: string }>(
    `SELECT coalesce(sum(available_delta), 0) AS available, coalesce(sum(pending_delta), 0) AS pending,
            coalesce(sum(debt_delta), 0) AS debt FROM ledger_entries WHERE member_id = $1`,
    [memberId],
  );
  const num = (r?: { available: string; pending: string; debt: string }) => ({
    available: Number(r?.available ?? 0),
    pending: Number(r?.pending ?? 0),
    debt: Number(r?.debt ?? 0),
  });
  return { stored: num(b), sum: num(s) };
}

/** Every balance equals the sum of its entries, and the lots agree with it. */
async function expectLedgerConsistent(): Promise<void> {
  const mismatches = await rows(`
    SELECT b.member_id FROM member_balances b
      LEFT JOIN (SELECT member_id, sum(available_delta) a, sum(pending_delta) p, sum(debt_delta) d
                   FROM ledger_entries GROUP BY member_id) e ON e.member_id = b.member_id
      LEFT JOIN (SELECT member_id, sum(remaining) FILTER (WHERE state = 'AVAILABLE') a,
                        sum(remaining) FILTER (WHERE state = 'PENDING') p
                   FROM point_lots GROUP BY member_id) l ON l.member_id = b.member_id
     WHERE b.available <> coalesce(e.a, 0) OR b.pending <> coalesce(e.p, 0) OR b.debt <> coalesce(e.d, 0)
        OR b.available <> coalesce(l.a, 0) OR b.pending <> coalesce(l.p, 0)
        OR b.available < 0 OR b.pending < 0 OR b.debt < 0`);
  expect(mismatches).toEqual([]);
}

const eventsOf = (topic: string, memberId: string) =>
  published
    .filter((m) => m.topic === topic)
    .map((m) => JSON.parse(m.value ?? '{}') as { id: string; payload: Record<string, unknown> })
    .filter((e) => e.payload.memberId === memberId);

beforeAll(async () => {
  kafka = suite.kafka;
  service = suite.service;
  db = suite.db;
  published = await kafka.collect([
    purchaseRecorded.topic,
    pointsEarned.topic,
    pointsRedeemed.topic,
    pointsReversed.topic,
    pointsExpiring.topic,
    compensationPosted.topic,
  ]);
  // Correctness, not latency: on a loaded 2-core machine 50 contending postings can take a while.
  client = await startTestClient(kafka, [registerMember, mergeMembers, ...MEMBERS_LEDGER_OPERATIONS], {
    timeoutMs: 60000,
  });
});

afterAll(async () => {
  await client?.stop();
});

describe('points ledger: purchases', () => {
  it('a POS purchase earns pending points once; the same order again returns the first result and writes nothing', async () => {
    const memberId = await newMember();
    const tenant = newTenant();
    const request = {
      tenantId: tenant,
      storeId: 'store-1',
      storeCategory: 'FASHION',
      orderId: 'o-1',
      memberId,
      amountFen: 123_456,
    };
    const first = await call(recordPurchase, request, pos(tenant));
    expect(first).toMatchObject({ memberId, points: 1234, state: 'PENDING', duplicate: false });
    expect(Date.parse(first.releaseAt!) - Date.now()).toBeGreaterThan(6.9 * DAY);

    const again = await call(recordPurchase, request, pos(tenant));
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await call(getPointsBalance, { memberId }, actor('member', memberId))).toEqual({
      available: 0,
      pending: 1234,
      debt: 0,
      expiringSoon: [],
    });
    expect(await rows(`SELECT kind, points FROM ledger_entries WHERE member_id = $1`, [memberId])).toEqual([
      { kind: 'PENDING', points: '1234' },
    ]);
    await expectEventually(() => {
      expect(eventsOf(purchaseRecorded.topic, memberId)).toHaveLength(1);
      expect(eventsOf(pointsEarned.topic, memberId).map((e) => e.payload)).toEqual([
        expect.objectContaining({
          kind: 'PENDING',
          points: 1234,
          tenantId: tenant,
          balance: { available: 0, pending: 1234, debt: 0 },
        }),
      ]);
    });
  });

  it('the same order id with different content is a CONFLICT (POINTS_ORDER_CONFLICT) and writes nothing', async () => {
    const memberId = await newMember();
    const tenant = newTenant();
    const base = {
      tenantId: tenant,
      storeId: 'store-1',
      storeCategory: 'FASHION',
      orderId: 'o-2',
      memberId,
      amountFen: 10_000,
    };
    await call(recordPurchase, base, pos(tenant));
    const error = await failureOf(call(recordPurchase, { ...base, amountFen: 20_000 }, pos(tenant)));
    expect([error.code, error.reason, error.field]).toEqual(['CONFLICT', 'POINTS_ORDER_CONFLICT', 'orderId']);
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 100, debt: 0 });
  });

  it('partner A cannot earn for tenant B, read a ledger or settle B; a key without purchases:write cannot earn', async () => {
    const memberId = await newMember();
    const [a, b] = [newTenant(), newTenant()];
    const request = {
      tenantId: b,
      storeId: 'store-b',
      storeCategory: 'FASHION',
      orderId: 'o-3',
      memberId,
      amountFen: 10_000,
    };
    const crossTenant = await failureOf(call(recordPurchase, request, pos(a)));
    expect([crossTenant.code, crossTenant.reason]).toEqual(['FORBIDDEN', 'POINTS_OTHER_TENANT']);
    const noScope = await failureOf(
      call(recordPurchase, { ...request, tenantId: a }, pos(a, ['members:read'])),
    );
    expect([noScope.code, noScope.reason]).toEqual(['FORBIDDEN', 'POINTS_MISSING_SCOPE']);
    await call(recordPurchase, request, pos(b));
    // A cannot return B's order (neither naming B, nor under its own tenant where the order does not exist).
    expect(
      (
        await failureOf(
          call(recordReturn, { tenantId: b, orderId: 'o-3', returnId: 'r', amountFen: 100 }, pos(a)),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(recordReturn, { tenantId: a, orderId: 'o-3', returnId: 'r', amountFen: 100 }, pos(a)),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failureOf(call(tenantSettlement, { tenantId: b, month: '2026-01' }, pos(a)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(listPointsLedger, { memberId, first: 10 }, pos(a)))).code).toBe('FORBIDDEN');
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 100, debt: 0 });
  });

  it('a member cannot read another member’s balance or ledger, nor spend its points; staff can read', async () => {
    const [alice, bob] = [await newMember('Alice'), await newMember('Bob')];
    for (const op of [
      call(getPointsBalance, { memberId: bob }, actor('member', alice)),
      call(listPointsLedger, { memberId: bob, first: 5 }, actor('member', alice)),
      call(
        redeemPoints,
        { memberId: bob, rewardCode: 'PARKING_HOUR', quantity: 1, idempotencyKey: 'steal-bob-1' },
        actor('member', alice),
      ),
    ]) {
      const error = await failureOf(op);
      expect([error.code, error.reason]).toEqual(['FORBIDDEN', 'POINTS_ACCESS_DENIED']);
    }
    expect((await failureOf(call(getPointsBalance, { memberId: bob }, anonymous))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await call(listPointsLedger, { memberId: bob, first: 5 }, frontline)).entries).toEqual([]);
  });

  it('bad amounts are BAD_USER_INPUT naming the field', async () => {
    const memberId = await newMember();
    const tenant = newTenant();
    const base = { tenantId: tenant, storeId: 's', storeCategory: 'FASHION', orderId: 'o-bad', memberId };
    for (const amountFen of [0, -5, 12.5]) {
      const error = await failureOf(call(recordPurchase, { ...base, amountFen }, pos(tenant)));
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'amountFen']);
    }
    const returned = await failureOf(
      call(
        recordPurchase,
        { ...base, amountFen: 100, lines: [{ category: 'X', amountFen: 50 }] },
        pos(tenant),
      ),
    );
    expect([returned.code, returned.field]).toEqual(['BAD_USER_INPUT', 'lines']);
    expect(await rows(`SELECT 1 FROM purchases WHERE tenant_id = $1`, [tenant])).toEqual([]);
  });
});

describe('points ledger: lots, release, expiry and debt', () => {
  it('redemption consumes the lot nearest to expiry first; the expiry job takes what is left and warns once', async () => {
    const memberId = await newMember();
    const tenant = newTenant();
    const now = Date.now();
    // Bought 100 and 10 days ago: the return window is closed, both are available; the older expires a few months earlier.
    const old = await call(
      recordPurchase,
      {
        tenantId: tenant,
        storeId: 's-old',
        storeCategory: 'FASHION',
        orderId: 'old',
        memberId,
        amountFen: 50_000,
        purchasedAt: new Date(now - 100 * DAY).toISOString(),
      },
      pos(tenant),
    );
    const recent = await call(
      recordPurchase,
      {
        tenantId: tenant,
        storeId: 's-new',
        storeCategory: 'FASHION',
        orderId: 'new',
        memberId,
        amountFen: 100_000,
        purchasedAt: new Date(now - 10 * DAY).toISOString(),
      },
      pos(tenant),
    );
    expect([old.state, recent.state]).toEqual(['AVAILABLE', 'AVAILABLE']);

    const redeemed = await call(
      redeemPoints,
      { memberId, rewardCode: 'PARKING_HOUR', quantity: 3, idempotencyKey: `fifo-${memberId}` },
      actor('member', memberId),
    );
    expect(redeemed).toMatchObject({ points: 300, balance: { available: 1200, pending: 0, debt: 0 } });
    const lots = await rows<{ store_id: string; remaining: string; expires_at: Date }>(
      `SELECT store_id, remaining, expires_at FROM point_lots WHERE member_id = $1 ORDER BY expires_at`,
      [memberId],
    );
    expect(lots.map((l) => [l.store_id, Number(l.remaining)])).toEqual([
      ['s-old', 200],
      ['s-new', 1000],
    ]);
    const [oldExpiry, newExpiry] = lots.map((l) => new Date(l.expires_at).getTime());
    expect(oldExpiry).toBeLessThan(newExpiry!);

    // Warned once, however often the job runs, and only about what expires within 30 days.
    const expire = service.app.get(ExpirePointsJob);
    await expire.run(new Date(oldExpiry! - 10 * DAY));
    await expire.run(new Date(oldExpiry! - 9 * DAY));
    expect(await rows(`SELECT points FROM expiry_warnings WHERE member_id = $1`, [memberId])).toEqual([
      { points: '200' },
    ]);
    await expectEventually(() =>
      expect(eventsOf(pointsExpiring.topic, memberId).map((e) => e.payload.points)).toEqual([200]),
    );

    await expire.run(new Date(oldExpiry!));
    await expire.run(new Date(oldExpiry! + 1000));
    expect(
      await rows(`SELECT kind, points FROM ledger_entries WHERE member_id = $1 AND kind = 'EXPIRE'`, [
        memberId,
      ]),
    ).toEqual([{ kind: 'EXPIRE', points: '200' }]);
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 1000, pending: 0, debt: 0 });

    // The settlement shows what the tenant issued, and what of its lots was redeemed and expired, by store.
    const month = new Date(now + 8 * 3600_000).toISOString().slice(0, 7);
    const settlement = await call(tenantSettlement, { tenantId: tenant, month }, pos(tenant));
    expect(settlement.stores).toEqual([
      { storeId: 's-new', issued: 1000, redeemed: 0, expired: 0, reversed: 0 },
      { storeId: 's-old', issued: 500, redeemed: 300, expired: 0, reversed: 0 },
    ]);
    await expectLedgerConsistent();
  });

  it('pending points release after the return window; a return after they were spent becomes debt that the next earning repays', async () => {
    const memberId = await newMember();
    const tenant = newTenant();
    const me = actor('member', memberId);
    await call(
      recordPurchase,
      {
        tenantId: tenant,
        storeId: 's',
        storeCategory: 'FASHION',
        orderId: 'p-1',
        memberId,
        amountFen: 100_000,
      },
      pos(tenant),
    );
    const release = service.app.get(ReleasePendingPointsJob);
    await release.run(new Date(Date.now() + 6 * DAY));
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 1000, debt: 0 });
    await release.run(new Date(Date.now() + 8 * DAY));
    await release.run(new Date(Date.now() + 8 * DAY)); // a second run, as a second replica would
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 1000, pending: 0, debt: 0 });

    await call(
      redeemPoints,
      { memberId, rewardCode: 'PARKING_HOUR', quantity: 10, idempotencyKey: `park-${memberId}` },
      me,
    );
    const returned = await call(
      recordReturn,
      { tenantId: tenant, orderId: 'p-1', returnId: 'r-1', amountFen: 100_000 },
      pos(tenant),
    );
    expect(returned).toEqual({
      purchaseId: expect.any(String),
      reversedPoints: 1000,
      debtPoints: 1000,
      duplicate: false,
    });
    expect(
      (
        await call(
          recordReturn,
          { tenantId: tenant, orderId: 'p-1', returnId: 'r-1', amountFen: 100_000 },
          pos(tenant),
        )
      ).duplicate,
    ).toBe(true);
    const tooMuch = await failureOf(
      call(recordReturn, { tenantId: tenant, orderId: 'p-1', returnId: 'r-2', amountFen: 1 }, pos(tenant)),
    );
    expect([tooMuch.code, tooMuch.field]).toEqual(['BAD_USER_INPUT', 'amountFen']);
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 0, debt: 1000 });

    await call(
      recordPurchase,
      {
        tenantId: tenant,
        storeId: 's',
        storeCategory: 'FASHION',
        orderId: 'p-2',
        memberId,
        amountFen: 60_000,
      },
      pos(tenant),
    );
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 600, debt: 1000 });
    await release.run(new Date(Date.now() + 8 * DAY));
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 0, debt: 400 });
    await call(adjustPoints, { memberId, points: 500, reason: 'goodwill after a parking dispute' }, manager);
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 100, pending: 0, debt: 0 });

    await expectEventually(() =>
      expect(eventsOf(pointsReversed.topic, memberId).map((e) => e.payload)).toEqual([
        expect.objectContaining({ points: 1000, fromPending: 0, fromAvailable: 0, toDebt: 1000 }),
      ]),
    );
    const page = await call(listPointsLedger, { memberId, first: 3 }, me);
    expect(page.entries.map((e) => e.kind)).toEqual(['ADJUST', 'RELEASE', 'PENDING']);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 7 });
    const rest = await call(listPointsLedger, { memberId, first: 10, after: page.endCursor }, me);
    expect(rest.entries.map((e) => e.kind)).toEqual(['REVERSE', 'REDEEM', 'RELEASE', 'PENDING']);
    expect(rest.hasNextPage).toBe(false);
    await expectLedgerConsistent();
  });

  it('a return inside the window takes the pending points; partial returns never take more than earned', async () => {
    const memberId = await newMember();
    const tenant = newTenant();
    await call(
      recordPurchase,
      {
        tenantId: tenant,
        storeId: 's',
        storeCategory: 'FASHION',
        orderId: 'w-1',
        memberId,
        amountFen: 30_000,
      },
      pos(tenant),
    );
    for (const [returnId, amountFen] of [
      ['a', 10_000],
      ['b', 10_000],
      ['c', 10_000],
    ] as const) {
      await call(recordReturn, { tenantId: tenant, orderId: 'w-1', returnId, amountFen }, pos(tenant));
    }
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 0, debt: 0 });
    expect(
      await rows(`SELECT points, reversed_points, returned_fen FROM purchases WHERE tenant_id = $1`, [
        tenant,
      ]),
    ).toEqual([{ points: '300', reversed_points: '300', returned_fen: '30000' }]);
  });
});

describe('points ledger: redemptions, adjustments, compensations', () => {
  it('a retried redemption returns the first result; the same key with other content is a CONFLICT', async () => {
    const memberId = await newMember();
    const me = actor('member', memberId);
    await call(adjustPoints, { memberId, points: 3000, reason: 'opening balance for the test' }, manager);
    const request = { memberId, rewardCode: 'GIFT_TOTE', quantity: 1, idempotencyKey: `tote-${memberId}` };
    const first = await call(redeemPoints, request, me);
    expect(await call(redeemPoints, request, me)).toEqual(first);
    const error = await failureOf(call(redeemPoints, { ...request, quantity: 2 }, me));
    expect([error.code, error.reason, error.field]).toEqual([
      'CONFLICT',
      'POINTS_IDEMPOTENCY_KEY_REUSED',
      'idempotencyKey',
    ]);
    const short = await failureOf(
      call(redeemPoints, { ...request, rewardCode: 'COUPON_50', idempotencyKey: `coupon-${memberId}` }, me),
    );
    expect([short.code, short.reason]).toEqual(['CONFLICT', 'POINTS_INSUFFICIENT']);
    expect((await balanceAndSum(memberId)).stored).toEqual({ available: 2200, pending: 0, debt: 0 });
    expect(await rows(`SELECT count(*)::int AS n FROM redemptions WHERE member_id = $1`, [memberId])).toEqual(
      [{ n: 1 }],
    );
  });

  it('the parking rate is data the mall changes; only MANAGER and above adjust or change it', async () => {
    const memberId = await newMember();
    expect((await failureOf(call(setParkingRate, { pointsPerHour: 50 }, frontline))).reason).toBe(
      'POINTS_MISSING_ROLE',
    );
    expect(
      (await failureOf(call(adjustPoints, { memberId, points: 10, reason: 'not allowed' }, frontline)))
        .reason,
    ).toBe('POINTS_MISSING_ROLE');
    const deduct = await failureOf(
      call(adjustPoints, { memberId, points: -1, reason: 'below zero' }, manager),
    );
    expect([deduct.code, deduct.reason]).toEqual(['CONFLICT', 'POINTS_INSUFFICIENT']);
    await call(setParkingRate, { pointsPerHour: 80 }, manager);
    try {
      const { rewards } = await call(listRewards, {}, actor('member', memberId));
      expect(rewards.find((r) => r.code === 'PARKING_HOUR')).toEqual({
        code: 'PARKING_HOUR',
        kind: 'PARKING',
        name: 'One hour of parking',
        pointsCost: 80,
      });
      await call(adjustPoints, { memberId, points: 200, reason: 'parking test' }, manager);
      const parked = await call(
        redeemPoints,
        { memberId, rewardCode: 'PARKING_HOUR', quantity: 2, idempotencyKey: `park2-${memberId}` },
        actor('member', memberId),
      );
      expect(parked.points).toBe(160);
    } finally {
      await call(setParkingRate, { pointsPerHour: 100 }, manager);
    }
  });

  it('a compensation delivered twice (redelivery and a second message) is credited once', async () => {
    const memberId = await newMember();
    const compensation = {
      compensationId: `comp-${randomUUID()}`,
      memberId,
      ticketId: 'T-1',
      points: 150,
      reason: 'late delivery',
    };
    const system = actor('system', 'tickets');
    const messageId = await kafka.publish(compensationGranted, compensation, {
      key: memberId,
      actor: system,
    });
    await kafka.publish(compensationGranted, compensation, { key: memberId, actor: system, id: messageId });
    await kafka.publish(compensationGranted, compensation, { key: memberId, actor: system });
    await expectEventually(async () => expect((await balanceAndSum(memberId)).stored.available).toBe(150), {
      timeoutMs: 20000,
    });
    // Let any straggler be consumed before counting.
    await expectEventually(async () =>
      expect(
        await rows(`SELECT count(*)::int AS n FROM inbox WHERE topic = $1`, [compensationGranted.topic]),
      ).toEqual([{ n: 2 }]),
    );
    const entries = await rows<{ id: string; kind: string; points: string }>(
      `SELECT id, kind, points FROM ledger_entries WHERE member_id = $1`,
      [memberId],
    );
    expect(entries.map(({ kind, points }) => ({ kind, points }))).toEqual([
      { kind: 'COMPENSATE', points: '150' },
    ]);
    // One answer to the tickets service, keyed by ticket, naming the entry (the relay publishes
    // it after the commit: wait for it, then make sure no second one follows).
    const answers = () =>
      published
        .filter(
          (m) =>
            m.topic === compensationPosted.topic &&
            JSON.parse(m.value ?? '{}').payload.compensationId === compensation.compensationId,
        )
        .map((m) => ({ key: m.key, payload: JSON.parse(m.value!).payload }));
    const expected = [
      {
        key: 'T-1',
        payload: expect.objectContaining({
          outcome: 'POSTED',
          memberId,
          creditedMemberId: memberId,
          entryId: entries[0]!.id,
          points: 150,
          refusal: null,
        }),
      },
    ];
    await expectEventually(() => expect(answers()).toEqual(expected), { timeoutMs: 20000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(answers()).toEqual(expected);
  });

  const answerTo = (compensationId: string) =>
    published
      .filter((m) => m.topic === compensationPosted.topic)
      .map((m) => JSON.parse(m.value ?? '{}').payload as Record<string, unknown>)
      .filter((p) => p.compensationId === compensationId);

  it('a compensation for a merged member goes to the survivor; one for an unknown member is refused and credits nothing', async () => {
    const survivor = await newMember('Survivor');
    const duplicate = await newMember('Duplicate');
    await call(
      mergeMembers,
      { survivorId: survivor, mergedId: duplicate, reason: 'same person' },
      actor('staff', 'supervisor-1', { roles: ['SUPERVISOR'] }),
    );
    const system = actor('system', 'tickets');
    const merged = {
      compensationId: `comp-${randomUUID()}`,
      memberId: duplicate,
      ticketId: 'T-2',
      points: 40,
      reason: 'x',
    };
    const unknown = {
      ...merged,
      compensationId: `comp-${randomUUID()}`,
      memberId: randomUUID(),
      ticketId: 'T-3',
    };
    await kafka.publish(compensationGranted, merged, { key: duplicate, actor: system });
    await kafka.publish(compensationGranted, unknown, { key: unknown.memberId, actor: system });
    await expectEventually(
      () => {
        expect(answerTo(merged.compensationId)).toEqual([
          expect.objectContaining({ outcome: 'POSTED', memberId: duplicate, creditedMemberId: survivor }),
        ]);
        expect(answerTo(unknown.compensationId)).toEqual([
          expect.objectContaining({ outcome: 'REFUSED', refusal: 'MEMBER_UNKNOWN', entryId: null }),
        ]);
      },
      { timeoutMs: 20000 },
    );
    expect((await balanceAndSum(survivor)).stored.available).toBe(40);
    expect(
      await rows(`SELECT member_id FROM ledger_entries WHERE kind = 'COMPENSATE' AND reference_id = $1`, [
        merged.compensationId,
      ]),
    ).toEqual([{ member_id: survivor }]);
    expect(
      await rows(`SELECT 1 FROM compensations WHERE compensation_id = $1`, [unknown.compensationId]),
    ).toEqual([]);
  });
});

describe('points ledger: jobs with two replicas', () => {
  it('two release runs and two expiry runs at once post each release, expiry and warning exactly once', async () => {
    const members = [
      await newMember('J1'),
      await newMember('J2'),
      await newMember('J3'),
      await newMember('J4'),
    ];
    const tenant = newTenant();
    for (const [i, memberId] of members.entries()) {
      for (const n of [1, 2]) {
        await call(
          recordPurchase,
          {
            tenantId: tenant,
            storeId: 's',
            storeCategory: 'FASHION',
            orderId: `job-${i}-${n}`,
            memberId,
            amountFen: 10_000 * n,
          },
          pos(tenant),
        );
      }
    }
    const lots = await rows<{ id: string; expires_at: Date }>(
      `SELECT id, expires_at FROM point_lots WHERE member_id = ANY($1)`,
      [members],
    );
    expect(lots).toHaveLength(8);
    // Two "replicas": two job instances sharing nothing but the database.
    const releaseA = service.app.get(ReleasePendingPointsJob);
    const releaseB = new ReleasePendingPointsJob(
      service.app.get(TransactionHost),
      service.app.get(LedgerRepository),
      service.app.get(OutboxWriter),
    );
    const at = new Date(Date.now() + 8 * DAY);
    const released = await Promise.all([releaseA.run(at), releaseB.run(at)]);
    expect(released[0] + released[1]).toBeGreaterThanOrEqual(8);
    const releases = await rows<{ lot_id: string; n: number }>(
      `SELECT lot_id, count(*)::int AS n FROM ledger_entries WHERE kind = 'RELEASE' AND lot_id = ANY($1) GROUP BY lot_id`,
      [lots.map((l) => l.id)],
    );
    expect(releases).toHaveLength(8);
    expect(releases.every((r) => r.n === 1)).toBe(true);

    const expiry = Math.max(...lots.map((l) => new Date(l.expires_at).getTime()));
    const expireA = service.app.get(ExpirePointsJob);
    const expireB = new ExpirePointsJob(
      service.app.get(TransactionHost),
      service.app.get(LedgerRepository),
      service.app.get(OutboxWriter),
    );
    await Promise.all([expireA.run(new Date(expiry - 5 * DAY)), expireB.run(new Date(expiry - 5 * DAY))]);
    expect(
      await rows(`SELECT member_id FROM expiry_warnings WHERE member_id = ANY($1)`, [members]),
    ).toHaveLength(4);
    await Promise.all([expireA.run(new Date(expiry)), expireB.run(new Date(expiry))]);
    const expired = await rows<{ lot_id: string; n: number }>(
      `SELECT lot_id, count(*)::int AS n FROM ledger_entries WHERE kind = 'EXPIRE' AND lot_id = ANY($1) GROUP BY lot_id`,
      [lots.map((l) => l.id)],
    );
    expect(expired).toHaveLength(8);
    expect(expired.every((r) => r.n === 1)).toBe(true);
    for (const memberId of members)
      expect((await balanceAndSum(memberId)).stored).toEqual({ available: 0, pending: 0, debt: 0 });
    await expectLedgerConsistent();
  });
});

describe('points ledger: merge', () => {
  it('merging moves open lots (with their expiry), pending points, debt and purchases to the survivor; a later return reverses there', async () => {
    const [loser, survivor] = [await newMember('Dup'), await newMember('Keeper')];
    const tenant = newTenant();
    await call(
      recordPurchase,
      {
        tenantId: tenant,
        storeId: 's',
        storeCategory: 'FASHION',
        orderId: 'm-1',
        memberId: loser,
        amountFen: 40_000,
      },
      pos(tenant),
    );
    await call(adjustPoints, { memberId: loser, points: 70, reason: 'merge test credit' }, manager);
    await call(adjustPoints, { memberId: survivor, points: 30, reason: 'merge test credit' }, manager);
    const expiries = await rows(`SELECT id, expires_at FROM point_lots WHERE member_id = $1 ORDER BY id`, [
      loser,
    ]);

    const { moved } = await service.app.get(TransferPointsOnMerge).execute(loser, survivor, manager);
    expect(moved).toEqual({ available: 70, pending: 400, debt: 0 });
    expect((await balanceAndSum(loser)).stored).toEqual({ available: 0, pending: 0, debt: 0 });
    expect((await balanceAndSum(survivor)).stored).toEqual({ available: 100, pending: 400, debt: 0 });
    expect(
      await rows(`SELECT id, expires_at FROM point_lots WHERE member_id = $1 AND id = ANY($2) ORDER BY id`, [
        survivor,
        expiries.map((e) => e.id),
      ]),
    ).toEqual(expiries);

    await call(
      recordReturn,
      { tenantId: tenant, orderId: 'm-1', returnId: 'r', amountFen: 40_000 },
      pos(tenant),
    );
    expect((await balanceAndSum(survivor)).stored).toEqual({ available: 100, pending: 0, debt: 0 });
    expect(await rows(`SELECT kind FROM ledger_entries WHERE member_id = $1 ORDER BY id`, [loser])).toEqual([
      { kind: 'PENDING' },
      { kind: 'ADJUST' },
      { kind: 'TRANSFER_OUT' },
    ]);
    await expectLedgerConsistent();
  });
});

describe('points ledger under concurrency', () => {
  it('50 parallel clients earning, redeeming, returning and repeating on 3 members: never negative, balance = Σ entries, every order once, every key once', async () => {
    const members = [await newMember('C1'), await newMember('C2'), await newMember('C3')];
    for (const memberId of members)
      await call(adjustPoints, { memberId, points: 2000, reason: 'concurrency test seed' }, manager);
    const tenant = newTenant();
    const partner = pos(tenant);
    const replies = new Map<string, unknown[]>();
    const remember = (key: string, value: unknown) => replies.set(key, [...(replies.get(key) ?? []), value]);

    const clients = Array.from({ length: 50 }, (_, i) => async () => {
      const memberId = members[i % 3]!;
      const me = actor('member', memberId);
      const order = `c-${i}`;
      const shared = `c-${i % 10}`; // ten orders recorded by five clients each
      const purchase = (orderId: string, m: string) =>
        call(
          recordPurchase,
          {
            tenantId: tenant,
            storeId: `s-${Number(orderId.slice(2)) % 4}`,
            storeCategory: 'FASHION',
            orderId,
            memberId: m,
            amountFen: 20_000 + Number(orderId.slice(2)) * 100,
          },
          partner,
        );
      const outcomes = await Promise.allSettled([
        purchase(order, memberId),
        purchase(shared, members[Number(shared.slice(2)) % 3]!),
        call(
          redeemPoints,
          { memberId, rewardCode: 'PARKING_HOUR', quantity: 1 + (i % 3), idempotencyKey: `own-key-${i}` },
          me,
        ),
        // Keys shared by several clients, with identical content per key.
        call(
          redeemPoints,
          { memberId, rewardCode: 'PARKING_HOUR', quantity: 2, idempotencyKey: `shared-${i % 6}` },
          me,
        ).then((r) => {
          remember(`${memberId}/shared-${i % 6}`, r);
          return r;
        }),
        call(
          recordReturn,
          { tenantId: tenant, orderId: shared, returnId: 'ret-1', amountFen: 5_000 },
          partner,
        ),
        purchase(order, memberId),
      ]);
      for (const o of outcomes) {
        if (o.status === 'rejected') {
          const e = o.reason as AppError;
          // Allowed refusals: not enough points, or a return that arrived before its order.
          expect(['POINTS_INSUFFICIENT', 'POINTS_PURCHASE_NOT_FOUND']).toContain(e.reason);
        }
      }
    });
    await Promise.all(clients.map((c) => c()));

    await expectLedgerConsistent();
    for (const memberId of members) {
      const { stored, sum } = await balanceAndSum(memberId);
      expect(stored).toEqual(sum);
    }
    // Every order once, credited by exactly one entry.
    const orders = await rows<{ order_id: string; entries: number }>(
      `SELECT p.order_id, (SELECT count(*)::int FROM ledger_entries e WHERE e.reference_type = 'PURCHASE' AND e.reference_id = p.id::text) AS entries
         FROM purchases p WHERE p.tenant_id = $1`,
      [tenant],
    );
    expect(orders).toHaveLength(50);
    expect(orders.every((o) => o.entries === 1)).toBe(true);
    // Every idempotency key applied at most once, each with one REDEEM entry; retries saw the first reply.
    const keys = await rows<{ idempotency_key: string; n: number; entries: number }>(
      `SELECT r.idempotency_key, count(*)::int AS n,
              (SELECT count(*)::int FROM ledger_entries e WHERE e.member_id = r.member_id AND e.kind = 'REDEEM' AND e.reference_id = min(r.id::text)) AS entries
         FROM redemptions r WHERE r.member_id = ANY($1) GROUP BY r.member_id, r.idempotency_key`,
      [members],
    );
    expect(keys.length).toBeGreaterThan(10); // the run really redeemed, not only refused
    expect(keys.every((k) => k.n === 1 && k.entries === 1)).toBe(true);
    const [redeemEntries] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE member_id = ANY($1) AND kind = 'REDEEM'`,
      [members],
    );
    expect(redeemEntries!.n).toBe(keys.length);
    for (const [, seen] of replies) expect(new Set(seen.map((r) => JSON.stringify(r))).size).toBe(1);
    // Each shared order's return applied once.
    const returns = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM purchase_returns pr JOIN purchases p ON p.id = pr.purchase_id WHERE p.tenant_id = $1 GROUP BY pr.purchase_id, pr.return_id`,
      [tenant],
    );
    expect(returns.every((r) => r.n === 1)).toBe(true);
  }, 180000);
});
