import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ticketEscalated, ticketSlaBreached, ticketSlaWarning } from '@atrium/contracts';
import { databaseUrl } from '@atrium/persistence';
import {
  expectEventually,
  outboxDrained,
  sleep,
  TestKafka,
  testInfra,
  uniqueDatabaseName,
  uniqueTopicPrefix,
  type CollectedMessage,
} from '@atrium/testing';
import { loginStaff } from '../support/journeys.js';
import { graphql, startPlatform, type Platform, type PlatformProcess } from '../support/platform.js';

const TICKETS = 120;

// Real: two tickets processes (built) on one database and one consumer group, the gateway,
// Kafka, PostgreSQL. Each replica is killed with SIGKILL (no shutdown hook runs) while the
// SLA deadlines of 120 tickets fall due, and restarted. Faked: nothing; an SLA policy with
// targets of seconds makes the deadlines come due during the test.
describe('SLA scheduler: replicas killed while deadlines fall due', () => {
  let platform: Platform;
  let databasePrefix: string;
  let topicPrefix: string;
  let kafka: TestKafka;
  let published: CollectedMessage[];
  let db: pg.Client;
  let a: PlatformProcess;
  let b: PlatformProcess;
  const gql = <D>(query: string, variables: Record<string, unknown>, token?: string) =>
    graphql<D>(platform.graphqlUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {});
  const login = (username: string) => loginStaff(platform, username);

  beforeAll(async () => {
    const infra = testInfra();
    databasePrefix = uniqueDatabaseName('slakill').replace(/_slakill$/, '_');
    topicPrefix = uniqueTopicPrefix();
    platform = await startPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      databaseServerUrl: infra.databaseServerUrl,
      topicPrefix,
      databasePrefix,
      only: ['tickets', 'gateway'],
      env: { GATEWAY_SEED_DEMO: 'true', SLA_POLL_MS: '50', LOG_LEVEL: 'warn' },
    });
    a = platform.get('tickets');
    b = await platform.addReplica('tickets', 'tickets-e2e-b');
    kafka = new TestKafka(topicPrefix);
    published = await kafka.collect([ticketSlaWarning.topic, ticketSlaBreached.topic, ticketEscalated.topic]);
    db = new pg.Client({
      connectionString: databaseUrl(infra.databaseServerUrl, `${databasePrefix}tickets`),
    });
    await db.connect();
  }, 120000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await kafka?.close();
    await platform?.stop();
  });

  const scalar = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const fired = () => scalar(`SELECT count(*) AS n FROM sla_deadlines WHERE state = 'FIRED'`);

  it('fires every warning, breach and escalation exactly once', async () => {
    const manager = await login('manager.demo');
    const policy = await gql(
      'mutation ($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { code } }',
      {
        i: {
          code: 'CHAOS',
          name: 'Safety, seconds',
          position: 1,
          categories: ['SAFETY'],
          clock: 'CALENDAR',
          firstResponseSeconds: 4,
          planSeconds: 8,
          resolutionSeconds: 16,
          warnRatio: 0.5,
        },
      },
      manager,
    );
    expect(policy.errors).toBeUndefined();
    const frontline = await login('frontline.demo');
    const OPEN = 'mutation ($i: OpenTicketInput!) { openTicket(input: $i) { number slaPolicyCode } }';
    // Opening takes a few seconds; the deadlines (2 to 16 s after each opening) fall due while
    // it goes on and for a dozen seconds after.
    for (let i = 0; i < TICKETS; i++) {
      const r = await gql<{ openTicket: { number: string; slaPolicyCode: string } }>(
        OPEN,
        {
          i: {
            channel: 'SERVICE_DESK',
            category: 'SAFETY',
            description: `Loose handrail ${i}`,
            contactPhone: '13900000000',
          },
        },
        frontline,
      );
      expect(r.data!.openTicket.slaPolicyCode).toBe('CHAOS');
      await sleep(30);
    }
    const total = TICKETS * 6;
    const whenFired = async (n: number) =>
      expectEventually(async () => expect(await fired()).toBeGreaterThanOrEqual(n), {
        timeoutMs: 30000,
        intervalMs: 20,
      });
    // Kill one replica, restart it, then kill the other, while deadlines keep falling due.
    await whenFired(total * 0.2);
    await a.kill('SIGKILL');
    const firedAtFirstKill = await fired();
    // A boots again while B works on alone; B is killed before A is necessarily back.
    const restartA = a.start();
    await whenFired(total * 0.6);
    await b.kill('SIGKILL');
    const firedAtSecondKill = await fired();
    // The kills hit while deadlines were firing, not after.
    expect(firedAtFirstKill).toBeLessThan(total);
    expect(firedAtSecondKill).toBeLessThan(total);
    await Promise.all([restartA, b.start()]);

    // Three warnings and three breaches per ticket, each breach one level up.
    await expectEventually(async () => expect(await fired()).toBe(TICKETS * 6), {
      timeoutMs: 60000,
      intervalMs: 250,
    });
    // Whatever the replicas did is on Kafka now: nothing fired is still on its way.
    await outboxDrained(db);
    expect(await fired()).toBe(TICKETS * 6);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM tickets WHERE level = 'SENIOR_MANAGER' AND sla_state = 'BREACHED'`,
      ),
    ).toBe(TICKETS);
    expect(await scalar(`SELECT count(*) AS n FROM ticket_history WHERE action = 'SLA_BREACHED'`)).toBe(
      TICKETS * 3,
    );
    expect(await scalar(`SELECT count(*) AS n FROM ticket_history WHERE action = 'SLA_WARNING'`)).toBe(
      TICKETS * 3,
    );
    expect(
      await scalar(
        `SELECT count(*) AS n FROM ticket_history WHERE action = 'ESCALATED' AND detail->>'automatic' = 'true'`,
      ),
    ).toBe(TICKETS * 3);

    // On Kafka: every event once by id (the relay may publish a row twice when killed between
    // send and mark; consumers drop the repeat by envelope id), and no ticket's target twice.
    await expectEventually(
      async () => {
        for (const topic of [ticketSlaWarning.topic, ticketSlaBreached.topic, ticketEscalated.topic]) {
          const envelopes = published
            .filter((m) => m.topic === topic)
            .map(
              (m) =>
                JSON.parse(m.value!) as {
                  id: string;
                  payload: { ticketId: string; target?: string; level: string };
                },
            );
          const byId = new Map(envelopes.map((e) => [e.id, e]));
          expect(byId.size).toBe(TICKETS * 3);
          const facts = new Set(
            [...byId.values()].map((e) => `${e.payload.ticketId}:${e.payload.target ?? e.payload.level}`),
          );
          expect(facts.size).toBe(TICKETS * 3);
        }
      },
      { timeoutMs: 30000, intervalMs: 500 },
    );
    expect(await scalar(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`)).toBe(0);
  }, 180000);
});
