// Integration: staff alerts in the notifications service booted in-process.
// Real: PostgreSQL (own database), Kafka (own topic prefix), event consumer with inbox,
// request-reply transport. Faked: nothing; the tickets events are published by the test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { listStaffAlerts, ticketEscalated, ticketSlaBreached, ticketSlaWarning } from '@atrium/contracts';
import type { RequestClient } from '@atrium/messaging';
import {
  expectEventually,
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

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;
let db: DataSource;

const staff = (role: string) => testActor('staff', `${role.toLowerCase()}-1`, { roles: [role] });
const alertsFor = async (role: string) =>
  (await sendAs(client, listStaffAlerts, { first: 100 }, staff(role))).items;

beforeAll(async () => {
  kafka = new TestKafka(uniqueTopicPrefix());
  await kafka.createTopics();
  service = await startTestService(
    'notifications',
    (config) => AppModule.forRoot({ ...config, SMS_PROVIDER: 'local' }),
    { topicPrefix: kafka.prefix },
  );
  db = service.app.get(DataSource);
  client = await startTestClient(kafka, [listStaffAlerts]);
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('staff alerts from ticket events', () => {
  it('each event is one alert, seen by staff at or above the ticket’s level; members and tenants see none', async () => {
    const ticket = (level: 'FRONTLINE' | 'SUPERVISOR' | 'SENIOR_MANAGER', number: string) => ({
      ticketId: randomUUID(),
      number,
      memberId: null,
      tenantId: null,
      storeId: 'store-1',
      status: 'ACKNOWLEDGED' as const,
      level,
      actorId: 'tickets.sla-scheduler',
      occurredAt: new Date().toISOString(),
    });
    const system = testActor('system', 'tickets');
    const warned = ticket('FRONTLINE', 'TK-20261122-000001');
    const breached = ticket('SUPERVISOR', 'TK-20261122-000002');
    const escalated = ticket('SENIOR_MANAGER', 'TK-20261122-000003');
    const dueAt = '2026-11-22T02:00:30.000Z';
    await kafka.publish(
      ticketSlaWarning,
      { ...warned, target: 'FIRST_RESPONSE', dueAt },
      { key: warned.ticketId, actor: system },
    );
    // The breach arrives twice under one id (a redelivery): one alert.
    const id = await kafka.publish(
      ticketSlaBreached,
      { ...breached, target: 'PLAN', dueAt },
      { key: breached.ticketId, actor: system },
    );
    await kafka.publish(
      ticketSlaBreached,
      { ...breached, target: 'PLAN', dueAt },
      { key: breached.ticketId, actor: system, id },
    );
    await kafka.publish(
      ticketEscalated,
      { ...escalated, fromLevel: 'MANAGER', reason: 'REPUTATION', automatic: false },
      { key: escalated.ticketId, actor: system },
    );
    await expectEventually(async () => {
      const inbox = (await db.query(
        `SELECT count(*)::int AS n FROM inbox WHERE topic LIKE 'tickets.ticket.%'`,
      )) as Array<{ n: number }>;
      expect(inbox[0]!.n).toBe(3);
      expect(await alertsFor('SENIOR_MANAGER')).toHaveLength(3);
    });
    const numbers = async (role: string) => (await alertsFor(role)).map((a) => a.ticketNumber).sort();
    expect(await numbers('FRONTLINE')).toEqual(['TK-20261122-000001']);
    expect(await numbers('SUPERVISOR')).toEqual(['TK-20261122-000001', 'TK-20261122-000002']);
    expect(await numbers('MANAGER')).toEqual(['TK-20261122-000001', 'TK-20261122-000002']);
    expect(await numbers('ADMIN')).toHaveLength(3);
    const breach = (await alertsFor('SUPERVISOR')).find((a) => a.kind === 'SLA_BREACHED')!;
    expect(breach).toMatchObject({
      level: 'SUPERVISOR',
      ticketId: breached.ticketId,
      storeId: 'store-1',
      title: 'SLA 已超时 · SLA breached: TK-20261122-000002',
    });
    expect(
      await failureOf(sendAs(client, listStaffAlerts, { first: 10 }, testActor('member', randomUUID()))),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await failureOf(
        sendAs(
          client,
          listStaffAlerts,
          { first: 10 },
          testActor('partner', 'key-1', { tenantId: 't-1', scopes: ['tickets:read'] }),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
