// Round trip of one request-reply call through the gateway against the same kind of query
// answered inside the gateway (no Kafka hop), in the same run on the same machine.
//   npm run bench:request-reply            (starts Kafka/PostgreSQL unless KAFKA_BROKERS/DATABASE_URL are set)
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { getMember } from '@atrium/contracts';
import { ensureKafka, ensurePostgres } from '@atrium/launcher';
import { createKafka, deleteTopicsWithPrefix, RequestClient } from '@atrium/messaging';
import { dropDatabase } from '@atrium/persistence';
import { graphql, SERVICES, startPlatform } from '../support/platform.js';
import { loginMember, registerMember, uniquePhone } from '../support/journeys.js';
import { measure, report } from './stats.js';

const N = Number(process.env.BENCH_CALLS ?? 1000);

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
    only: ['members', 'notifications', 'gateway'],
    env: { LOG_LEVEL: 'warn' },
  });
  const client = new RequestClient({
    kafka: createKafka({ brokers: kafka.brokers, clientId: 'bench', topicPrefix }),
    topicPrefix,
    operations: [getMember],
    defaultTimeoutMs: 5000,
  });
  try {
    const phone = uniquePhone();
    const registered = await registerMember(platform, phone, 'Bench Member');
    const memberId = registered.data!.registerMember.id;
    const token = await loginMember(platform, phone);
    const auth = { authorization: `Bearer ${token}` };
    await client.start();

    const viaGateway = async () => {
      const r = await graphql(platform.graphqlUrl, '{ me { id displayName } }', {}, auth);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    const inGateway = async () => {
      const r = await graphql(platform.graphqlUrl, '{ gatewayInfo { version time } }', {}, auth);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    const actor = { kind: 'member' as const, id: memberId, tenantId: null, roles: [], scopes: [] };
    const direct = async () => {
      await client.send(getMember, { memberId }, { context: { correlationId: randomUUID(), causationId: null, actor, traceparent: null } });
    };
    // Warm up JITs, pools and consumer fetch loops.
    for (const call of [viaGateway, inGateway, direct]) await measure('warmup', 100, call);

    const series = [
      await measure('gateway resolver, no Kafka hop (gatewayInfo)', N, inGateway),
      await measure('gateway → Kafka → members → Kafka → gateway (me)', N, viaGateway),
      await measure('request-reply alone, no HTTP (RequestClient → members)', N, direct),
    ];
    console.log(`\nRequest-reply round trip, ${N} sequential calls each, ${cpus().length} cores, ${new Date().toISOString()}\n`);
    console.log(report(series, series[0].name));
  } finally {
    await client.stop().catch(() => undefined);
    await platform.stop();
    await deleteTopicsWithPrefix(createKafka({ brokers: kafka.brokers, clientId: 'bench-cleanup', topicPrefix: '' }), topicPrefix).catch(() => undefined);
    for (const name of [...SERVICES, 'gateway']) await dropDatabase(postgres.url, `${databasePrefix}${name}`).catch(() => undefined);
    await kafka.stop();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
