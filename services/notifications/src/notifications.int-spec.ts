// Integration: the notifications service booted in-process (serviceSuite).
// Real: PostgreSQL (own database), Kafka (own topic prefix), event consumer with inbox,
// request-reply transport, the local SMS provider and its HTTP viewer.
// Replaced: the clock (a manual clock at NOW), so the times the service writes are known.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  anonymousActor as anonymous,
  listInbox,
  memberRegistered,
  PING,
  sendLoginCode,
  systemActor,
  type EventPayload,
} from '@atrium/contracts';
import {
  expectEventually,
  failureOf,
  memberActor,
  passSentinel,
  serviceSuite,
  staffActor,
} from '@atrium/testing';
import { AppModule } from './app.module.js';

const NOW = new Date('2026-11-22T02:00:00.000Z');
const suite = serviceSuite('notifications', {
  module: (config) => AppModule.forRoot({ ...config, SMS_PROVIDER: 'local' }),
  clock: NOW,
  operations: [listInbox, sendLoginCode, PING.notifications],
  http: true,
});
const call = suite.send;
const system = systemActor('gateway');
const staff = staffActor('FRONTLINE', 'staff-1');

function registration(
  overrides: Partial<EventPayload<typeof memberRegistered>> = {},
): EventPayload<typeof memberRegistered> {
  return {
    memberId: randomUUID(),
    memberCode: 'M28T5CY4T',
    displayName: 'Li Wei',
    channel: 'APP',
    preferredLanguage: 'zh-CN',
    registeredAt: NOW.toISOString(),
    ...overrides,
  };
}

async function welcomesOf(memberId: string): Promise<number> {
  const [row] = (await suite.db.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE member_id = $1`, [
    memberId,
  ])) as Array<{ n: number }>;
  return row?.n ?? 0;
}

/** A sentinel on the same key (hence partition) and its welcome: everything before it was handled. */
async function drained(key: string): Promise<void> {
  const marker = registration();
  await passSentinel(suite.kafka, memberRegistered, marker, {
    key,
    handled: async () => expect(await welcomesOf(marker.memberId)).toBe(1),
  });
}

describe('welcome in the inbox', () => {
  it('a memberRegistered event gives the member one welcome in its language', async () => {
    const member = registration({ preferredLanguage: 'en', displayName: 'Anna' });
    await suite.kafka.publish(memberRegistered, member, { key: member.memberId });

    const inbox = await expectEventually(async () => {
      const page = await call(listInbox, { memberId: member.memberId }, memberActor(member.memberId));
      expect(page.items).toHaveLength(1);
      return page;
    });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'WELCOME',
      title: 'Welcome to the membership',
      createdAt: NOW.toISOString(),
      readAt: null,
    });
    expect(inbox.items[0]?.body).toContain('Anna');
    expect(inbox.items[0]?.body).toContain('M28T5CY4T');
  });

  it('the same message delivered twice gives one welcome (inbox)', async () => {
    const member = registration({ preferredLanguage: 'zh-TW' });
    const id = await suite.kafka.publish(memberRegistered, member, { key: member.memberId });
    await suite.kafka.publish(memberRegistered, member, { key: member.memberId, id });
    await drained(member.memberId);

    expect(await welcomesOf(member.memberId)).toBe(1);
    const [row] = (await suite.db.query(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [
      id,
    ])) as Array<{ n: number }>;
    expect(row?.n).toBe(1);
    const page = await call(listInbox, { memberId: member.memberId }, staff);
    expect(page.items[0]?.title).toBe('歡迎加入會員');
  });

  it('the same registration republished under a new message id still gives one welcome (dedupe key)', async () => {
    const member = registration();
    await suite.kafka.publish(memberRegistered, member, { key: member.memberId });
    await suite.kafka.publish(memberRegistered, member, { key: member.memberId });
    await drained(member.memberId);

    expect(await welcomesOf(member.memberId)).toBe(1);
  });

  it('a member cannot read another member’s inbox (FORBIDDEN); anonymous callers must sign in', async () => {
    const member = registration();
    const denied = await failureOf(
      call(listInbox, { memberId: member.memberId }, memberActor()),
    );
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.reason).toBe('INBOX_ACCESS_DENIED');
    expect(
      (await failureOf(call(listInbox, { memberId: member.memberId }, anonymous))).code,
    ).toBe('UNAUTHENTICATED');
  });
});

describe('login code SMS', () => {
  it('a login code sent by a platform component can be read back from the local sink, by either spelling of the phone', async () => {
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const receipt = await call(
      sendLoginCode,
      { phone, code: '042917', language: 'en', ttlMinutes: 5 },
      system,
    );
    expect(receipt).toEqual({ accepted: true, provider: 'local' });

    for (const spelling of [phone, `%2B86${phone}`, `+86${phone}`]) {
      const response = await fetch(`${suite.baseUrl}/local/sms?phone=${spelling}`);
      expect(response.status).toBe(200);
      const messages = (await response.json()) as Array<{
        phone: string;
        body: string;
        code: string;
        sentAt: string;
      }>;
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ phone: `+86${phone}`, code: '042917' });
      expect(messages[0]?.body).toContain('expires in 5 minutes');
    }
  });

  it('the latest code comes first', async () => {
    const phone = `+8613${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    await call(sendLoginCode, { phone, code: '111111', ttlMinutes: 5 }, system);
    await call(sendLoginCode, { phone, code: '222222', ttlMinutes: 5 }, system);
    const messages = (await (
      await fetch(`${suite.baseUrl}/local/sms?phone=${encodeURIComponent(phone)}`)
    ).json()) as Array<{ code: string; body: string }>;
    expect(messages.map((m) => m.code)).toEqual(['222222', '111111']);
    expect(messages[0]?.body).toContain('登录验证码');
  });

  it('only platform components may send login codes, and a refused request sends nothing', async () => {
    const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    for (const as of [memberActor(), staff, anonymous]) {
      const error = await failureOf(call(sendLoginCode, { phone, code: '123456', ttlMinutes: 5 }, as));
      expect(error.code).toBe('FORBIDDEN');
    }
    const messages = (await (await fetch(`${suite.baseUrl}/local/sms?phone=${phone}`)).json()) as unknown[];
    expect(messages).toEqual([]);
  });

  it('the local sink refuses a query without a valid phone', async () => {
    expect((await fetch(`${suite.baseUrl}/local/sms`)).status).toBe(400);
    expect((await fetch(`${suite.baseUrl}/local/sms?phone=12345`)).status).toBe(400);
  });
});

describe('notifications process', () => {
  it('answers PING with its service name and instance', async () => {
    expect(await call(PING.notifications, {}, system)).toMatchObject({
      service: 'notifications',
      instance: 'notifications-test',
    });
  });
});
