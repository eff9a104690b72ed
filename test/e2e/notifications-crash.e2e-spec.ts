import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { memberRegistered } from '@atrium/contracts';
import { databaseUrl } from '@atrium/persistence';
import {
  consumerCaughtUp,
  expectEventually,
  outboxDrained,
  TestKafka,
  testInfra,
  uniqueDatabaseName,
  uniqueTopicPrefix,
} from '@atrium/testing';
import { startPlatform, type Platform } from '../support/platform.js';
import { registerMember } from '../support/journeys.js';

// Real: members, notifications and the gateway as processes, Kafka, PostgreSQL. The
// notifications process is killed with SIGKILL (no shutdown hook runs) mid-stream.
describe('notifications killed while 200 members register', () => {
  let platform: Platform;
  let databasePrefix: string;
  let kafka: TestKafka;

  beforeAll(async () => {
    const infra = testInfra();
    databasePrefix = uniqueDatabaseName('crash').replace(/_crash$/, '_');
    kafka = new TestKafka(uniqueTopicPrefix());
    platform = await startPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      databaseServerUrl: infra.databaseServerUrl,
      topicPrefix: kafka.prefix,
      databasePrefix,
      only: ['members', 'notifications', 'gateway'],
    });
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await kafka?.close();
  });
  const database = (service: string) =>
    new pg.Client({ connectionString: databaseUrl(testInfra().databaseServerUrl, `${databasePrefix}${service}`) });

  it('gives exactly 200 welcome messages after a restart, none twice', async () => {
    const base = 13700000000 + (process.pid % 1000) * 10000;
    const phones = Array.from({ length: 200 }, (_, i) => String(base + i));
    const registrations: Array<Promise<unknown>> = [];
    let killed = false;
    for (let i = 0; i < phones.length; i += 10) {
      const batch = phones.slice(i, i + 10).map(async (phone) => {
        const result = await registerMember(platform, phone, `Shopper ${phone.slice(-4)}`);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      });
      registrations.push(...batch);
      await Promise.all(batch);
      if (i === 60 && !killed) {
        await platform.get('notifications').kill('SIGKILL');
        killed = true;
      }
    }
    await Promise.all(registrations);
    // Every registration is on Kafka before notifications comes back.
    const members = database('members');
    await members.connect();
    await outboxDrained(members).finally(() => members.end());

    const client = database('notifications');
    await client.connect();
    const welcomes = async (): Promise<number> =>
      (await client.query("SELECT count(*)::int AS n FROM inbox_messages WHERE kind = 'WELCOME'")).rows[0].n;
    try {
      // Restart, and kill again while the backlog of welcomes is being worked through.
      const beforeRestart = await welcomes();
      await platform.get('notifications').start();
      await expectEventually(async () => expect(await welcomes()).toBeGreaterThan(beforeRestart), { timeoutMs: 30000, intervalMs: 5 });
      await platform.get('notifications').kill('SIGKILL');
      const atSecondKill = await welcomes();
      await platform.get('notifications').start();
      // The kills must have hit mid-stream for the test to mean anything.
      expect(beforeRestart).toBeLessThan(200);
      expect(atSecondKill).toBeGreaterThan(beforeRestart);

      const counts = await expectEventually(
        async () => {
          const { rows } = await client.query(
            "SELECT count(*)::int AS total, count(DISTINCT member_id)::int AS members FROM inbox_messages WHERE kind = 'WELCOME'",
          );
          expect(rows[0].total).toBe(200);
          return rows[0];
        },
        { timeoutMs: 60000, intervalMs: 250 },
      );
      expect(counts.members).toBe(200);
      // Every registration handled and committed by the notifications group: no redelivery is left to welcome twice.
      await consumerCaughtUp(kafka.kafka, `${kafka.prefix}notifications`, [kafka.prefix + memberRegistered.topic]);
      expect(await welcomes()).toBe(200);
    } finally {
      await client.end();
    }
  }, 180000);
});

