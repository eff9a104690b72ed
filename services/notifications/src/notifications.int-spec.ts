// Integration: the notifications service booted in-process.
// Real: PostgreSQL (own database), Kafka (own topic prefix), event consumer with inbox,
// request-reply transport, the local SMS provider and its HTTP viewer. Faked: nothing.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  listInbox,
  memberRegistered,
  PING,
  sendLoginCode,
  type Actor,
  type EventPayload,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { RemoteError } from '@atrium/platform';
import {
  expectEventually,
  startTestService,
  TestKafka,
  uniqueTopicPrefix,
  type TestService,
  testActor,
  startTestClient,
} from '@atrium/testing';
import { AppModule } from './app.module.js';

const actor = testActor;
const system = actor('system', 'gateway');
const staff = actor('staff', 'staff-1');

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;
let db: DataSource;
let baseUrl: string;

function registration(
  overrides: Partial<EventPayload<typeof memberRegistered>> = {},
): EventPayload<typeof memberRegistered> {
  return {
    memberId: randomUUID(),
    memberCode: 'M28T5CY4T',
    displayName: 'Li Wei',
    channel: 'APP',
    preferredLanguage: 'zh-CN',
    registeredAt: new Date().toISOString(),
    ...overrides,
  };
}

function call<O extends OperationContract>(
  op: O,
  request: OperationRequest<O>,
  as: Actor,
): Promise<OperationResponse<O>> {
  return client.send(op, request, {
    context: { correlationId: randomUUID(), causationId: null, actor: as, traceparent: null },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<RemoteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function welcomesOf(memberId: string): Promise<number> {
  const [row] = (await db.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE member_id = $1`, [
    memberId,
  ])) as Array<{ n: number }>;
  return row?.n ?? 0;
}

/** Publishes a marker on the same key (hence partition) and waits for its welcome: everything before it was handled. */
async function drained(key: string): Promise<void> {
  const marker = registration();
  await kafka.publish(memberRegistered, marker, { key });
  await expectEventually(async () => expect(await welcomesOf(marker.memberId)).toBe(1));
}

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  service = await startTestService(
    'notifications',
    (config) => AppModule.forRoot({ ...config, SMS_PROVIDER: 'local' }),
    {
      topicPrefix: prefix,
      httpPort: 0,
    },
  );
  db = service.app.get(DataSource);
  baseUrl = `http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`;
  client = await startTestClient(kafka, [listInbox, sendLoginCode, PING.notifications], { timeoutMs: 15000 });
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('welcome in the inbox', () => {
  it('a memberRegistered event gives the member one welcome in its language', async () => {
    const member = registration({ preferredLanguage: 'en', displayName: 'Anna' });
    await kafka.publish(memberRegistered, member, { key: member.memberId });

    const inbox = await expectEventually(async () => {
      const page = await call(listInbox, { memberId: member.memberId }, actor('member', member.memberId));
      expect(page.items).toHaveLength(1);
      return page;
    });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'WELCOME',
      title: 'Welcome to the membership',
      readAt: null,
    });
    expect(inbox.items[0]?.body).toContain('Anna');
    expect(inbox.items[0]?.body).toContain('M28T5CY4T');
  });

  it('the same message delivered twice gives one welcome (inbox)', async () => {
    const member = registration({ preferredLanguage: 'zh-TW' });
    const id = await kafka.publish(memberRegistered, member, { key: member.memberId });
    await kafka.publish(memberRegistered, member, { key: member.memberId, id });
    await drained(member.memberId);

    expect(await welcomesOf(member.memberId)).toBe(1);
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [
      id,
    ])) as Array<{ n: number }>;
    expect(row?.n).toBe(1);
    const page = await call(listInbox, { memberId: member.memberId }, staff);
    expect(page.items[0]?.title).toBe('歡迎加入會員');
  });

  it('the same registration republished under a new message id still gives one welcome (dedupe key)', async () => {
    const member = registration();
    await kafka.publish(memberRegistered, member, { key: member.memberId });
    await kafka.publish(memberRegistered, member, { key: member.memberId });
    await drained(member.memberId);

    expect(await welcomesOf(member.memberId)).toBe(1);
  });

  it('a member cannot read another member’s inbox (FORBIDDEN); anonymous callers must sign in', async () => {
    const member = registration();
    const denied = await failureOf(
      call(listInbox, { memberId: member.memberId }, actor('member', randomUUID())),
    );
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.reason).toBe('INBOX_ACCESS_DENIED');
    expect(
      (await failureOf(call(listInbox, { memberId: member.memberId }, actor('anonymous', 'anonymous')))).code,
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
      const response = await fetch(`${baseUrl}/local/sms?phone=${spelling}`);
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
      await fetch(`${baseUrl}/local/sms?phone=${encodeURIComponent(phone)}`)
    ).json()) as Array<{ code: string; body: string }>;
    expect(messages.map((m) => m.code)).toEqual(['222222', '111111']);
    expect(messages[0]?.body).toContain('登录验证码');
  });

  it('only platform components may send login codes, and a refused request sends nothing', async () => {
    const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    for (const as of [actor('member', randomUUID()), staff, actor('anonymous', 'anonymous')]) {
      const error = await failureOf(call(sendLoginCode, { phone, code: '123456', ttlMinutes: 5 }, as));
      expect(error.code).toBe('FORBIDDEN');
    }
    const messages = (await (await fetch(`${baseUrl}/local/sms?phone=${phone}`)).json()) as unknown[];
    expect(messages).toEqual([]);
  });

  it('the local sink refuses a query without a valid phone', async () => {
    expect((await fetch(`${baseUrl}/local/sms`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/local/sms?phone=12345`)).status).toBe(400);
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
