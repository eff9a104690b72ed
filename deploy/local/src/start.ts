// `npm start`: the whole platform on this machine, with demo data.
//   Kafka + PostgreSQL (local, or KAFKA_BROKERS / DATABASE_URL) → topics → gateway database
//   migrated and seeded → five services and the gateway as processes → demo members → banner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@atrium/contracts';
import { createKafka, createProducer, DEFAULT_HTTP_PORTS, ensureTopics } from '@atrium/messaging';
import kafkajs from 'kafkajs';
import { ensureKafka, ensurePostgres, repoRoot, runProcesses, type ProcessSpec } from '@atrium/launcher';

/** The five services (the platform's one list, less the gateway) with their HTTP ports. */
const SERVICE_PORTS = SERVICES.filter(
  (name): name is Exclude<ServiceName, 'gateway'> => name !== 'gateway',
).map((name) => [name, DEFAULT_HTTP_PORTS[name]] as const);
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
  // The launcher's own client logs nothing: a broker that has just started answers "not the
  // leader" and "coordinator loading" until it is ready, which the client retries; a real
  // failure ends these steps with an error that the launcher prints.
  const launcherKafka = createKafka(
    { brokers: kafka.brokers, clientId: 'launcher', topicPrefix },
    { logLevel: kafkajs.logLevel.NOTHING },
  );
  const created = await ensureTopics(launcherKafka, topicPrefix);
  say(`topics: ${created.length} created`);
  await warmUpBroker(launcherKafka);

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

  const specs: ProcessSpec[] = SERVICE_PORTS.map(([name, port]) => ({
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
  const staffToken = await staffLogin(graphqlUrl, seeded.credentials, 'frontline.demo');
  const members = await seedMembers(graphqlUrl, staffToken);
  const tickets = await seedTickets(graphqlUrl, staffToken, members.ids);
  printBanner(graphqlUrl, seeded.credentials, members.lines, tickets, Date.now() - started);
  await running.done;
  if (!stopping) {
    say('a process exited; stopping the rest');
    await stopAll('exit');
  }
}

/**
 * A new broker creates its consumer-offsets topic and loads its group coordinators on first
 * use, and allocates producer ids on the first idempotent producer; services started before
 * that log errors while they retry. The launcher waits for both: it describes groups that fall
 * on every partition of the offsets topic, and connects one idempotent producer.
 */
async function warmUpBroker(client: kafkajs.Kafka): Promise<void> {
  const started = Date.now();
  const admin = client.admin();
  await admin.connect();
  try {
    const groupIds = Array.from({ length: 256 }, (_, i) => `atrium-launcher-warm-up-${i}`);
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Refused (and thrown) while a coordinator of one of these groups is not ready.
        await admin.describeGroups(groupIds);
        break;
      } catch (error) {
        if (Date.now() - started > 60_000) throw new Error(`the broker's group coordinator is not ready: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1000)));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const producer = createProducer(client);
  await producer.connect();
  await producer.disconnect();
  say(`broker warmed up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** One GraphQL call of the demo seeding; any error stops `npm start` with its message. */
async function gql<D>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<D> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: D;
    errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
  };
  if (body.errors?.length || !body.data) {
    const error = new Error(`demo data: ${body.errors?.[0]?.message ?? `HTTP ${res.status}`}`);
    throw Object.assign(error, {
      code: body.errors?.[0]?.extensions?.code,
      field: body.errors?.[0]?.extensions?.field,
    });
  }
  return body.data;
}

async function staffLogin(graphqlUrl: string, credentials: Credentials, username: string): Promise<string> {
  const password = credentials.staff.find((s) => s.username === username)?.password ?? '';
  const data = await gql<{ staffLogin: { accessToken: string } }>(
    graphqlUrl,
    'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
    { u: username, p: password },
  );
  return data.staffLogin.accessToken;
}

/**
 * The demo members, registered on the first start; a later start finds each by phone (as
 * staff), so the banner shows the same members with their codes every time.
 */
async function seedMembers(
  graphqlUrl: string,
  staffToken: string,
): Promise<{ lines: string[]; ids: string[] }> {
  const lines: string[] = [];
  const ids: string[] = [];
  for (const member of DEMO_MEMBERS) {
    const found = await registerOrFind(graphqlUrl, staffToken, member);
    ids.push(found.id);
    lines.push(`  ${member.phone}  ${member.displayName} (${found.memberCode})`);
  }
  return { lines, ids };
}

async function registerOrFind(
  graphqlUrl: string,
  staffToken: string,
  member: (typeof DEMO_MEMBERS)[number],
): Promise<{ id: string; memberCode: string }> {
  try {
    const data = await gql<{ registerMember: { id: string; memberCode: string } }>(
      graphqlUrl,
      'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id memberCode } }',
      { input: { ...member, consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }] } },
    );
    return data.registerMember;
  } catch (error) {
    if ((error as { code?: string }).code !== 'CONFLICT') throw error;
  }
  const data = await gql<{ members: { edges: Array<{ node: { id: string; memberCode: string } }> } }>(
    graphqlUrl,
    'query($phone: String!) { members(first: 1, filter: { phone: $phone }) { edges { node { id memberCode } } } }',
    { phone: member.phone },
    staffToken,
  );
  const node = data.members.edges[0]?.node;
  if (!node) throw new Error(`demo member ${member.displayName}: registered, but not found by phone`);
  return node;
}

/** What the demo seeding does to one demo ticket after opening it, as its staff would. */
type Work = (
  number: string,
  run: (query: string, variables: Record<string, unknown>) => Promise<unknown>,
) => Promise<void>;

interface DemoTicket {
  /** Index into DEMO_MEMBERS of the member who raises it; none for an anonymous card. */
  member?: number;
  store?: string;
  input: Record<string, unknown> & { category: string; description: string };
  summary: string;
  work: Work;
}

/**
 * The four demo tickets: a complaint at a jewelry counter with an apology and points, a repair
 * in progress, an anonymous comment card and a parking complaint taken to a supervisor. Each is
 * opened and worked through the graph when no ticket of its category carries its description
 * (so on the first start); a later start finds the same four and shows them again.
 */
const DEMO_TICKETS: DemoTicket[] = [
  {
    member: 0,
    store: 'Aurora Jewelry',
    input: {
      channel: 'MINI_PROGRAM',
      category: 'SERVICE_ATTITUDE',
      floor: 'L1',
      description: 'The assistant ignored me while I waited to try on a ring.',
      customerConfirmed: true,
    },
    summary: 'service attitude at Aurora Jewelry: acknowledged, plan proposed, 100 points granted',
    work: async (n, run) => {
      await run(
        'mutation($n: String!) { acknowledgeTicket(number: $n, message: "We are sorry; the store manager will call you today.") { number } }',
        { n },
      );
      await run(
        'mutation($n: String!) { proposeResolution(number: $n, proposal: "An apology from the store manager and 100 points.") { number } }',
        { n },
      );
      await run(
        'mutation($n: String!) { grantCompensation(number: $n, kind: POINTS, amount: 100, reason: "Apology for the wait") { number } }',
        { n },
      );
    },
  },
  {
    member: 2,
    store: 'Aurora Jewelry',
    input: {
      channel: 'SERVICE_DESK',
      category: 'REPAIR',
      floor: 'L1',
      description: 'A stone of my ring is loose.',
      customerConfirmed: true,
      afterSales: {
        flow: 'REPAIR',
        purchaseDate: '2026-10-03',
        productCode: 'AJ-RING-0925',
        reason: 'Loose stone',
      },
    },
    summary: 'ring repair at Aurora Jewelry: received and assessed',
    work: async (n, run) => {
      await run('mutation($n: String!) { acknowledgeTicket(number: $n) { number } }', { n });
      await run(
        'mutation($n: String!) { advanceAfterSales(number: $n, step: "ASSESSED", note: "Prong bent; re-setting needed.") { number } }',
        { n },
      );
    },
  },
  {
    input: {
      channel: 'COMMENT_CARD',
      category: 'CLEANLINESS',
      floor: 'L2',
      zone: 'Restroom near L2-10',
      contactName: 'Ms Zhao',
      description: 'No paper towels in the restroom all afternoon.',
      customerConfirmed: true,
    },
    summary: 'anonymous comment card about cleanliness on L2 (business-time SLA)',
    work: async () => undefined,
  },
  {
    member: 1,
    input: {
      channel: 'HOTLINE',
      category: 'PARKING',
      severity: 'HIGH',
      floor: 'B1',
      description: 'The parking payment machine took my money twice.',
      customerConfirmed: true,
    },
    summary: 'parking complaint on the hotline, escalated to a supervisor',
    work: async (n, run) => {
      await run('mutation($n: String!) { acknowledgeTicket(number: $n) { number } }', { n });
      await run(
        'mutation($n: String!) { escalateTicket(number: $n, reason: CUSTOMER_ASKED_SUPERVISOR) { number } }',
        { n },
      );
    },
  },
];

async function seedTickets(graphqlUrl: string, staffToken: string, memberIds: string[]): Promise<string[]> {
  const run = (query: string, variables: Record<string, unknown>) =>
    gql(graphqlUrl, query, variables, staffToken);
  const { stores } = await gql<{ stores: Array<{ id: string; name: string }> }>(
    graphqlUrl,
    '{ stores { id name } }',
    {},
  );
  const lines: string[] = [];
  for (const ticket of DEMO_TICKETS) {
    const memberId = ticket.member === undefined ? undefined : memberIds[ticket.member];
    const number =
      (await findDemoTicket(run, ticket, memberId)) ?? (await openDemoTicket(run, ticket, memberId, stores));
    lines.push(`  ${number}  ${ticket.summary}`);
  }
  return lines;
}

/** The number of the demo ticket opened by an earlier start: same category, member and description. */
async function findDemoTicket(
  run: (query: string, variables: Record<string, unknown>) => Promise<unknown>,
  ticket: DemoTicket,
  memberId: string | undefined,
): Promise<string | undefined> {
  type Page = {
    tickets: {
      edges: Array<{ node: { number: string; description: string; memberId: string | null } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  let after: string | null = null;
  const matches: string[] = [];
  do {
    const page = (await run(
      'query($filter: TicketFilterInput, $after: String) { tickets(first: 100, filter: $filter, after: $after) { edges { node { number description memberId } } pageInfo { hasNextPage endCursor } } }',
      { filter: { category: ticket.input.category }, after },
    )) as Page;
    for (const { node } of page.tickets.edges)
      if (node.description === ticket.input.description && (node.memberId ?? undefined) === memberId)
        matches.push(node.number);
    after = page.tickets.pageInfo.hasNextPage ? page.tickets.pageInfo.endCursor : null;
  } while (after);
  return matches.sort()[0];
}

/**
 * Tickets learns the stores and floors from the gateway's directory snapshot, consumed a moment
 * after the gateway starts; until then a ticket about a demo store is refused as naming an
 * unknown store or floor. At start only, the launcher retries such a refusal for a while.
 */
async function untilDirectoryKnown<T>(open: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await open();
    } catch (error) {
      const { code, field, message } = error as { code?: string; field?: string; message?: string };
      const notYetKnown =
        code === 'BAD_USER_INPUT' &&
        (field === 'storeId' || field === 'floor') &&
        /unknown (store|floor)/.test(message ?? '');
      if (!notYetKnown || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function openDemoTicket(
  run: (query: string, variables: Record<string, unknown>) => Promise<unknown>,
  ticket: DemoTicket,
  memberId: string | undefined,
  stores: Array<{ id: string; name: string }>,
): Promise<string> {
  const storeId = ticket.store ? (stores.find((s) => s.name === ticket.store)?.id ?? null) : undefined;
  const input = {
    ...ticket.input,
    ...(memberId ? { memberId } : {}),
    ...(storeId !== undefined ? { storeId } : {}),
  };
  const data = (await untilDirectoryKnown(() =>
    run('mutation($input: OpenTicketInput!) { openTicket(input: $input) { number } }', { input }),
  )) as {
    openTicket: { number: string };
  };
  await ticket.work(data.openTicket.number, run);
  return data.openTicket.number;
}

function printBanner(graphqlUrl: string, credentials: Credentials, members: string[], tickets: string[], ms: number): void {
  const width = Math.max(...credentials.staff.map((s) => s.username.length));
  const ports = SERVICE_PORTS.map(([, port]) => port).sort((a, b) => a - b);
  console.log(
    [
      '',
      '================================================================================',
      ` Atrium is ready in ${(ms / 1000).toFixed(1)} s`,
      `   GraphQL (and GraphiQL):  ${graphqlUrl}`,
      `   Health / metrics:         http://localhost:${ports[0]}..${ports.at(-1)}/health/ready, /metrics`,
      `   SMS sent in local mode:   http://localhost:${DEFAULT_HTTP_PORTS.notifications}/local/sms?phone=13800000001`,
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
