// Tickets SLA scheduler: how long after its due time each breach is detected, and how much
// time the scheduler spends per minute, with 10,000 and then 100,000 open tickets of which
// 1,000 come due within one minute. Runs the built tickets process (its own 1 s poll, its
// /metrics) against a database seeded directly with the open tickets and their pending
// deadlines, so the only work in the minute is the scheduler's.
//   node scripts/build.mjs && node test/dist/bench/sla.bench.js
// Knobs: BENCH_OPEN (10000,100000), BENCH_DUE (1000), BENCH_WINDOW_SECONDS (60), BENCH_SLA_POLL_MS
// (the process's SLA_POLL_MS, default 1000).
// Uses KAFKA_BROKERS / DATABASE_URL when set, else starts the local broker and PostgreSQL.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { ensureKafka, ensurePostgres } from '@atrium/launcher';
import { deleteTopicsWithPrefix, createKafka } from '@atrium/messaging';
import { databaseUrl, dropDatabase } from '@atrium/persistence';
import { startPlatform } from '../support/platform.js';
import { percentile } from './stats.js';

const OPEN = (process.env.BENCH_OPEN ?? '10000,100000').split(',').map(Number);
const DUE = Number(process.env.BENCH_DUE ?? 1000);
const WINDOW_S = Number(process.env.BENCH_WINDOW_SECONDS ?? 60);
const LEAD_S = 10;
const POLL_MS = process.env.BENCH_SLA_POLL_MS ?? '1000';

interface Result {
  open: number;
  due: number;
  detected: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  schedulerSecondsPerMinute: number;
  /** pg_stat_database.active_time of the tickets database: every statement of the process (scheduler and outbox relay). */
  databaseSecondsPerMinute: number;
  transactionsPerMinute: number;
  runsPerMinute: number;
  idlePollMs: number;
}

/** Time spent executing statements in one database (PostgreSQL 14+), and its committed transactions. */
async function databaseActivity(db: pg.Client, name: string): Promise<{ activeMs: number; commits: number }> {
  await db.query('SELECT pg_stat_force_next_flush()').catch(() => undefined);
  await db.query('SELECT pg_stat_clear_snapshot()');
  const r = await db.query(`SELECT active_time, xact_commit FROM pg_stat_database WHERE datname = $1`, [
    name,
  ]);
  return { activeMs: Number(r.rows[0].active_time), commits: Number(r.rows[0].xact_commit) };
}

async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * Open tickets with their first response and plan met and their resolution warning and breach
 * pending 7 to 24 hours ahead; the first `due` of them instead wait for a plan (warning already
 * fired) whose breach falls evenly within the window from `startAt`.
 */
async function seed(db: pg.Client, open: number, due: number, startAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO tickets (id, number, status, level, category, severity, channel, description, customer_confirmed,
       sla_policy_code, sla_state, sla_cycle, clock_started_at, first_response_at, plan_at, opened_at, updated_at, contact_phone)
     SELECT gen_random_uuid(), 'TK-20261122-' || lpad(i::text, 6, '0'), 'IN_PROGRESS', 'FRONTLINE', 'SERVICE_ATTITUDE',
       'MEDIUM', 'APP', 'seeded', true, 'LIVE', 'ON_TRACK', 0, s, s, s, s, s, '13800138000'
     FROM (SELECT i, now() - random() * interval '12 hours' AS s FROM generate_series(1, $1::int) AS i) AS g`,
    [open],
  );
  await db.query(
    `CREATE TEMP TABLE due AS
     SELECT id, $2::timestamptz + (row_number() OVER (ORDER BY number) - 1) * ($3::float8 / $1::int) * interval '1 second' AS d
     FROM tickets ORDER BY number LIMIT $1`,
    [due, startAt, WINDOW_S],
  );
  await db.query(
    `UPDATE tickets t SET plan_at = NULL, clock_started_at = due.d - interval '1 hour' FROM due WHERE due.id = t.id`,
  );
  await db.query(
    `UPDATE tickets SET resolution_warn_at = clock_started_at + interval '19.2 hours',
       resolution_due_at = clock_started_at + interval '24 hours', next_due_at = clock_started_at + interval '24 hours'`,
  );
  await db.query(
    `INSERT INTO sla_deadlines (id, ticket_id, target, kind, cycle, due_at, target_due_at, state)
     SELECT gen_random_uuid(), id, 'RESOLUTION', k.kind, 0,
       CASE k.kind WHEN 'WARNING' THEN resolution_warn_at ELSE resolution_due_at END, resolution_due_at, 'PENDING'
     FROM tickets CROSS JOIN (VALUES ('WARNING'), ('BREACH')) AS k(kind)`,
  );
  await db.query(
    `INSERT INTO sla_deadlines (id, ticket_id, target, kind, cycle, due_at, target_due_at, state, fired_at, fired_by)
     SELECT gen_random_uuid(), id, 'PLAN', 'WARNING', 0, d - interval '12 minutes', d, 'FIRED', now(), 'seed' FROM due
     UNION ALL
     SELECT gen_random_uuid(), id, 'PLAN', 'BREACH', 0, d, d, 'PENDING', NULL, NULL FROM due`,
  );
  await db.query(
    `UPDATE tickets t SET next_due_at = due.d, sla_state = 'WARNING' FROM due WHERE due.id = t.id`,
  );
  await db.query('ANALYZE tickets');
  await db.query('ANALYZE sla_deadlines');
}

async function scenario(open: number, kafkaBrokers: string[], serverUrl: string): Promise<Result> {
  const run = randomBytes(3).toString('hex');
  const topicPrefix = `bench.${run}.`;
  const databasePrefix = `bench_${run}_`;
  const platform = await startPlatform({
    kafkaBrokers,
    databaseServerUrl: serverUrl,
    topicPrefix,
    databasePrefix,
    only: ['tickets'],
    env: { LOG_LEVEL: 'warn', SLA_POLL_MS: POLL_MS },
  });
  const dbName = `${databasePrefix}tickets`;
  const db = new pg.Client({ connectionString: databaseUrl(serverUrl, dbName) });
  try {
    await db.connect();
    const seeding = Date.now();
    // Seeding must finish before the first breach is due: lead time grows with the open tickets.
    const t0 = new Date(Date.now() + LEAD_S * 1000 + (open / 2000) * 1000);
    await seed(db, open, DUE, t0);
    process.stderr.write(
      `[bench] ${open} open tickets seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`,
    );
    if (Date.now() > t0.getTime()) throw new Error('seeding took longer than the lead time; raise LEAD_S');
    const idle = (await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM sla_deadlines WHERE state = 'PENDING' AND due_at <= now() ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    )) as { rows: Array<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }> };
    const idlePollMs = idle.rows[0]!['QUERY PLAN'][0]!['Execution Time'];
    const base = platform.get('tickets').url;
    await new Promise((r) => setTimeout(r, t0.getTime() - Date.now()));
    const before = {
      seconds: await metric(base, 'atrium_tickets_sla_scheduler_seconds_total'),
      runs: await metric(base, 'atrium_tickets_sla_scheduler_runs_total'),
      database: await databaseActivity(db, dbName),
    };
    const measuredFrom = Date.now();
    const end = t0.getTime() + WINDOW_S * 1000;
    let detected = 0;
    while (Date.now() < end + 10_000) {
      await new Promise((r) => setTimeout(r, 1000));
      detected = Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM sla_deadlines WHERE target = 'PLAN' AND kind = 'BREACH' AND state = 'FIRED'`,
          )
        ).rows[0].n,
      );
      if (detected >= DUE && Date.now() >= end) break;
    }
    const after = {
      seconds: await metric(base, 'atrium_tickets_sla_scheduler_seconds_total'),
      runs: await metric(base, 'atrium_tickets_sla_scheduler_runs_total'),
      // The stats of other backends reach the shared counters within about a second.
      database: await new Promise((r) => setTimeout(r, 1500)).then(() => databaseActivity(db, dbName)),
    };
    const minutes = (Date.now() - measuredFrom) / 60_000;
    const lags = (
      await db.query(
        `SELECT extract(epoch FROM fired_at - due_at) * 1000 AS lag FROM sla_deadlines WHERE target = 'PLAN' AND kind = 'BREACH' AND state = 'FIRED'`,
      )
    ).rows.map((r: { lag: string }) => Number(r.lag));
    return {
      open,
      due: DUE,
      detected,
      lagP50: percentile(lags, 50),
      lagP99: percentile(lags, 99),
      lagMax: Math.max(...lags),
      schedulerSecondsPerMinute: (after.seconds - before.seconds) / minutes,
      databaseSecondsPerMinute: (after.database.activeMs - before.database.activeMs) / 1000 / minutes,
      transactionsPerMinute: (after.database.commits - before.database.commits) / minutes,
      runsPerMinute: (after.runs - before.runs) / minutes,
      idlePollMs,
    };
  } finally {
    await db.end().catch(() => undefined);
    await platform.stop();
    await dropDatabase(serverUrl, dbName).catch(() => undefined);
    await deleteTopicsWithPrefix(
      createKafka({ brokers: kafkaBrokers, clientId: 'bench-sla-cleanup', topicPrefix }),
      topicPrefix,
    ).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[infra] ${line}\n`);
  const [kafka, postgres] = await Promise.all([ensureKafka({ log }), ensurePostgres({ log })]);
  const results: Result[] = [];
  for (const open of OPEN) results.push(await scenario(open, kafka.brokers, postgres.url));
  const rows = results.map(
    (r) =>
      `| ${r.open.toLocaleString('en')} | ${r.due} in ${WINDOW_S} s | ${r.detected} | ${r.lagP50.toFixed(0)} | ${r.lagP99.toFixed(0)} | ${r.lagMax.toFixed(0)} | ${r.schedulerSecondsPerMinute.toFixed(2)} | ${r.databaseSecondsPerMinute.toFixed(2)} | ${r.transactionsPerMinute.toFixed(0)} | ${r.runsPerMinute.toFixed(0)} | ${r.idlePollMs.toFixed(3)} |`,
  );
  console.log(
    [
      `SLA_POLL_MS=${POLL_MS}. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
      '',
      '| open tickets | coming due | detected | lag p50 (ms) | lag p99 (ms) | lag max (ms) | scheduler wall s / min | database s / min | commits / min | polls / min | idle poll (ms) |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      ...results.slice(1).map((r) => {
        const base = results[0]!;
        const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
        return `${r.open.toLocaleString('en')} vs ${base.open.toLocaleString('en')} open tickets (×${(r.open / base.open).toFixed(0)}): database time ×${ratio(r.databaseSecondsPerMinute, base.databaseSecondsPerMinute)}, scheduler wall time ×${ratio(r.schedulerSecondsPerMinute, base.schedulerSecondsPerMinute)}, lag p50 ×${ratio(r.lagP50, base.lagP50)}, lag p99 ×${ratio(r.lagP99, base.lagP99)}, idle poll ×${ratio(r.idlePollMs, base.idlePollMs)}`;
      }),
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
