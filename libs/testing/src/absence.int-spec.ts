// Integration: the sentinels of @atrium/testing against the real PostgreSQL and Kafka.
// Real: a database of its own, topics under a prefix of their own, a kafkajs consumer group.
// Faked: nothing; the "service" is the test's own consumer and outbox table.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { memberRegistered } from '@atrium/contracts';
import { LOW_LATENCY_CONSUMER } from '@atrium/messaging';
import { databaseUrl, ensureDatabase } from '@atrium/persistence';
import { consumerCaughtUp, lockWaiters, outboxDrained, settled } from './absence.js';
import { testInfra, uniqueDatabaseName, uniqueTopicPrefix } from './infra.js';
import { TestKafka } from './kafka.js';

let url: string;
const clients: pg.Client[] = [];
async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  const name = uniqueDatabaseName('sentinels');
  await ensureDatabase(testInfra().databaseServerUrl, name);
  url = databaseUrl(testInfra().databaseServerUrl, name);
  const db = await client();
  await db.query('CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)');
  await db.query('INSERT INTO accounts VALUES (1, 100)');
  await db.query('CREATE TABLE outbox (id serial PRIMARY KEY, published_at timestamptz)');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
});

describe('lockWaiters', () => {
  it('resolves once the second of two transactions on one row is blocked by the first, and not before', async () => {
    const [first, second, observer] = [await client(), await client(), await client()];
    await expect(lockWaiters(observer, { timeoutMs: 200 })).rejects.toThrow('0 of 1 session(s) wait for a lock');
    await first.query('BEGIN');
    await first.query('UPDATE accounts SET balance = balance - 10 WHERE id = 1');
    const blocked = second.query('UPDATE accounts SET balance = balance - 20 WHERE id = 1 RETURNING balance');
    await lockWaiters(observer, { locktype: 'transactionid' });
    await first.query('COMMIT');
    expect((await blocked).rows).toEqual([{ balance: 70 }]);
  });
});

describe('outboxDrained', () => {
  it('waits while a row is unpublished and resolves when none is left', async () => {
    const db = await client();
    await db.query('INSERT INTO outbox (published_at) VALUES (NULL)');
    await expect(outboxDrained(db, { timeoutMs: 200 })).rejects.toThrow('the outbox still holds 1 unpublished row(s)');
    await db.query('UPDATE outbox SET published_at = now()');
    await expect(outboxDrained(db)).resolves.toBeUndefined();
  });
});

describe('consumerCaughtUp and settled', () => {
  let kafka: TestKafka;
  const handled: string[] = [];
  const groupId = () => `${kafka.prefix}sentinel-consumer`;
  const topic = () => kafka.prefix + memberRegistered.topic;

  beforeAll(async () => {
    kafka = new TestKafka(uniqueTopicPrefix());
    await kafka.createTopics();
  });

  afterAll(async () => {
    await kafka?.close();
  });

  it('resolve only when the group has handled and committed every message published before', async () => {
    const consumer = kafka.kafka.consumer({ groupId: groupId(), ...LOW_LATENCY_CONSUMER });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic()], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    // A consumer held at its first message until the test opens the gate.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        await gate;
        handled.push(message.key!.toString());
      },
    });
    await joined;
    try {
      for (const key of ['a', 'b', 'c']) await kafka.publishRaw(memberRegistered.topic, '{}', { key });
      await expect(consumerCaughtUp(kafka.kafka, groupId(), [topic()], { timeoutMs: 300 })).rejects.toThrow(/is behind on/);
      expect(handled).toEqual([]);
      open();
      await consumerCaughtUp(kafka.kafka, groupId());
      expect(handled).toEqual(['a', 'b', 'c']);

      await kafka.publishRaw(memberRegistered.topic, '{}', { key: 'd' });
      const db = await client();
      await settled(kafka.kafka, { groups: [groupId()], outboxes: [db] });
      expect(handled).toEqual(['a', 'b', 'c', 'd']);
    } finally {
      await consumer.disconnect();
    }
  });
});
