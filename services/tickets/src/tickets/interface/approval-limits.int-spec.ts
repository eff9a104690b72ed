// Integration: compensation approval limits as settings, in the tickets service booted in-process.
// Real: PostgreSQL (own database, every migration), Kafka (own topic prefix), request-reply transport.
// Faked: nothing; the SLA scheduler's timer is off.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  getTicketSettings,
  grantCompensation,
  openTicket,
  TICKETS_OPERATIONS,
  updateTicketSettings,
  type Actor,
  type OperationContract,
  type OperationRequest,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import {
  failureOf,
  sendAs,
  startTestClient,
  startTestService,
  testActor,
  TestKafka,
  uniqueTopicPrefix,
  type TestService,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';

const frontline = testActor('staff', 'frontline-1', { roles: ['FRONTLINE'] });
const manager = testActor('staff', 'manager-1', { roles: ['MANAGER'] });
const admin = testActor('staff', 'admin-1', { roles: ['ADMIN'] });

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;

const call = <O extends OperationContract>(op: O, request: OperationRequest<O>, as: Actor) =>
  sendAs(client, op, request, as);
const problem = async (p: Promise<unknown>) => {
  const e = await failureOf(p);
  return { code: e.code, reason: e.reason, field: e.field };
};

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  service = await startTestService('tickets', (config) => AppModule.forRoot(config, { slaPollMs: null }), {
    topicPrefix: prefix,
  });
  client = await startTestClient(kafka, [...TICKETS_OPERATIONS]);
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('compensation approval limits as settings', () => {
  it('start as the limits of before, are changed by an administrator only, and apply to the next grant', async () => {
    const before = await call(getTicketSettings, {}, frontline);
    expect(before.approvalLimits.map((l) => [l.level, l.POINTS, l.COUPON, l.REFUND])).toEqual([
      ['FRONTLINE', 200, 5_000, 10_000],
      ['SUPERVISOR', 1_000, 20_000, 50_000],
      ['MANAGER', 5_000, 100_000, 200_000],
      ['SENIOR_MANAGER', null, null, null],
    ]);
    const raise = { approvalLimits: [{ level: 'FRONTLINE' as const, POINTS: 300 }] };
    expect(await problem(call(updateTicketSettings, raise, manager))).toMatchObject({ code: 'FORBIDDEN' });

    const ticket = await call(
      openTicket,
      { channel: 'APP', category: 'PARKING', description: 'No free spaces.' },
      testActor('member', randomUUID()),
    );
    const grant = () =>
      call(
        grantCompensation,
        { number: ticket.number, kind: 'POINTS', amount: 250, reason: 'Sorry.' },
        frontline,
      );
    expect((await grant()).compensations.map((c) => [c.status, c.requiredLevel])).toEqual([
      ['PENDING_APPROVAL', 'SUPERVISOR'],
    ]);

    const after = await call(updateTicketSettings, raise, admin);
    expect([after.approvalLimits[0]!.POINTS, after.approvalLimits[0]!.COUPON, after.updatedBy]).toEqual([
      300,
      5_000,
      'admin-1',
    ]);
    expect((await grant()).compensations.map((c) => [c.status, c.requiredLevel])).toEqual([
      ['PENDING_APPROVAL', 'SUPERVISOR'],
      ['GRANTED', 'FRONTLINE'],
    ]);
  });

  it('a level granting less than the one below is refused naming approvalLimits.SUPERVISOR, and nothing changes', async () => {
    const before = await call(getTicketSettings, {}, frontline);
    expect(
      await problem(
        call(
          updateTicketSettings,
          { reopenWindowDays: 2, approvalLimits: [{ level: 'SUPERVISOR', COUPON: 10 }] },
          admin,
        ),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvalLimits.SUPERVISOR' });
    const after = await call(getTicketSettings, {}, frontline);
    expect([after.approvalLimits, after.reopenWindowDays]).toEqual([
      before.approvalLimits,
      before.reopenWindowDays,
    ]);
  });
});
