// `npm start`: the whole platform on this machine, with demo data.
//   Kafka + PostgreSQL (local, or KAFKA_BROKERS / DATABASE_URL) → topics → gateway database
//   migrated and seeded → five services and the gateway as processes → demo members → banner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createKafka, ensureTopics } from '@atrium/messaging';
import { ensureKafka, ensurePostgres, repoRoot, runProcesses, type ProcessSpec } from '@atrium/launcher';

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
  const tickets = await seedTickets(graphqlUrl, seeded.credentials, members.ids);
  printBanner(graphqlUrl, seeded.credentials, members.lines, tickets, Date.now() - started);
  await running.done;
  if (!stopping) {
    say('a process exited; stopping the rest');
    await stopAll('exit');
  }
}

async function seedMembers(graphqlUrl: string): Promise<{ lines: string[]; ids: string[] }> {
  const lines: string[] = [];
  const ids: string[] = [];
  for (const member of DEMO_MEMBERS) {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id memberCode } }',
        variables: { input: { ...member, consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }] } },
      }),
    });
    const body = (await res.json()) as { data?: { registerMember: { id: string; memberCode: string } }; errors?: Array<{ extensions?: { code?: string }; message: string }> };
    const code = body.errors?.[0]?.extensions?.code;
    if (body.errors && code !== 'CONFLICT') throw new Error(`demo member ${member.displayName}: ${body.errors[0].message}`);
    if (body.data) ids.push(body.data.registerMember.id);
    lines.push(`  ${member.phone}  ${member.displayName}${body.data ? ` (${body.data.registerMember.memberCode})` : ' (already registered)'}`);
  }
  return { lines, ids };
}

/** One GraphQL call of the demo seeding; any error stops `npm start` with its message. */
async function gql<D>(graphqlUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<D> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: D; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`demo data: ${body.errors?.[0]?.message ?? `HTTP ${res.status}`}`);
  return body.data;
}

/**
 * Demo tickets, opened and worked through the graph the first time the platform starts (later
 * starts find them and leave them): a complaint at a jewelry counter with an apology and points,
 * a repair in progress, an anonymous comment card and a parking complaint taken to a supervisor.
 */
async function seedTickets(graphqlUrl: string, credentials: Credentials, memberIds: string[]): Promise<string[]> {
  const login = async (username: string) => {
    const password = credentials.staff.find((s) => s.username === username)?.password ?? '';
    const data = await gql<{ staffLogin: { accessToken: string } }>(
      graphqlUrl,
      'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
      { u: username, p: password },
    );
    return data.staffLogin.accessToken;
  };
  const frontline = await login('frontline.demo');
  const existing = await gql<{ tickets: { edges: Array<{ node: { number: string } }> } }>(
    graphqlUrl,
    '{ tickets(first: 10) { edges { node { number } } } }',
    {},
    frontline,
  );
  if (existing.tickets.edges.length > 0) return existing.tickets.edges.map((e) => `  ${e.node.number}`);
  const { stores } = await gql<{ stores: Array<{ id: string; name: string }> }>(graphqlUrl, '{ stores { id name } }', {});
  const storeId = (name: string) => stores.find((s) => s.name === name)?.id ?? null;
  const open = async (input: Record<string, unknown>, summary: string) => {
    const data = await gql<{ openTicket: { number: string } }>(
      graphqlUrl,
      'mutation($input: OpenTicketInput!) { openTicket(input: $input) { number } }',
      { input },
      frontline,
    );
    return { number: data.openTicket.number, summary };
  };
  const work = (query: string, variables: Record<string, unknown>, token = frontline) => gql(graphqlUrl, query, variables, token);
  const opened: Array<{ number: string; summary: string }> = [];
  const [lin, chen, emma] = memberIds;
  if (lin) {
    const t = await open(
      { channel: 'MINI_PROGRAM', category: 'SERVICE_ATTITUDE', memberId: lin, storeId: storeId('Aurora Jewelry'), floor: 'L1', description: 'The assistant ignored me while I waited to try on a ring.', customerConfirmed: true },
      'service attitude at Aurora Jewelry: acknowledged, plan proposed, 100 points granted',
    );
    await work('mutation($n: String!) { acknowledgeTicket(number: $n, message: "We are sorry; the store manager will call you today.") { number } }', { n: t.number });
    await work('mutation($n: String!) { proposeResolution(number: $n, proposal: "An apology from the store manager and 100 points.") { number } }', { n: t.number });
    await work('mutation($n: String!) { grantCompensation(number: $n, kind: POINTS, amount: 100, reason: "Apology for the wait") { number } }', { n: t.number });
    opened.push(t);
  }
  if (emma) {
    const t = await open(
      { channel: 'SERVICE_DESK', category: 'REPAIR', memberId: emma, storeId: storeId('Aurora Jewelry'), floor: 'L1', description: 'A stone of my ring is loose.', customerConfirmed: true, afterSales: { flow: 'REPAIR', purchaseDate: '2026-10-03', productCode: 'AJ-RING-0925', reason: 'Loose stone' } },
      'ring repair at Aurora Jewelry: received and assessed',
    );
    await work('mutation($n: String!) { acknowledgeTicket(number: $n) { number } }', { n: t.number });
    await work('mutation($n: String!) { advanceAfterSales(number: $n, step: "ASSESSED", note: "Prong bent; re-setting needed.") { number } }', { n: t.number });
    opened.push(t);
  }
  opened.push(
    await open(
      { channel: 'COMMENT_CARD', category: 'CLEANLINESS', floor: 'L2', zone: 'Restroom near L2-10', contactName: 'Ms Zhao', description: 'No paper towels in the restroom all afternoon.', customerConfirmed: true },
      'anonymous comment card about cleanliness on L2 (business-time SLA)',
    ),
  );
  if (chen) {
    const t = await open(
      { channel: 'HOTLINE', category: 'PARKING', severity: 'HIGH', memberId: chen, floor: 'B1', description: 'The parking payment machine took my money twice.', customerConfirmed: true },
      'parking complaint on the hotline, escalated to a supervisor',
    );
    await work('mutation($n: String!) { acknowledgeTicket(number: $n) { number } }', { n: t.number });
    await work('mutation($n: String!) { escalateTicket(number: $n, reason: CUSTOMER_ASKED_SUPERVISOR) { number } }', { n: t.number });
    opened.push(t);
  }
  return opened.map((t) => `  ${t.number}  ${t.summary}`);
}

function printBanner(graphqlUrl: string, credentials: Credentials, members: string[], tickets: string[], ms: number): void {
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
      ' Demo tickets (ticket(number) as staff; the members see theirs in myTickets):',
      ...tickets,
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
