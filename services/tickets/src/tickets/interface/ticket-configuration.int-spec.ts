// Integration: the category taxonomy and the calendar/settings as data, in the tickets service
// booted in-process with MALL_TIME_ZONE=America/New_York (a zone other than the default).
// Real: PostgreSQL (own database), Kafka (own topic prefix), request-reply transport.
// Faked: nothing; the SLA scheduler's timer is off.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addTicketNote,
  getTicket,
  getTicketSettings,
  listTicketCategories,
  openTicket,
  TICKETS_OPERATIONS,
  updateTicketSettings,
  upsertSlaPolicy,
  upsertTicketCategory,
  type Actor,
  type OperationContract,
  type OperationRequest,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import {
  failureOf,
  sendAs,
  startTestService,
  TestKafka,
  uniqueTopicPrefix,
  type TestService,
  testActor,
  startTestClient,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { SlaReplanJob } from '../application/jobs/sla-replan.job.js';

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const frontline = actor('staff', 'frontline-1', { roles: ['FRONTLINE'] });
const manager = actor('staff', 'manager-1', { roles: ['MANAGER'] });
const member = () => actor('member', randomUUID());

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;

const call = <O extends OperationContract>(op: O, request: OperationRequest<O>, as: Actor) =>
  sendAs(client, op, request, as);
const problem = async (p: Promise<unknown>) => {
  const e = await failureOf(p);
  return { code: e.code, reason: e.reason, field: e.field };
};
/** Today's local date in a time zone, YYYY-MM-DD. */
const localDay = (timeZone: string, at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  service = await startTestService('tickets', (config) => AppModule.forRoot(config, { slaPollMs: null }), {
    topicPrefix: prefix,
    env: { MALL_TIME_ZONE: 'America/New_York' },
  });
  client = await startTestClient(kafka, [...TICKETS_OPERATIONS]);
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('category taxonomy as data', () => {
  it('anyone reads the active categories in display order, with their Chinese names and departments', async () => {
    const { items } = await call(listTicketCategories, {}, anonymous);
    expect(items.map((c) => c.code)).toEqual([
      'PRODUCT_QUALITY',
      'SERVICE_ATTITUDE',
      'STORE_POLICY',
      'PARKING',
      'FACILITIES',
      'CLEANLINESS',
      'SAFETY',
      'LOST_AND_FOUND',
      'RETURN_EXCHANGE',
      'REPAIR',
      'SUGGESTION',
      'OTHER',
    ]);
    expect(items[3]).toEqual({
      code: 'PARKING',
      name: 'Parking',
      nameZh: '停车',
      department: 'OPERATIONS',
      position: 40,
      active: true,
    });
  });

  it('a manager adds a category that tickets can use at once; deactivated, new tickets cannot use it but staff still list it', async () => {
    const pets = {
      code: 'PET_SERVICES',
      name: 'Pet services',
      nameZh: '宠物服务',
      department: 'CUSTOMER_SERVICE' as const,
      position: 105,
    };
    expect(await problem(call(upsertTicketCategory, pets, frontline))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TICKET_LEVEL_TOO_LOW',
    });
    expect(await call(upsertTicketCategory, pets, manager)).toMatchObject({ ...pets, active: true });
    const complaint = {
      channel: 'APP' as const,
      category: 'PET_SERVICES',
      description: 'The pet stroller rental desk was closed.',
    };
    const t = await call(openTicket, complaint, member());
    expect(t).toMatchObject({ category: 'PET_SERVICES', department: 'CUSTOMER_SERVICE' });

    await call(upsertTicketCategory, { ...pets, active: false }, manager);
    expect(await problem(call(openTicket, complaint, member()))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'category',
    });
    expect((await call(listTicketCategories, {}, anonymous)).items.map((c) => c.code)).not.toContain(
      'PET_SERVICES',
    );
    const all = await call(listTicketCategories, { includeInactive: true }, frontline);
    expect(all.items.find((c) => c.code === 'PET_SERVICES')).toMatchObject({ active: false });
    expect(await problem(call(listTicketCategories, { includeInactive: true }, member()))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a malformed code is refused naming the field', async () => {
    expect(
      await problem(
        call(
          upsertTicketCategory,
          { code: 'pets', name: 'Pets', department: 'CUSTOMER_SERVICE', position: 1 },
          manager,
        ),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});

describe('the calendar and ticket settings', () => {
  it('without a chosen time zone the calendar uses MALL_TIME_ZONE, and ticket numbers carry that zone’s day', async () => {
    const settings = await call(getTicketSettings, {}, frontline);
    expect(settings).toMatchObject({
      timeZone: 'America/New_York',
      timeZoneSource: 'ENVIRONMENT',
      reopenWindowDays: 7,
      patternThreshold: 3,
      vipTiers: ['GOLD', 'BLACK_CARD'],
    });
    expect(settings.openingHours).toHaveLength(7);
    expect(settings.openingHours[0]).toEqual({ weekday: 'MONDAY', open: '10:00', close: '22:00' });
    const before = localDay('America/New_York');
    const t = await call(
      openTicket,
      { channel: 'APP', category: 'PARKING', description: 'No free spaces.' },
      member(),
    );
    const after = localDay('America/New_York');
    expect([before, after].map((d) => d.replace(/-/g, ''))).toContain(t.number.slice(3, 11));
    expect(await problem(call(getTicketSettings, {}, member()))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a manager changes only the fields given; a holiday today moves a business-time target past today', async () => {
    expect(await problem(call(updateTicketSettings, { reopenWindowDays: 3 }, frontline))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const tz = 'Asia/Tokyo';
    const today = localDay(tz);
    const changed = await call(
      updateTicketSettings,
      { timeZone: tz, holidays: [today, today, '2027-01-01'], reopenWindowDays: 3 },
      manager,
    );
    expect(changed).toMatchObject({
      timeZone: tz,
      timeZoneSource: 'SETTING',
      holidays: [today, '2027-01-01'].sort(),
      reopenWindowDays: 3,
      patternThreshold: 3,
      updatedBy: 'manager-1',
    });
    // A comment card falls under the FEEDBACK policy, which counts business time only.
    const card = await call(
      openTicket,
      {
        channel: 'COMMENT_CARD',
        category: 'CLEANLINESS',
        description: 'Wet floor, no sign.',
        contactName: 'Ms Li',
      },
      anonymous,
    );
    expect(card.slaPolicyCode).toBe('FEEDBACK');
    expect(localDay(tz, new Date(card.firstResponseDueAt!)) > today).toBe(true);

    const back = await call(updateTicketSettings, { timeZone: null, holidays: [] }, manager);
    expect(back).toMatchObject({ timeZone: 'America/New_York', timeZoneSource: 'ENVIRONMENT', holidays: [] });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a holiday that is not a date', { holidays: ['2026-02-30'] }, 'holidays.0'],
    [
      'a day that opens after it closes',
      {
        openingHours: (
          ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const
        ).map((weekday) => ({
          weekday,
          open: weekday === 'TUESDAY' ? '22:00' : '10:00',
          close: weekday === 'TUESDAY' ? '10:00' : '22:00',
        })),
      },
      'openingHours.TUESDAY',
    ],
    [
      'six days of opening hours',
      { openingHours: [{ weekday: 'MONDAY' as const, open: '10:00', close: '22:00' }] },
      'openingHours',
    ],
    ['a pattern threshold of one', { patternThreshold: 1 }, 'patternThreshold'],
  ])('%s is BAD_USER_INPUT naming %s, and nothing changes', async (_name, change, field) => {
    const before = await call(getTicketSettings, {}, manager);
    expect(
      await problem(call(updateTicketSettings, { reopenWindowDays: 30, ...change } as never, manager)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await call(getTicketSettings, {}, manager)).toEqual(before);
  });

  it('a declared holiday re-plans the business-time targets of open tickets; a policy change applies only to tickets opened afterwards', async () => {
    const zone = 'America/New_York';
    const card = {
      channel: 'COMMENT_CARD' as const,
      category: 'CLEANLINESS',
      description: 'Spilled coffee on the escalator.',
      contactName: 'Mr Ho',
    };
    const before = await call(openTicket, card, anonymous);
    // Three days closed from today (the mall's local days).
    const day = (offset: number) => localDay(zone, new Date(Date.now() + offset * 86_400_000));
    const closed = [day(0), day(1), day(2)];
    await call(updateTicketSettings, { holidays: closed }, manager);
    const replan = service.app.get(SlaReplanJob);
    const first = await replan.run(new Date());
    expect(first.replanned).toBeGreaterThanOrEqual(1);
    const moved = await call(getTicket, { number: before.number }, frontline);
    expect(localDay(zone, new Date(moved.firstResponseDueAt!)) > closed[2]!).toBe(true);
    expect(moved.history.filter((h) => h.action === 'SLA_REPLANNED')).toEqual([
      expect.objectContaining({
        internal: true,
        detail: expect.objectContaining({ reason: 'CALENDAR_CHANGED' }),
      }),
    ]);
    // Nothing is behind any more: a second run re-plans nothing.
    expect(await replan.run(new Date())).toMatchObject({ replanned: 0, behind: false });

    // The written-feedback policy answers within 60 s from now on; the open card keeps its 2 h.
    const feedback = {
      code: 'FEEDBACK',
      name: 'Written feedback (comment cards, social, automatic feedback)',
      position: 200,
      clock: 'BUSINESS' as const,
      planSeconds: 10_800,
      resolutionSeconds: 86_400,
    };
    await call(upsertSlaPolicy, { ...feedback, firstResponseSeconds: 60 }, manager);
    try {
      const after = await call(openTicket, card, anonymous);
      const noted = await call(
        addTicketNote,
        { number: before.number, visibility: 'INTERNAL', text: 'Cleaner on the way' },
        frontline,
      );
      expect(noted.firstResponseDueAt).toBe(moved.firstResponseDueAt);
      // Both wait for the same opening after the holidays: 60 s into it against 2 h.
      expect(Date.parse(moved.firstResponseDueAt!) - Date.parse(after.firstResponseDueAt!)).toBe(
        7_200_000 - 60_000,
      );
    } finally {
      await call(upsertSlaPolicy, { ...feedback, firstResponseSeconds: 7_200 }, manager);
      await call(updateTicketSettings, { holidays: [] }, manager);
    }
  });
});
