// Integration: the members service booted in-process (serviceSuite; twice, on one database, for the birthday job).
// Real: PostgreSQL, Kafka (memberRegistered / profileUpdated consumed through the inbox), outbox,
// relay, request-reply. Faked: purchases are inserted as rows; jobs run with explicit times.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  birthdayUpcoming,
  getMemberSegments,
  lifecycleChanged,
  registerMember,
  searchMembers,
  segmentsChanged,
  updateMemberProfile,
  type Actor,
  type MemberView,
} from '@atrium/contracts';
import {
  expectEventually,
  serviceSuite,
  startTestService,
  type CollectedMessage,
  type TestService,
  failureOf,
  testActor,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { localDay } from '@atrium/kernel';
import { addDays } from '../domain/birthday.js';
import { BirthdayJob, RecomputeMembersJob } from '../application/segments-jobs.js';
import { SegmentsService } from '../application/segments.service.js';

const actor = (kind: Actor['kind'], id: string, roles: string[] = []): Actor =>
  testActor(kind, id, { roles });
const staff = actor('staff', 'staff-1', ['FRONTLINE']);
const DAY = 86_400_000;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [registerMember, updateMemberProfile, getMemberSegments, searchMembers],
});
const call = suite.send;

let service: TestService;
let db: DataSource;
let published: CollectedMessage[];

async function register(
  phone = `133${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
): Promise<MemberView> {
  return suite.registerMember(
    { phone, displayName: 'Segment Person', preferredLanguage: undefined, consents: [] },
    actor('anonymous', 'anonymous'),
  );
}

const outboxOf = async (type: string, memberId: string) =>
  (
    (await db.query(
      `SELECT envelope FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = $2 ORDER BY seq`,
      [type, memberId],
    )) as Array<{
      envelope: { payload: Record<string, unknown> };
    }>
  ).map((r) => r.envelope.payload);

async function purchaseAt(memberId: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO purchases (id, tenant_id, order_id, member_id, store_id, amount_fen, returned_fen, points, reversed_points, request_hash, purchased_at, recorded_at)
     VALUES ($1, 't', $2, $3, 's', 1000, 0, 0, 0, 'h', $4, now())`,
    [randomUUID(), `o-${randomUUID()}`, memberId, at],
  );
}

beforeAll(async () => {
  service = suite.service;
  db = suite.db;
  published = await suite.kafka.collect([birthdayUpcoming.topic]);
});

describe('segments recomputed when their inputs change', () => {
  it('a foreign phone makes a FOREIGN_VISITOR at registration; a new member is NEW', async () => {
    const m = await register(`+44${String(Math.floor(Math.random() * 1e9)).padStart(10, '7')}`);
    await expectEventually(async () => {
      const view = await call(getMemberSegments, { memberId: m.id }, actor('member', m.id));
      expect(view.segments.map((s) => s.code)).toEqual(['FOREIGN_VISITOR']);
      expect(view.lifecycleStage).toBe('NEW');
    });
    expect(
      (await call(searchMembers, { filter: { segment: 'FOREIGN_VISITOR' } }, staff)).items.map(
        (i) => i.member.id,
      ),
    ).toContain(m.id);
  });

  it('a profile change (birthday, categories, staff tags) moves the member into YOUNG, FAMILY_WITH_CHILDREN and VIP, with one event per change', async () => {
    const m = await register();
    const today = localDay(new Date(), 'Asia/Shanghai');
    const born25YearsAgo = `${Number(today.slice(0, 4)) - 25}${today.slice(4)}`;
    await call(
      updateMemberProfile,
      { memberId: m.id, birthday: born25YearsAgo, preferredCategories: ['Kids'] },
      actor('member', m.id),
    );
    await expectEventually(async () => {
      expect((await call(getMemberSegments, { memberId: m.id }, staff)).segments.map((s) => s.code)).toEqual([
        'FAMILY_WITH_CHILDREN',
        'YOUNG',
      ]);
    });
    await call(updateMemberProfile, { memberId: m.id, staffTags: ['VIP'] }, staff);
    await expectEventually(async () => {
      expect((await call(getMemberSegments, { memberId: m.id }, staff)).segments.map((s) => s.code)).toEqual([
        'FAMILY_WITH_CHILDREN',
        'VIP',
        'YOUNG',
      ]);
    });
    expect((await outboxOf(segmentsChanged.type, m.id)).map((p) => p.added)).toEqual([
      ['FAMILY_WITH_CHILDREN', 'YOUNG'],
      ['VIP'],
    ]);
  });

  it('a member reads only its own segments; a partner none', async () => {
    const alice = await register();
    const bob = await register();
    expect(
      (await failureOf(call(getMemberSegments, { memberId: bob.id }, actor('member', alice.id)))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(
            getMemberSegments,
            { memberId: bob.id },
            { ...actor('partner', 'k'), tenantId: 't', scopes: ['members:read'] },
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('lifecycle from recency and frequency, recomputed daily', () => {
  it('NEW → ACTIVE → AT_RISK → LAPSED as time passes after purchases; each change is one lifecycleChanged', async () => {
    const segments = service.app.get(SegmentsService);
    const m = await register();
    // The registration's own recomputation (event-driven, at the real time) happens first.
    await expectEventually(async () =>
      expect(await outboxOf(lifecycleChanged.type, m.id)).toEqual([
        expect.objectContaining({ from: null, to: 'NEW' }),
      ]),
    );
    const t0 = new Date();
    await purchaseAt(m.id, new Date(t0.getTime() + DAY));
    await purchaseAt(m.id, new Date(t0.getTime() + 2 * DAY));
    await segments.recompute(m.id, new Date(t0.getTime() + 3 * DAY));
    expect((await call(getMemberSegments, { memberId: m.id }, staff)).lifecycleStage).toBe('ACTIVE');
    await segments.recompute(m.id, new Date(t0.getTime() + 100 * DAY));
    expect((await call(getMemberSegments, { memberId: m.id }, staff)).lifecycleStage).toBe('AT_RISK');
    await segments.recompute(m.id, new Date(t0.getTime() + 100 * DAY)); // same day again: nothing new
    await service.app.get(RecomputeMembersJob).run(new Date(t0.getTime() + 200 * DAY));
    expect((await call(getMemberSegments, { memberId: m.id }, staff)).lifecycleStage).toBe('LAPSED');
    const changes = (await outboxOf(lifecycleChanged.type, m.id)).map((p) => [p.from, p.to]);
    expect(changes).toEqual([
      [null, 'NEW'],
      ['NEW', 'ACTIVE'],
      ['ACTIVE', 'AT_RISK'],
      ['AT_RISK', 'LAPSED'],
    ]);
  });
});

describe('birthday notices', () => {
  it('two replicas running the job at once publish birthday-upcoming exactly once per member and year', async () => {
    const second = await startTestService('members', (config) => AppModule.forRoot(config), {
      topicPrefix: service.config.KAFKA_TOPIC_PREFIX,
      databaseName: service.config.DATABASE_NAME,
      instanceId: 'members-test-2',
    });
    try {
      const now = new Date();
      const today = localDay(now, 'Asia/Shanghai');
      const inWindow: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const m = await register();
        await call(
          updateMemberProfile,
          { memberId: m.id, birthday: `1990${addDays(today, 3).slice(4)}` },
          staff,
        );
        inWindow.push(m.id);
      }
      const outside = await register();
      await call(
        updateMemberProfile,
        { memberId: outside.id, birthday: `1990${addDays(today, 9).slice(4)}` },
        staff,
      );

      const [a, b] = [service.app.get(BirthdayJob), second.app.get(BirthdayJob)];
      await Promise.all([
        a.run(now),
        b.run(now),
        a.run(now),
        b.run(now),
        a.run(new Date(now.getTime() + 3600_000)),
      ]);
      const count = async (ids: string[]) =>
        Number(
          (
            (await db.query(
              `SELECT count(*) AS n FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = ANY($2)`,
              [birthdayUpcoming.type, ids],
            )) as Array<{ n: string }>
          )[0]!.n,
        );
      expect(await count(inWindow)).toBe(4);
      expect(await count([outside.id])).toBe(0);
      expect(
        Number(
          (
            (await db.query(`SELECT count(*) AS n FROM birthday_greetings WHERE member_id = ANY($1)`, [
              inWindow,
            ])) as Array<{ n: string }>
          )[0]!.n,
        ),
      ).toBe(4);
      const [payload] = await outboxOf(birthdayUpcoming.type, inWindow[0]!);
      expect(payload).toMatchObject({
        celebratedOn: `${today.slice(0, 4)}${addDays(today, 3).slice(4)}`,
        daysAhead: 3,
        preferredLanguage: 'zh-CN',
      });

      // The next day (still before the birthday) sends nothing new; the outside member enters the window later.
      await Promise.all([a.run(new Date(now.getTime() + DAY)), b.run(new Date(now.getTime() + DAY))]);
      expect(await count(inWindow)).toBe(4);
      await Promise.all([a.run(new Date(now.getTime() + 2 * DAY)), b.run(new Date(now.getTime() + 2 * DAY))]);
      expect(await count([outside.id])).toBe(1);

      await expectEventually(() => {
        const mine = published
          .map((m) => JSON.parse(m.value ?? '{}'))
          .filter((e) => inWindow.includes(e.payload?.memberId));
        expect(mine).toHaveLength(4);
      });
    } finally {
      await second.close();
    }
  });
});
