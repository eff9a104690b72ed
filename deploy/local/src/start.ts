// `npm start`: the whole platform on this machine, with demo data.
//   Kafka + PostgreSQL (local, or KAFKA_BROKERS / DATABASE_URL) → topics → gateway database
//   migrated and seeded → five services and the gateway as processes → demo members → banner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createKafka, ensureTopics } from '@atrium/messaging';
import { ensureKafka } from './kafka.js';
import { ensurePostgres } from './postgres.js';
import { repoRoot } from './paths.js';
import { runProcesses, type ProcessSpec } from './process-runner.js';

const SERVICES = [
  ['members', 4101],
  ['tickets', 4102],
  ['feedback', 4103],
  ['recommendations', 4104],
  ['notifications', 4105],
] as const;
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);

/** Demo shoppers, registered through the gateway like any mini-program or app user. */
const DEMO_MEMBERS = [
  { phone: '13800000001', displayName: 'Lin Wei', channel: 'MINI_PROGRAM', preferredLanguage: 'ZH_CN' },
  { phone: '13800000002', displayName: 'Chen Jing', channel: 'APP', preferredLanguage: 'ZH_CN' },
  { phone: '13800000003', displayName: 'Emma Brown', channel: 'SERVICE_DESK', preferredLanguage: 'EN' },
  { phone: '13800000004', displayName: 'Wong Ka Yan', channel: 'KIOSK', preferredLanguage: 'ZH_TW' },
];

interface Credentials {
  staff: Array<{ username: string; password: string; roles: string[] }>;
  partnerApiKey: { store: string; key: string; scopes: string[] };
}

const say = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  const started = Date.now();
  const root = repoRoot();
  // Ctrl-C at any moment stops whatever has been started so far, in reverse order.
  const stops: Array<() => Promise<void>> = [];
  let stopping = false;
  const stopAll = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping the platform`);
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => say(`while stopping: ${String(error)}`));
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));

  const [kafka, postgres] = await Promise.all([ensureKafka({ log: say }), ensurePostgres({ log: say })]);
  stops.push(() => kafka.stop(), () => postgres.stop());
  const topicPrefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const created = await ensureTopics(createKafka({ brokers: kafka.brokers, clientId: 'launcher', topicPrefix }), topicPrefix);
  say(`topics: ${created.length} created`);

  const env: Record<string, string> = {
    KAFKA_BROKERS: kafka.brokers.join(','),
    DATABASE_URL: postgres.url,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };

  const seed = spawnSync(process.execPath, [join(root, 'gateway', 'dist', 'seed-demo.js')], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seeding the gateway's database failed:\n${seed.stderr}${seed.stdout}`);
  const seeded = JSON.parse(seed.stdout.trim().split('\n').at(-1)!) as { credentials: Credentials };

  const specs: ProcessSpec[] = SERVICES.map(([name, port]) => ({
    name,
    command: process.execPath,
    args: ['--enable-source-maps', join(root, 'services', name, 'dist', 'main.js')],
    env: { ...env, HTTP_PORT: String(port) },
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
  }));
  specs.push({
    name: 'gateway',
    command: process.execPath,
    args: ['--enable-source-maps', join(root, 'gateway', 'dist', 'main.js')],
    env: { ...env, GATEWAY_PORT: String(GATEWAY_PORT) },
    readyUrl: `http://127.0.0.1:${GATEWAY_PORT}/health/ready`,
  });

  const running = await runProcesses(specs, { readyTimeoutMs: 120_000 });
  stops.push(() => running.stop());

  const graphqlUrl = `http://localhost:${GATEWAY_PORT}/graphql`;
  const members = await seedMembers(graphqlUrl);
  printBanner(graphqlUrl, seeded.credentials, members, Date.now() - started);
  await running.done;
  if (!stopping) {
    say('a process exited; stopping the rest');
    await stopAll('exit');
  }
}

async function seedMembers(graphqlUrl: string): Promise<string[]> {
  const lines: string[] = [];
  for (const member of DEMO_MEMBERS) {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { memberCode } }',
        variables: { input: { ...member, consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }] } },
      }),
    });
    const body = (await res.json()) as { data?: { registerMember: { memberCode: string } }; errors?: Array<{ extensions?: { code?: string }; message: string }> };
    const code = body.errors?.[0]?.extensions?.code;
    if (body.errors && code !== 'CONFLICT') throw new Error(`demo member ${member.displayName}: ${body.errors[0].message}`);
    lines.push(`  ${member.phone}  ${member.displayName}${body.data ? ` (${body.data.registerMember.memberCode})` : ' (already registered)'}`);
  }
  return lines;
}

function printBanner(graphqlUrl: string, credentials: Credentials, members: string[], ms: number): void {
  const width = Math.max(...credentials.staff.map((s) => s.username.length));
  console.log(
    [
      '',
      '================================================================================',
      ` Atrium is ready in ${(ms / 1000).toFixed(1)} s`,
      `   GraphQL (and GraphiQL):  ${graphqlUrl}`,
      '   Health / metrics:         http://localhost:4101..4105/health/ready, /metrics',
      `   SMS sent in local mode:   http://localhost:4105/local/sms?phone=13800000001`,
      '',
      ' Demo members (log in: requestLoginCode(phone) → read the code at /local/sms → loginWithCode):',
      ...members,
      '',
      ' Demo staff (staffLogin):',
      ...credentials.staff.map((s) => `  ${s.username.padEnd(width)}  ${s.password}  ${s.roles.join(', ')}`),
      '',
      ` Demo partner API key for ${credentials.partnerApiKey.store} (header x-api-key):`,
      `  ${credentials.partnerApiKey.key}`,
      `  scopes: ${credentials.partnerApiKey.scopes.join(', ')}`,
      '',
      ' Ctrl-C stops everything.',
      '================================================================================',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
