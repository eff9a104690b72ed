import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { getMember, PING } from '@atrium/contracts';
import { conflict, currentContext, RemoteError } from '@atrium/platform';
import { TestKafka, uniqueTopicPrefix } from '@atrium/testing';
import { RequestClient } from './request-client.js';
import { RequestServer } from './request-server.js';

// Real: Kafka (request and reply topics). Faked: the handlers behind the server.
describe('request-reply over Kafka', () => {
  let kafka: TestKafka;
  let server: RequestServer;
  let client: RequestClient;
  const seen: Array<{ correlationId?: string; actorId?: string }> = [];
  let active = 0;
  let mostActive = 0;

  beforeAll(async () => {
    kafka = new TestKafka(uniqueTopicPrefix());
    await kafka.createTopics();
    server = new RequestServer({
      kafka: kafka.kafka,
      producer: await kafka.producer(),
      topicPrefix: kafka.prefix,
      groupId: 'members.requests',
      bindings: [
        {
          contract: PING.members,
          handle: async () => {
            const ctx = currentContext();
            seen.push({ correlationId: ctx?.correlationId, actorId: ctx?.actor.id });
            return { service: 'members', instance: 'test', time: new Date().toISOString() };
          },
        },
        {
          contract: getMember,
          handle: async () => {
            throw conflict('that member is being merged', 'MEMBER_MERGING');
          },
        },
        {
          contract: PING.tickets,
          handle: async () => {
            active += 1;
            mostActive = Math.max(mostActive, active);
            await new Promise((resolve) => setTimeout(resolve, 100));
            active -= 1;
            return { service: 'tickets', instance: 'slow', time: new Date().toISOString() };
          },
        },
      ],
    });
    await server.start();
    client = new RequestClient({
      kafka: kafka.kafka,
      topicPrefix: kafka.prefix,
      operations: [PING.members, getMember, PING.tickets, PING.feedback],
      defaultTimeoutMs: 5000,
    });
    await client.start();
  });

  afterAll(async () => {
    await client.stop();
    await server.stop();
    await kafka.close();
  });

  it('answers with the result and carries correlation id and actor to the handler', async () => {
    const correlationId = randomUUID();
    const actor = { kind: 'staff' as const, id: 'staff-1', tenantId: null, roles: ['ADMIN'], scopes: [] };
    const result = await client.send(PING.members, {}, { context: { correlationId, causationId: null, actor, traceparent: null } });
    expect(result.service).toBe('members');
    expect(seen.at(-1)).toEqual({ correlationId, actorId: 'staff-1' });
  });

  it('brings a domain error back with its code and reason', async () => {
    const error = await client.send(getMember, { memberId: randomUUID() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('CONFLICT');
    expect((error as RemoteError).reason).toBe('MEMBER_MERGING');
    expect((error as RemoteError).message).toBe('that member is being merged');
  });

  it('rejects invalid input before sending, naming the field', async () => {
    const error = await client.send(getMember, { memberId: 'not-a-uuid' }).catch((e: unknown) => e);
    expect((error as RemoteError).code).toBe('BAD_USER_INPUT');
    expect((error as RemoteError).field).toBe('memberId');
  });

  it('fails with UPSTREAM_TIMEOUT within the configured time when no service answers', async () => {
    const started = Date.now();
    const error = await client.send(PING.feedback, {}, { timeoutMs: 400 }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect((error as RemoteError).code).toBe('UPSTREAM_TIMEOUT');
    expect((error as RemoteError).message).toBe('feedback did not answer feedback.ping within 400 ms');
    expect(elapsed).toBeGreaterThanOrEqual(400);
    // The given deadline, not the machine's speed: well before the 5,000 ms default would fire.
    expect(elapsed).toBeLessThan(5000);
    expect(client.inFlight).toBe(0);
  });

  it('handles more requests at once than the topic has partitions', async () => {
    const calls = Array.from({ length: 20 }, (_, i) => client.send(PING.tickets, {}, { key: `k${i}` }));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.instance === 'slow')).toBe(true);
    expect(mostActive).toBeGreaterThan(PING.tickets.partitions);
  });

  it('keeps many concurrent calls apart', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => client.send(PING.members, {})));
    expect(results).toHaveLength(50);
    expect(results.every((r) => r.service === 'members')).toBe(true);
  });
});
