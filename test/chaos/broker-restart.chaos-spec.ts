import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { memberRegistered, type EventPayload } from '@atrium/contracts';
import { dataDir, ensureKafka, freePort } from '@atrium/launcher';
import {
  createKafka,
  createProducer,
  ensureTopics,
  EventConsumer,
  MessagingTables1763800000000,
  OutboxRelay,
  OutboxWriter,
} from '@atrium/messaging';
import { openDatabase, TransactionHost } from '@atrium/persistence';
import { expectEventually, testInfra, uniqueDatabaseName, uniqueTopicPrefix } from '@atrium/testing';

// Real: a Kafka broker of this suite's own (stopped and started again mid-stream), PostgreSQL,
// the outbox relay and the idempotent consumer. Faked: the consumer's handler, which records
// its effect in a table.
describe('a Kafka broker restarted while events flow', () => {
  const brokerDir = join(dataDir(), `chaos-broker-${randomUUID().slice(0, 8)}`);
  const quiet = () => undefined;
  let port: number;
  let broker: Awaited<ReturnType<typeof ensureKafka>>;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  const producers: Producer[] = [];

  const effects = async (): Promise<{ total: number; distinct: number }> =>
    (await dataSource.query('SELECT count(*)::int AS total, count(DISTINCT message_id)::int AS distinct FROM effects'))[0];

  beforeAll(async () => {
    port = await freePort();
    broker = await ensureKafka({ brokerDir, port, log: quiet });
    dataSource = await openDatabase({
      serverUrl: testInfra().databaseServerUrl,
      database: uniqueDatabaseName('chaos'),
      entities: [],
      migrations: [MessagingTables1763800000000],
    });
    await dataSource.query('CREATE TABLE effects (message_id uuid NOT NULL, member_id uuid NOT NULL)');
    const prefix = uniqueTopicPrefix();
    const kafka = createKafka({ brokers: broker.brokers, clientId: 'chaos', topicPrefix: prefix });
    await ensureTopics(kafka, prefix);
    const tx = new TransactionHost(dataSource);
    for (let i = 0; i < 2; i += 1) {
      const producer = createProducer(kafka);
      await producer.connect();
      producers.push(producer);
    }
    relay = new OutboxRelay({ dataSource, producer: producers[0], topicPrefix: prefix, idlePollMs: 20 });
    consumer = new EventConsumer({
      kafka,
      producer: producers[1],
      tx,
      topicPrefix: prefix,
      groupId: 'chaos',
      bindings: [
        {
          contract: memberRegistered,
          handle: async (payload, envelope) => {
            const { memberId } = payload as EventPayload<typeof memberRegistered>;
            await tx.manager.query('INSERT INTO effects (message_id, member_id) VALUES ($1, $2)', [envelope.id, memberId]);
          },
        },
      ],
    });
    relay.start();
    await consumer.start();
  }, 120000);

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await Promise.all(producers.map((p) => p.disconnect()));
    await dataSource?.destroy();
    await broker?.stop();
    rmSync(brokerDir, { recursive: true, force: true });
  }, 60000);

  it('delivers every event written before, during and after the outage exactly once', async () => {
    const tx = new TransactionHost(dataSource);
    const writer = new OutboxWriter(tx);
    const write = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const memberId = randomUUID();
        await tx.run(() =>
          writer.add(
            memberRegistered,
            { memberId, memberCode: 'C1', displayName: 'chaos', channel: 'APP', preferredLanguage: 'en', registeredAt: new Date().toISOString() },
            memberId,
          ),
        );
      }
    };

    await write(100);
    await expectEventually(async () => expect((await effects()).total).toBeGreaterThanOrEqual(30), { timeoutMs: 30000 });

    await broker.stop();
    await write(100); // committed while no broker answers: they wait in the outbox
    const duringOutage = await effects();
    expect(duringOutage.total).toBeLessThan(200);

    broker = await ensureKafka({ brokerDir, port, log: quiet });
    await expectEventually(async () => expect((await effects()).distinct).toBe(200), { timeoutMs: 90000, intervalMs: 250 });
    const after = await effects();
    expect(after.total).toBe(200);
    await expectEventually(async () => {
      const [{ unpublished }] = await dataSource.query('SELECT count(*)::int AS unpublished FROM outbox WHERE published_at IS NULL');
      expect(unpublished).toBe(0);
    });
  }, 180000);
});
