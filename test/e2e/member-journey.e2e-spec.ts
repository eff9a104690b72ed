import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from '@atrium/persistence';
import { expectEventually, testInfra, uniqueDatabaseName, uniqueTopicPrefix } from '@atrium/testing';
import { graphql, startPlatform, type Platform } from '../support/platform.js';
import { loginMember, ME, registerMember, uniquePhone } from '../support/journeys.js';

interface Me {
  me: {
    id: string;
    displayName: string;
    phoneMasked: string;
    inbox: { unread: number; items: Array<{ kind: string; title: string; body: string }> };
  };
}

// Real: every process of the platform (5 services + gateway, built), Kafka, PostgreSQL.
// Faked: nothing; the SMS provider is the local sink the notifications service offers.
describe('a shopper registers on the mini-program and reads the welcome through the gateway', () => {
  let platform: Platform;
  let databasePrefix: string;

  beforeAll(async () => {
    const infra = testInfra();
    databasePrefix = uniqueDatabaseName('e2e').replace(/_e2e$/, '_');
    platform = await startPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      databaseServerUrl: infra.databaseServerUrl,
      topicPrefix: uniqueTopicPrefix(),
      databasePrefix,
      // Info lines are read below to follow a correlation id across processes.
      env: { LOG_LEVEL: 'info' },
    });
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('registers, logs in with an SMS code and finds exactly one welcome in the inbox', async () => {
    const phone = uniquePhone();
    const registered = await registerMember(platform, phone, 'Lin Wei');
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerMember.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

    const token = await loginMember(platform, phone);
    const me = await expectEventually(async () => {
      const result = await graphql<Me>(platform.graphqlUrl, ME, {}, { authorization: `Bearer ${token}` });
      expect(result.errors).toBeUndefined();
      expect(result.data!.me.inbox.items).toHaveLength(1);
      return result.data!.me;
    });
    expect(me.id).toBe(registered.data!.registerMember.id);
    expect(me.displayName).toBe('Lin Wei');
    expect(me.inbox.items[0].kind).toBe('WELCOME');
    expect(me.inbox.unread).toBe(1);
  });

  it('rejects a second registration of the same phone with CONFLICT and writes no second member or welcome', async () => {
    const phone = uniquePhone();
    const first = await registerMember(platform, phone, 'First');
    expect(first.errors).toBeUndefined();
    const second = await registerMember(platform, phone, 'Second');
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0].message).toMatch(/phone/i);

    const token = await loginMember(platform, phone);
    await expectEventually(async () => {
      const result = await graphql<Me>(platform.graphqlUrl, ME, {}, { authorization: `Bearer ${token}` });
      expect(result.data!.me.inbox.items).toHaveLength(1);
    });
    const members = new pg.Client({ connectionString: databaseUrl(testInfra().databaseServerUrl, `${databasePrefix}members`) });
    await members.connect();
    const { rows } = await members.query(
      "SELECT count(*)::int AS n FROM member_identities WHERE kind = 'PHONE' AND value = $1",
      [`+86${phone}`],
    );
    await members.end();
    expect(rows[0].n).toBe(1);
  });

  it('carries the caller\'s correlation id from HTTP through Kafka to the service that reacts to the event', async () => {
    const correlationId = randomUUID();
    const registered = await registerMember(platform, uniquePhone(), 'Traced', { 'x-correlation-id': correlationId });
    expect(registered.errors).toBeUndefined();
    const memberId = registered.data!.registerMember.id;
    // members wrote the event with the caller's correlation id ...
    const members = new pg.Client({ connectionString: databaseUrl(testInfra().databaseServerUrl, `${databasePrefix}members`) });
    await members.connect();
    const { rows } = await members.query(
      "SELECT envelope->>'type' AS type, envelope->>'correlationId' AS correlation_id FROM outbox WHERE envelope->'payload'->>'memberId' = $1",
      [memberId],
    );
    await members.end();
    // The registration event and whatever else registering caused (segments, ...) all carry it.
    expect(rows.map((r) => r.type)).toContain('members.member.registered');
    expect(rows.every((r) => r.correlation_id === correlationId)).toBe(true);
    // ... and notifications logged its reaction to that event under the same id.
    const reaction = () =>
      platform
        .get('notifications')
        .logs.join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry.memberId === memberId);
    await expectEventually(() => expect(reaction()).toMatchObject({ service: 'notifications', correlationId }));
  });

  it('names the bad field when the phone is not a phone number', async () => {
    const result = await registerMember(platform, '12345', 'Nobody');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(result.errors?.[0].extensions?.field)).toMatch(/phone/);
  });

  it('answers me only with a valid token', async () => {
    const result = await graphql<Me>(platform.graphqlUrl, ME, {}, { authorization: 'Bearer not-a-token' });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

