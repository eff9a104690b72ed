// Points ledger throughput: recordPurchase postings per second through the members service
// (Kafka request-reply → lock → lot + entry + balance + purchase + 2 outbox rows → commit →
// reply), compensation credits per second through the inbox (event → inbox row + posting in
// one transaction), and `pgbench -b tpcb-like` on the same PostgreSQL server in the same run.
//   node scripts/build.mjs && node test/dist/bench/ledger.bench.js
// Knobs: BENCH_PURCHASES (4000), BENCH_CONCURRENCY (32), BENCH_MEMBERS (200),
// BENCH_COMPENSATIONS (2000), BENCH_PGBENCH_SECONDS (20), BENCH_PGBENCH_CLIENTS (= concurrency).
// Uses KAFKA_BROKERS / DATABASE_URL when set, else starts the local broker and PostgreSQL.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { compensationGranted, recordPurchase, registerMember, type Actor } from '@atrium/contracts';
import { ensureKafka, ensurePostgres } from '@atrium/launcher';
import {
  buildEnvelope,
  createKafka,
  createProducer,
  deleteTopicsWithPrefix,
  headersOf,
  RequestClient,
} from '@atrium/messaging';
import { databaseUrl, dropDatabase, ensureDatabase } from '@atrium/persistence';
import { startPlatform } from '../support/platform.js';
import { percentile } from './stats.js';

const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200);
const COMPENSATIONS = Number(process.env.BENCH_COMPENSATIONS ?? 2000);
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 20);
const PGBENCH_CLIENTS = Number(process.env.BENCH_PGBENCH_CLIENTS ?? CONCURRENCY);

const pos: Actor = {
  kind: 'partner',
  id: 'bench-pos',
  tenantId: 'bench-tenant',
  roles: [],
  scopes: ['purchases:write'],
};
const anonymous: Actor = { kind: 'anonymous', id: 'anonymous', tenantId: null, roles: [], scopes: [] };
const ctx = (actor: Actor) => ({
  context: { correlationId: randomUUID(), causationId: null, actor, traceparent: null },
});

/** Runs `count` calls with `concurrency` in flight; returns per-call latencies (ms) and the wall time (s). */
async function drive(count: number, concurrency: number, call: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = process.hrtime.bigint();
        await call(i);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Sum and count of the members process's handler-time histogram for recordPurchase (its /metrics). */
async function handlerSeconds(baseUrl: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const pick = (suffix: string) =>
    text
      .split('\n')
      .filter(
        (l) =>
          l.startsWith(`atrium_requests_handled_seconds_${suffix}{`) &&
          l.includes(`pattern="${recordPurchase.pattern}"`),
      )
      .reduce((total, l) => total + Number(l.split(' ').at(-1)), 0);
  return { sum: pick('sum'), count: pick('count') };
}

function pgbench(url: string): { tps: number; output: string } {
  const run = (args: string[]) => {
    const r = spawnSync('pgbench', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pgbench ${args.join(' ')} failed: ${r.stderr || r.error}`);
    return `${r.stdout}\n${r.stderr}`;
  };
  run(['-i', '-q', '-s', '10', url]);
  const output = run([
    '-b',
    'tpcb-like',
    '-c',
    String(PGBENCH_CLIENTS),
    '-j',
    '2',
    '-T',
    String(PGBENCH_SECONDS),
    '-n',
    url,
  ]);
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!match) throw new Error(`no tps in pgbench output:\n${output}`);
  return { tps: Number(match[1]), output };
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[infra] ${line}\n`);
  const [kafka, postgres] = await Promise.all([ensureKafka({ log }), ensurePostgres({ log })]);
  const run = randomBytes(3).toString('hex');
  const topicPrefix = `bench.${run}.`;
  const databasePrefix = `bench_${run}_`;
  const platform = await startPlatform({
    kafkaBrokers: kafka.brokers,
    databaseServerUrl: postgres.url,
    topicPrefix,
    databasePrefix,
    only: ['members'],
    env: { LOG_LEVEL: 'warn' },
  });
  const client = new RequestClient({
    kafka: createKafka({ brokers: kafka.brokers, clientId: 'bench-ledger', topicPrefix }),
    topicPrefix,
    operations: [registerMember, recordPurchase],
    defaultTimeoutMs: 30000,
  });
  const membersDb = new pg.Client({
    connectionString: databaseUrl(postgres.url, `${databasePrefix}members`),
  });
  const producerKafka = createKafka({
    brokers: kafka.brokers,
    clientId: 'bench-ledger-producer',
    topicPrefix,
  });
  const producer = createProducer(producerKafka);
  const pgbenchDb = `${databasePrefix}pgbench`;
  try {
    await client.start();
    await producer.connect();
    await membersDb.connect();
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i += 1) {
      const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      members.push(
        (
          await client.send(
            registerMember,
            { phone, displayName: `Bench ${i}`, channel: 'POS' },
            ctx(anonymous),
          )
        ).id,
      );
    }
    const purchase = (i: number, prefix: string) =>
      client
        .send(
          recordPurchase,
          {
            tenantId: 'bench-tenant',
            storeId: `store-${i % 20}`,
            storeCategory: 'FASHION',
            orderId: `${prefix}-${i}`,
            memberId: members[i % members.length]!,
            amountFen: 10_000 + (i % 997) * 100,
          },
          ctx(pos),
        )
        .then(() => undefined);
    await drive(300, CONCURRENCY, (i) => purchase(i, 'warmup'));

    // 1. recordPurchase through request-reply.
    const handledBefore = await handlerSeconds(platform.get('members').url);
    const loadBefore = loadavg()[0]!;
    const purchases = await drive(PURCHASES, CONCURRENCY, (i) => purchase(i, 'order'));
    const purchasesPerSecond = PURCHASES / purchases.seconds;
    const handledAfter = await handlerSeconds(platform.get('members').url);
    const handlerMeanMs =
      ((handledAfter.sum - handledBefore.sum) / (handledAfter.count - handledBefore.count)) * 1000;

    // 2. Compensation credits through the inbox: produced up front, consumed by the service.
    const [{ before }] = (await membersDb.query(`SELECT count(*)::int AS before FROM compensations`))
      .rows as Array<{ before: number }>;
    const started = process.hrtime.bigint();
    for (let i = 0; i < COMPENSATIONS; i += 500) {
      const messages = Array.from({ length: Math.min(500, COMPENSATIONS - i) }, (_, j) => {
        const memberId = members[(i + j) % members.length]!;
        const envelope = buildEnvelope(
          compensationGranted.type,
          compensationGranted.version,
          {
            compensationId: `bench-${run}-${i + j}`,
            memberId,
            ticketId: `T-${i + j}`,
            points: 10,
            reason: 'benchmark',
          },
          {
            correlationId: randomUUID(),
            causationId: null,
            actor: { kind: 'system', id: 'tickets', tenantId: null, roles: [], scopes: [] },
            traceparent: null,
          },
        );
        return { key: memberId, value: JSON.stringify(envelope), headers: headersOf(envelope) };
      });
      await producer.send({ topic: topicPrefix + compensationGranted.topic, acks: -1, messages });
    }
    for (;;) {
      const [{ n }] = (await membersDb.query(`SELECT count(*)::int AS n FROM compensations`)).rows as Array<{
        n: number;
      }>;
      if (n - before >= COMPENSATIONS) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const compensationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const compensationsPerSecond = COMPENSATIONS / compensationSeconds;

    // Invariants after the load: every balance equals the sum of its entries.
    const [{ off }] = (
      await membersDb.query(`SELECT count(*)::int AS off FROM member_balances b
         WHERE b.available + b.pending <> (SELECT coalesce(sum(available_delta + pending_delta), 0) FROM ledger_entries e WHERE e.member_id = b.member_id)`)
    ).rows as Array<{ off: number }>;

    // 3. pgbench tpcb-like on the same server.
    await ensureDatabase(postgres.url, pgbenchDb);
    const tpcb = pgbench(databaseUrl(postgres.url, pgbenchDb));

    const ratio = purchasesPerSecond / tpcb.tps;
    console.log(`\nPoints ledger, ${cpus().length} cores, ${new Date().toISOString()}`);
    console.log(
      `members ${MEMBERS}, concurrency ${CONCURRENCY}, pgbench clients ${PGBENCH_CLIENTS} for ${PGBENCH_SECONDS} s (scale 10)\n`,
    );
    console.log('| workload | n | per second | p50 ms | p99 ms |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| recordPurchase via request-reply (outbox ×2, lock, lot, entry, balance) | ${PURCHASES} | ${purchasesPerSecond.toFixed(0)} | ${percentile(purchases.latencies, 50).toFixed(1)} | ${percentile(purchases.latencies, 99).toFixed(1)} |`,
    );
    console.log(
      `| compensation credit via event + inbox (outbox ×1) | ${COMPENSATIONS} | ${compensationsPerSecond.toFixed(0)} | – | – |`,
    );
    console.log(`| pgbench -b tpcb-like | – | ${tpcb.tps.toFixed(0)} | – | – |`);
    console.log(
      `\nmembers handler time per recordPurchase (transaction included, Kafka legs excluded): mean ${handlerMeanMs.toFixed(1)} ms`,
    );
    console.log(
      `load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}`,
    );
    console.log(`\nrecordPurchase / pgbench tpcb-like = ${ratio.toFixed(3)} (${(ratio * 100).toFixed(1)} %)`);
    console.log(`balances differing from the sum of their entries: ${off}`);
  } finally {
    await client.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await membersDb.end().catch(() => undefined);
    await platform.stop();
    await deleteTopicsWithPrefix(
      createKafka({ brokers: kafka.brokers, clientId: 'bench-cleanup', topicPrefix: '' }),
      topicPrefix,
    ).catch(() => undefined);
    for (const name of ['members', 'pgbench'])
      await dropDatabase(postgres.url, `${databasePrefix}${name}`).catch(() => undefined);
    await kafka.stop();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
