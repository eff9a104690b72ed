// Integration: staff alerts in the notifications service booted in-process (serviceSuite).
// Real: PostgreSQL (own database), Kafka (own topic prefix), event consumer with inbox,
// request-reply transport. Faked: nothing; the tickets events are published by the test.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  listStaffAlerts,
  systemActor,
  ticketEscalated,
  ticketSlaBreached,
  ticketSlaWarning,
  type StaffRole,
} from '@atrium/contracts';
import { expectEventually, failureOf, memberActor, partnerActor, serviceSuite, staffActor } from '@atrium/testing';
import { AppModule } from '../../app.module.js';

const suite = serviceSuite('notifications', {
  module: (config) => AppModule.forRoot({ ...config, SMS_PROVIDER: 'local' }),
  operations: [listStaffAlerts],
});

const OCCURRED_AT = '2026-11-22T02:00:45.000Z';
const staff = (role: StaffRole) => staffActor(role, `${role.toLowerCase()}-1`);
const alertsFor = async (role: StaffRole) => (await suite.send(listStaffAlerts, { first: 100 }, staff(role))).items;

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
      occurredAt: OCCURRED_AT,
    });
    const system = systemActor('tickets');
    const warned = ticket('FRONTLINE', 'TK-20261122-000001');
    const breached = ticket('SUPERVISOR', 'TK-20261122-000002');
    const escalated = ticket('SENIOR_MANAGER', 'TK-20261122-000003');
    const dueAt = '2026-11-22T02:00:30.000Z';
    await suite.kafka.publish(
      ticketSlaWarning,
      { ...warned, target: 'FIRST_RESPONSE', dueAt },
      { key: warned.ticketId, actor: system },
    );
    // The breach arrives twice under one id (a redelivery): one alert.
    const id = await suite.kafka.publish(
      ticketSlaBreached,
      { ...breached, target: 'PLAN', dueAt },
      { key: breached.ticketId, actor: system },
    );
    await suite.kafka.publish(
      ticketSlaBreached,
      { ...breached, target: 'PLAN', dueAt },
      { key: breached.ticketId, actor: system, id },
    );
    await suite.kafka.publish(
      ticketEscalated,
      { ...escalated, fromLevel: 'MANAGER', reason: 'REPUTATION', automatic: false },
      { key: escalated.ticketId, actor: system },
    );
    await expectEventually(async () => {
      const inbox = (await suite.db.query(
        `SELECT count(*)::int AS n FROM inbox WHERE topic LIKE 'tickets.ticket.%'`,
      )) as Array<{ n: number }>;
      expect(inbox[0]!.n).toBe(3);
      expect(await alertsFor('SENIOR_MANAGER')).toHaveLength(3);
    });
    const numbers = async (role: StaffRole) => (await alertsFor(role)).map((a) => a.ticketNumber).sort();
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
      occurredAt: OCCURRED_AT,
    });
    expect(
      await failureOf(suite.send(listStaffAlerts, { first: 10 }, memberActor())),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await failureOf(
        suite.send(
          listStaffAlerts,
          { first: 10 },
          partnerActor({ keyId: 'key-1', tenantId: 't-1', scopes: ['tickets:read'] }),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
