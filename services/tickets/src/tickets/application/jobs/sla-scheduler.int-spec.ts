// Integration: the SLA scheduler with two replicas of the tickets service on one database.
// Real: PostgreSQL (one shared database), Kafka, outbox, request-reply transport, both
// replicas' scheduler timers (polling every 200 ms). Faked: nothing; the job is also driven
// directly with a "now" in the future so that targets minutes ahead come due at once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  getTicket,
  openTicket,
  ticketEscalated,
  ticketOpened,
  ticketSlaBreached,
  ticketSlaWarning,
  TICKETS_OPERATIONS,
  upsertSlaPolicy,
  type Actor,
  type OperationContract,
  type OperationRequest,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import {
  expectEventually,
  startTestService,
  TestKafka,
  uniqueDatabaseName,
  uniqueTopicPrefix,
  type TestService,
  testActor,
  startTestClient,
  sendAs,
} from '@atrium/testing';
import { AppModule } from '../../../app.module.js';
import { SlaSchedulerJob, type SlaRunResult } from './sla-scheduler.job.js';

const actor = testActor;
const manager = actor('staff', 'manager-1', { roles: ['MANAGER'] });

let kafka: TestKafka;
let prefix: string;
let database: string;
const replicas: TestService[] = [];
let client: RequestClient;
let db: DataSource;

const boot = (instance: string) =>
  startTestService('tickets', (config) => AppModule.forRoot(config, { slaPollMs: 200 }), {
    topicPrefix: prefix,
    databaseName: database,
    instanceId: instance,
  });

const call = <O extends OperationContract>(op: O, request: OperationRequest<O>, as: Actor) =>
  sendAs(client, op, request, as);

async function openMany(n: number, category: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = await call(
      openTicket,
      { channel: 'APP', category, description: `ticket ${i}`, memberId: randomUUID() },
      manager,
    );
    ids.push(t.id);
  }
  return ids;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = (await db.query(sql, params)) as { n: number }[];
  return rows[0]!.n;
}
const outboxCount = (topic: string, ids: string[]) =>
  count(
    `SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND envelope->'payload'->>'ticketId' = ANY($2)`,
    [topic, ids],
  );
const historyCount = (action: string, ids: string[]) =>
  count(`SELECT count(*)::int AS n FROM ticket_history WHERE action = $1 AND ticket_id = ANY($2::uuid[])`, [
    action,
    ids,
  ]);

/** Runs every replica's job until nothing is due any more; returns the per-replica totals. */
async function drain(jobs: SlaSchedulerJob[], now: Date): Promise<SlaRunResult[]> {
  const totals = jobs.map(() => ({ warnings: 0, breaches: 0, escalations: 0, cancelled: 0, busy: 0 }));
  for (let round = 0; round < 20; round++) {
    const results = await Promise.all(jobs.map((j) => j.run(now, 50)));
    results.forEach((r, i) => {
      for (const k of Object.keys(r) as (keyof SlaRunResult)[]) totals[i]![k] += r[k];
    });
    if (results.every((r) => r.warnings + r.breaches + r.cancelled + r.busy === 0)) break;
  }
  return totals;
}

beforeAll(async () => {
  prefix = uniqueTopicPrefix();
  database = uniqueDatabaseName('tickets_sla');
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  replicas.push(await boot('tickets-a'), await boot('tickets-b'));
  db = replicas[0]!.app.get(DataSource);
  client = await startTestClient(kafka, [...TICKETS_OPERATIONS]);
});

afterAll(async () => {
  await client?.stop();
  for (const r of replicas) await r.close().catch(() => undefined);
  await kafka?.close();
});

describe('SLA scheduler with two replicas', () => {
  it('each warning, breach and automatic escalation happens exactly once when both replicas run at the same time', async () => {
    const ids = await openMany(30, 'SERVICE_ATTITUDE');
    const jobs = replicas.map((r) => r.app.get(SlaSchedulerJob));
    // 70 minutes on: first response (30 s) and plan (1 h) are warned and breached; resolution (24 h) is not.
    const totals = await drain(jobs, new Date(Date.now() + 70 * 60_000));
    const sum = totals.reduce(
      (a, t) => ({ warnings: a.warnings + t.warnings, breaches: a.breaches + t.breaches }),
      { warnings: 0, breaches: 0 },
    );
    expect(sum).toEqual({ warnings: 60, breaches: 60 });
    expect(await outboxCount(ticketSlaWarning.topic, ids)).toBe(60);
    expect(await outboxCount(ticketSlaBreached.topic, ids)).toBe(60);
    expect(await outboxCount(ticketEscalated.topic, ids)).toBe(60);
    expect(await historyCount('SLA_BREACHED', ids)).toBe(60);
    const levels = (await db.query(
      `SELECT level, sla_state, count(*)::int AS n FROM tickets WHERE id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [ids],
    )) as unknown[];
    expect(levels).toEqual([{ level: 'MANAGER', sla_state: 'BREACHED', n: 30 }]);
    // Running again later fires nothing more for these targets.
    const again = await drain(jobs, new Date(Date.now() + 70 * 60_000));
    expect(again.reduce((a, t) => a + t.warnings + t.breaches, 0)).toBe(0);
  });

  it('a replica stopped in the middle of a run loses nothing and doubles nothing after a restart', async () => {
    const ids = await openMany(40, 'CLEANLINESS');
    const now = new Date(Date.now() + 2 * 60_000);
    const victim = replicas.pop()!;
    const interrupted = victim.app
      .get(SlaSchedulerJob)
      .run(now, 1000)
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 60));
    await victim.close().catch(() => undefined);
    await interrupted;
    replicas.push(await boot('tickets-b2'));
    await drain(
      replicas.map((r) => r.app.get(SlaSchedulerJob)),
      now,
    );
    expect(await outboxCount(ticketSlaWarning.topic, ids)).toBe(40);
    expect(await outboxCount(ticketSlaBreached.topic, ids)).toBe(40);
    expect(await outboxCount(ticketEscalated.topic, ids)).toBe(40);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1::uuid[]) AND level = 'SUPERVISOR'`,
        [ids],
      ),
    ).toBe(40);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM sla_deadlines WHERE ticket_id = ANY($1::uuid[]) AND state = 'FIRED'`,
        [ids],
      ),
    ).toBe(80);
  });

  it('the replicas’ own timers fire a real-time breach once', async () => {
    await call(
      upsertSlaPolicy,
      {
        code: 'SAFETY_NOW',
        name: 'Safety, immediate',
        position: 1,
        categories: ['SAFETY'],
        clock: 'CALENDAR',
        firstResponseSeconds: 1,
        planSeconds: 600,
        resolutionSeconds: 3600,
      },
      manager,
    );
    const [id] = await openMany(1, 'SAFETY');
    const number = (
      (await db.query(`SELECT number FROM tickets WHERE id = $1`, [id])) as { number: string }[]
    )[0]!.number;
    await expectEventually(
      async () => {
        const t = await call(getTicket, { number }, manager);
        expect(t).toMatchObject({ slaState: 'BREACHED', level: 'SUPERVISOR' });
      },
      { timeoutMs: 10_000 },
    );
    await new Promise((r) => setTimeout(r, 600));
    expect(await outboxCount(ticketSlaBreached.topic, [id!])).toBe(1);
    expect(await historyCount('ESCALATED', [id!])).toBe(1);

    // The timer's run wrote them as the scheduler, in one correlation of its own.
    const envelopes = (await db.query(
      `SELECT topic, envelope->'actor' AS actor, envelope->>'correlationId' AS "correlationId"
         FROM outbox WHERE envelope->'payload'->>'ticketId' = $1 AND topic = ANY($2)`,
      [id, [ticketOpened.topic, ticketSlaBreached.topic, ticketEscalated.topic]],
    )) as { topic: string; actor: { kind: string; id: string }; correlationId: string }[];
    const of = (topic: string) => envelopes.find((e) => e.topic === topic)!;
    expect(of(ticketSlaBreached.topic).actor).toMatchObject({ kind: 'system', id: 'tickets.sla-scheduler' });
    expect(of(ticketEscalated.topic).actor).toMatchObject({ kind: 'system', id: 'tickets.sla-scheduler' });
    expect(of(ticketEscalated.topic).correlationId).toBe(of(ticketSlaBreached.topic).correlationId);
    expect(of(ticketSlaBreached.topic).correlationId).not.toBe(of(ticketOpened.topic).correlationId);
  });
});

describe('cost of a scheduler run', () => {
  it('the due-deadline poll is answered from the partial index on due_at (pending rows only), not by scanning tickets', async () => {
    const plan = (await db.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      return m.query(
        `EXPLAIN SELECT id FROM sla_deadlines WHERE state = 'PENDING' AND due_at <= now() ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
    })) as { 'QUERY PLAN': string }[];
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using sla_deadlines_due_idx/);
    expect(text).not.toMatch(/tickets/);
  });
});
