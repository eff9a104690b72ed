import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { memberRegistered } from '@atrium/contracts';
import { openDatabase, TransactionHost } from '@atrium/persistence';
import { expectEventually, TestKafka, testInfra, uniqueDatabaseName, uniqueTopicPrefix } from '@atrium/testing';
import { createProducer } from '../kafka.js';
import { MessagingTables1763800000000 } from './messaging-tables.migration.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxWriter } from './outbox-writer.js';

// Real: PostgreSQL, Kafka, two relays sharing one outbox table. Faked: nothing.
describe('outbox relay', () => {
  let dataSource: DataSource;
  let kafka: TestKafka;
  const relays: OutboxRelay[] = [];
  const producers: Producer[] = [];

  beforeAll(async () => {
    dataSource = await openDatabase({
      serverUrl: testInfra().databaseServerUrl,
      database: uniqueDatabaseName('outbox'),
      entities: [],
      migrations: [MessagingTables1763800000000],
    });
    kafka = new TestKafka(uniqueTopicPrefix());
    await kafka.createTopics();
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await Promise.all(producers.map((p) => p.disconnect()));
    await kafka.close();
    await dataSource.destroy();
  });

  it('with two replicas publishes every event exactly once and in order per key', async () => {
    const tx = new TransactionHost(dataSource);
    const writer = new OutboxWriter(tx);
    const keys = Array.from({ length: 20 }, () => randomUUID());
    const written: Array<{ key: string; id: string }> = [];
    const collected = await kafka.collect([memberRegistered.topic]);

    for (let replica = 0; replica < 2; replica += 1) {
      const producer = createProducer(kafka.kafka);
      await producer.connect();
      producers.push(producer);
      const relay = new OutboxRelay({ dataSource, producer, topicPrefix: kafka.prefix, idlePollMs: 10, batchSize: 25 });
      relays.push(relay);
      relay.start();
    }

    // 30 rounds, each a transaction writing one event per key, while both relays run.
    for (let round = 0; round < 30; round += 1) {
      await tx.run(async () => {
        for (const key of keys) {
          const id = await writer.add(
            memberRegistered,
            {
              memberId: key,
              memberCode: `R${round}`,
              displayName: `round ${round}`,
              channel: 'APP',
              preferredLanguage: 'en',
              registeredAt: new Date().toISOString(),
            },
            key,
          );
          written.push({ key, id });
        }
      });
    }

    await expectEventually(() => expect(collected.length).toBeGreaterThanOrEqual(written.length), { timeoutMs: 30000 });
    const ids = collected.map((m) => JSON.parse(m.value!).id as string);
    expect(new Set(ids).size).toBe(written.length);
    expect(ids.length).toBe(written.length);
    for (const key of keys) {
      const expected = written.filter((w) => w.key === key).map((w) => w.id);
      const received = collected.filter((m) => m.key === key).map((m) => JSON.parse(m.value!).id as string);
      expect(received).toEqual(expected);
    }
    // A batch is visible to consumers a moment before its rows are marked published.
    await expectEventually(async () => {
      const [{ unpublished }] = await dataSource.query('SELECT count(*)::int AS unpublished FROM outbox WHERE published_at IS NULL');
      expect(unpublished).toBe(0);
    });
  });

  it('refuses to write an outbox row outside a transaction', async () => {
    const writer = new OutboxWriter(new TransactionHost(dataSource));
    await expect(
      writer.add(
        memberRegistered,
        {
          memberId: randomUUID(),
          memberCode: 'X',
          displayName: 'x',
          channel: 'APP',
          preferredLanguage: 'en',
          registeredAt: new Date().toISOString(),
        },
        'k',
      ),
    ).rejects.toThrow(/must run inside TransactionHost.run/);
  });

  it('rolls back the outbox row with the transaction that failed', async () => {
    const tx = new TransactionHost(dataSource);
    const writer = new OutboxWriter(tx);
    const memberId = randomUUID();
    await expect(
      tx.run(async () => {
        await writer.add(
          memberRegistered,
          { memberId, memberCode: 'Y', displayName: 'y', channel: 'APP', preferredLanguage: 'en', registeredAt: new Date().toISOString() },
          memberId,
        );
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const rows = await dataSource.query("SELECT 1 FROM outbox WHERE envelope->'payload'->>'memberId' = $1", [memberId]);
    expect(rows).toHaveLength(0);
  });
});
