// Integration: the ledger of a mall in America/New_York (MALL_TIME_ZONE), booted in-process (serviceSuite).
// Expiry dates and per-day caps follow New York's days and months, not UTC's or Shanghai's.
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, request-reply transport.
// Faked: nothing. The expiry job runs by calling it with a chosen "now".
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { recordPurchase, registerMember } from '@atrium/contracts';
import { dayBounds, endOfMonthsAfter, localMonth, monthBounds } from '@atrium/kernel';
import type { RequestClient } from '@atrium/messaging';
import {
  sendAs,
  startTestClient,
  testActor,
  type TestService,
  registerTestMember,
  serviceSuite,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { ExpirePointsJob } from '../application/jobs/expire-points.job.js';

const ZONE = 'America/New_York';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const anonymous = testActor('anonymous', 'anonymous');
const pos = (tenantId: string) =>
  testActor('partner', `key-${tenantId}`, { tenantId, scopes: ['purchases:write'] });

// The client is the suite's own: its timeout is longer than serviceSuite's.
const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  env: { MALL_TIME_ZONE: ZONE },
});

let service: TestService;
let client: RequestClient;
let db: DataSource;

const call: typeof suite.send = (op, request, as) => sendAs(client, op, request, as);

const newMember = async () =>
  (
    await registerTestMember(
      client,
      { displayName: 'New York member', preferredLanguage: undefined, consents: [] },
      anonymous,
    )
  ).id;

function purchase(tenantId: string, memberId: string, amountFen: number, purchasedAt: Date) {
  return call(
    recordPurchase,
    {
      tenantId,
      storeId: `${tenantId}-store`,
      storeCategory: 'FASHION',
      orderId: randomUUID(),
      memberId,
      amountFen,
      purchasedAt: purchasedAt.toISOString(),
    },
    pos(tenantId),
  );
}

/** The YYYY-MM that is `months` after `month`. */
function monthAfter(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
}

beforeAll(async () => {
  service = suite.service;
  db = suite.db;
  client = await startTestClient(suite.kafka, [registerMember, recordPurchase], { timeoutMs: 30_000 });
});

afterAll(async () => {
  await client?.stop();
});

describe('a ledger in America/New_York', () => {
  it('points earned at 23:30 on the last day of a New York month expire at the New York midnight that ends the 12th month after it, and the expiry job takes them then', async () => {
    // 23:30 in New York on the last day of the month before last (past the return window):
    // already the 1st of last month in UTC and in Shanghai.
    const lastMonth = monthAfter(localMonth(new Date(), ZONE), -1);
    const earnedAt = new Date(monthBounds(lastMonth, ZONE).start.getTime() - 30 * 60_000);
    const memberId = await newMember();
    const tenant = `tenant-${randomUUID().slice(0, 8)}`;
    const earned = await purchase(tenant, memberId, 10_000, earnedAt);
    expect([earned.points, earned.state]).toEqual([100, 'AVAILABLE']);

    // Earned in the month before last (New York): expires when the 12th month after it ends, at
    // the start of last month's namesake next year, New York time; a Shanghai ledger would say a month later.
    const expected = monthBounds(monthAfter(lastMonth, 12), ZONE).start;
    const [lot] = (await db.query(`SELECT expires_at FROM point_lots WHERE member_id = $1`, [memberId])) as {
      expires_at: Date;
    }[];
    expect(new Date(lot!.expires_at).toISOString()).toBe(expected.toISOString());
    expect(endOfMonthsAfter(earnedAt, 12, 'Asia/Shanghai').getTime()).toBeGreaterThan(
      expected.getTime() + 27 * DAY,
    );

    const expire = service.app.get(ExpirePointsJob);
    await expire.run(new Date(expected.getTime() - 1));
    const remaining = async () =>
      Number(
        (
          (await db.query(`SELECT remaining FROM point_lots WHERE member_id = $1`, [memberId])) as {
            remaining: string;
          }[]
        )[0]!.remaining,
      );
    expect(await remaining()).toBe(100);
    await expire.run(expected);
    expect(await remaining()).toBe(0);
  });

  it('the per-day cap counts a New York day: 23:00 and 23:30 share the cap, 00:30 the next morning starts a new one although UTC and Shanghai see one day', async () => {
    await db.query(
      `INSERT INTO earning_rules (id, rules, effective_from, created_by) VALUES ($1, $2, '2000-01-02T00:00:00Z', 'test')`,
      [
        randomUUID(),
        JSON.stringify({
          basePoints: 1,
          unitFen: 100,
          tierMultiplierPercent: { MEMBER: 100, SILVER: 100, GOLD: 100, BLACK_CARD: 100 },
          storeBonusPercent: {},
          categoryBonusPercent: {},
          excludedCategories: [],
          perOrderCap: null,
          perDayCap: 100,
        }),
      ],
    );
    const day = dayBounds(new Date(Date.now() - 3 * DAY), ZONE);
    const lateEvening = new Date(day.end.getTime() - HOUR);
    const laterThatEvening = new Date(day.end.getTime() - HOUR / 2);
    const nextMorning = new Date(day.end.getTime() + HOUR / 2);
    // All three purchases fall on one UTC day and on one Shanghai day.
    for (const zone of ['UTC', 'Asia/Shanghai'])
      expect(dayBounds(lateEvening, zone)).toEqual(dayBounds(nextMorning, zone));

    const memberId = await newMember();
    const tenant = `tenant-${randomUUID().slice(0, 8)}`;
    const points = [];
    for (const at of [lateEvening, laterThatEvening, nextMorning])
      points.push((await purchase(tenant, memberId, 8_000, at)).points);
    expect(points).toEqual([80, 20, 80]);
  });
});
