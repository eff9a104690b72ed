// Member lookup by phone with 1,000,000 members loaded: through the members service
// (request-reply over Kafka) and, as the baseline in the same run, the same indexed query
// sent straight to PostgreSQL.
//   npm run bench:member-lookup      (BENCH_MEMBERS, BENCH_CALLS to change the sizes)
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { findMemberByPhone, systemActor } from '@atrium/contracts';
import { ensureKafka, ensurePostgres } from '@atrium/launcher';
import { createKafka, deleteTopicsWithPrefix, RequestClient } from '@atrium/messaging';
import { databaseUrl, dropDatabase } from '@atrium/persistence';
import { startPlatform } from '../support/platform.js';
import { measure, report } from './stats.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);

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
  const db = new pg.Client({ connectionString: databaseUrl(postgres.url, `${databasePrefix}members`) });
  const client = new RequestClient({
    kafka: createKafka({ brokers: kafka.brokers, clientId: 'bench', topicPrefix }),
    topicPrefix,
    operations: [findMemberByPhone],
    defaultTimeoutMs: 10000,
  });
  try {
    await db.connect();
    const loadStarted = Date.now();
    // Members are loaded straight into the service's tables (the write path has its own benchmark).
    await db.query('CREATE TEMP TABLE seed AS SELECT i, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS i', [MEMBERS]);
    await db.query(
      `INSERT INTO members (id, member_code, display_name, preferred_language, registered_channel, registered_at)
       SELECT id, 'M' || upper(lpad(to_hex(i), 8, '0')), 'Member ' || i, 'zh-CN', 'APP', now() FROM seed`,
    );
    await db.query(
      `INSERT INTO member_identities (id, member_id, kind, value)
       SELECT gen_random_uuid(), id, 'PHONE', '+86139' || lpad(i::text, 8, '0') FROM seed`,
    );
    await db.query('ANALYZE members; ANALYZE member_identities');
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    // A random sample of the loaded phones.
    const { rows } = await db.query<{ value: string }>(
      `SELECT value FROM member_identities WHERE kind = 'PHONE' ORDER BY random() LIMIT $1`,
      [CALLS],
    );
    const phones = rows.map((r) => r.value);
    await client.start();

    const context = { correlationId: randomUUID(), causationId: null, actor: systemActor('bench'), traceparent: null };
    let i = 0;
    const viaService = async () => {
      const { memberId } = await client.send(findMemberByPhone, { phone: phones[i++ % phones.length] }, { context });
      if (!memberId) throw new Error('a loaded phone was not found');
    };
    let j = 0;
    const direct = async () => {
      const r = await db.query(`SELECT member_id FROM member_identities WHERE kind = 'PHONE' AND value = $1`, [phones[j++ % phones.length]]);
      if (r.rowCount !== 1) throw new Error('a loaded phone was not found');
    };
    await measure('warmup', 100, viaService);
    await measure('warmup', 100, direct);
    const series = [
      await measure('SQL lookup by phone, direct to PostgreSQL', CALLS, direct),
      await measure('members.find-member-by-phone over Kafka request-reply', CALLS, viaService),
    ];
    const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM members')).rows;
    console.log(`\nMember lookup by phone: ${count} members loaded in ${loadSeconds.toFixed(1)} s, ${CALLS} sequential lookups each, ${cpus().length} cores, ${new Date().toISOString()}\n`);
    console.log(report(series, series[0].name));
  } finally {
    await client.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
    await platform.stop();
    await deleteTopicsWithPrefix(createKafka({ brokers: kafka.brokers, clientId: 'bench-cleanup', topicPrefix: '' }), topicPrefix).catch(() => undefined);
    await dropDatabase(postgres.url, `${databasePrefix}members`).catch(() => undefined);
    await kafka.stop();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
