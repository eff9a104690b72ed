import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dlqTopicOf, HEADER, memberRegistered, type EventPayload } from '@atrium/contracts';
import { openDatabase, TransactionHost } from '@atrium/persistence';
import { badInput } from '@atrium/platform';
import { expectEventually, passSentinel, TestKafka, testInfra, uniqueDatabaseName, uniqueTopicPrefix } from '@atrium/testing';
import { EventConsumer } from './event-consumer.js';
import { MessagingTables1763800000000 } from '../outbox/messaging-tables.migration.js';

// Real: PostgreSQL (inbox + effects table), Kafka (topics, DLQ). Faked: the handler, which
// records its effect in a table and can be told to fail.
describe('idempotent event consumer', () => {
  let dataSource: DataSource;
  let kafka: TestKafka;
  let consumer: EventConsumer;
  const failuresLeft = new Map<string, number>();

  const registered = (displayName: string): EventPayload<typeof memberRegistered> => ({
    memberId: randomUUID(),
    memberCode: 'M1',
    displayName,
    channel: 'MINI_PROGRAM',
    preferredLanguage: 'zh-CN',
    registeredAt: new Date().toISOString(),
  });
  const effects = async (displayName: string): Promise<number> =>
    (await dataSource.query('SELECT count(*)::int AS n FROM effects WHERE display_name = $1', [displayName]))[0].n;

  beforeAll(async () => {
    dataSource = await openDatabase({
      serverUrl: testInfra().databaseServerUrl,
      database: uniqueDatabaseName('inbox'),
      entities: [],
      migrations: [MessagingTables1763800000000],
    });
    await dataSource.query('CREATE TABLE effects (message_id uuid NOT NULL, display_name text NOT NULL)');
    kafka = new TestKafka(uniqueTopicPrefix());
    await kafka.createTopics();
    const tx = new TransactionHost(dataSource);
    consumer = new EventConsumer({
      kafka: kafka.kafka,
      producer: await kafka.producer(),
      tx,
      topicPrefix: kafka.prefix,
      groupId: 'inbox-test',
      maxAttempts: 3,
      backoffMs: 20,
      bindings: [
        {
          contract: memberRegistered,
          handle: async (payload, envelope) => {
            const { displayName } = payload as EventPayload<typeof memberRegistered>;
            await tx.manager.query('INSERT INTO effects (message_id, display_name) VALUES ($1, $2)', [envelope.id, displayName]);
            if (displayName === 'rejected') throw badInput('displayName', 'is not acceptable here');
            const left = failuresLeft.get(displayName) ?? 0;
            if (left > 0) {
              failuresLeft.set(displayName, left - 1);
              throw new Error('transient failure');
            }
          },
        },
      ],
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await kafka.close();
    await dataSource.destroy();
  });

  it('has one effect when the same message id is delivered twice', async () => {
    const id = randomUUID();
    // One key, so one partition: the marker is handled after both deliveries.
    const key = randomUUID();
    await kafka.publish(memberRegistered, registered('twice'), { id, key });
    await kafka.publish(memberRegistered, registered('twice'), { id, key });
    await kafka.publish(memberRegistered, registered('after-twice'), { key });
    await expectEventually(async () => expect(await effects('after-twice')).toBe(1));
    expect(await effects('twice')).toBe(1);
    const inbox = await dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE message_id = $1', [id]);
    expect(inbox[0].n).toBe(1);
  });

  it('parks a malformed message in the DLQ with the error and still processes the next one', async () => {
    const dlq = await kafka.collect([dlqTopicOf(memberRegistered.topic)]);
    await kafka.publishRaw(memberRegistered.topic, '{not json', { key: 'bad', headers: { 'x-origin': 'test' } });
    const schemaBreaking = { ...registered('bad-schema'), channel: 'CARRIER_PIGEON' };
    await kafka.publishRaw(memberRegistered.topic, JSON.stringify({ id: randomUUID(), payload: schemaBreaking }), { key: 'bad2' });
    await kafka.publish(memberRegistered, registered('after-bad'));
    await expectEventually(async () => expect(await effects('after-bad')).toBe(1));
    await expectEventually(() => expect(dlq.length).toBe(2));
    const first = dlq.find((m) => m.key === 'bad')!;
    expect(first.value).toBe('{not json');
    expect(first.headers[HEADER.dlqError]).toMatch(/invalid message/);
    expect(first.headers['x-origin']).toBe('test');
    expect(first.headers[HEADER.dlqOriginalTopic]).toBe(memberRegistered.topic);
    expect(dlq.find((m) => m.key === 'bad2')!.headers[HEADER.dlqError]).toMatch(/invalid message/);
  });

  it('retries a transient failure and applies the effect once', async () => {
    failuresLeft.set('flaky', 2);
    await kafka.publish(memberRegistered, registered('flaky'), { key: 'flaky' });
    await expectEventually(async () => expect(await effects('flaky')).toBe(1));
    // Handled behind it on its partition: no retry of 'flaky' can still come.
    await passSentinel(kafka, memberRegistered, registered('after-flaky'), {
      key: 'flaky',
      handled: async () => expect(await effects('after-flaky')).toBe(1),
    });
    expect(await effects('flaky')).toBe(1);
  });

  it('dead-letters a message whose handler keeps failing, without its effect, and moves on', async () => {
    const dlq = await kafka.collect([dlqTopicOf(memberRegistered.topic)]);
    failuresLeft.set('hopeless', 100);
    await kafka.publish(memberRegistered, registered('hopeless'), { key: 'hopeless' });
    await kafka.publish(memberRegistered, registered('rejected'), { key: 'rejected' });
    await kafka.publish(memberRegistered, registered('after-hopeless'));
    await expectEventually(async () => expect(await effects('after-hopeless')).toBe(1));
    await expectEventually(() => expect(dlq.filter((m) => m.key === 'hopeless' || m.key === 'rejected')).toHaveLength(2));
    expect(dlq.find((m) => m.key === 'hopeless')!.headers[HEADER.dlqError]).toMatch(/after 3 attempt\(s\): transient failure/);
    // A domain rejection is not retried.
    expect(dlq.find((m) => m.key === 'rejected')!.headers[HEADER.dlqError]).toMatch(/after 1 attempt\(s\)/);
    expect(await effects('hopeless')).toBe(0);
    expect(await effects('rejected')).toBe(0);
  });
});
