import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PartnerScope } from '@atrium/contracts';
import pg from 'pg';
import { databaseUrl } from '@atrium/persistence';
import {
  createPartnerKey,
  expectEventually,
  settled,
  TestKafka,
  testInfra,
  uniqueDatabaseName,
  uniqueTopicPrefix,
} from '@atrium/testing';
import { graphql, startPlatform, type GraphQLResult, type Platform } from '../support/platform.js';
import { loginMember, loginStaff, registerMember, uniquePhone } from '../support/journeys.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const apiKey = (key: string) => ({ 'x-api-key': key });

const FIELDS =
  'id number status level memberId storeId tenantId slaState firstResponseDueAt notes { visibility text } compensation { id status amount requiredLevel }';
const OPEN = `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { ${FIELDS} } }`;
const GET = `query ($n: String!) { ticket(number: $n) { ${FIELDS} } }`;
type T = {
  id: string;
  number: string;
  status: string;
  level: string;
  memberId: string | null;
  notes: { visibility: string; text: string }[];
  compensation: { id: string; status: string; requiredLevel: string }[];
};

function errorOf(result: GraphQLResult): Record<string, unknown> {
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!.extensions ?? {};
}

// Real: the members, notifications, tickets and gateway processes (built), Kafka, PostgreSQL;
// the gateway's demo directory (stores, tenants, staff). Faked: nothing.
describe('tickets through the gateway: who sees and works which ticket, and compensation reaching the ledger', () => {
  let platform: Platform;
  let kafka: TestKafka;
  let databasePrefix: string;
  let aurora: { tenantId: string; storeId: string };
  let urban: { tenantId: string; storeId: string };
  let readKeyA: string;
  let writeKeyA: string;
  let keyB: string;
  const tokens = new Map<string, string>();

  const gql = <D>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => graphql<D>(platform.graphqlUrl, query, variables, headers);

  async function staff(username: string): Promise<Record<string, string>> {
    if (!tokens.has(username)) tokens.set(username, await loginStaff(platform, username));
    return bearer(tokens.get(username)!);
  }

  async function shopper(): Promise<{ id: string; headers: Record<string, string> }> {
    const phone = uniquePhone();
    const id = (await registerMember(platform, phone, 'Ticket Shopper')).data!.registerMember.id;
    return { id, headers: bearer(await loginMember(platform, phone)) };
  }

  async function open(headers: Record<string, string>, input: Record<string, unknown> = {}): Promise<T> {
    const r = await gql<{ openTicket: T }>(
      OPEN,
      {
        input: {
          channel: 'APP',
          category: 'SERVICE_ATTITUDE',
          description: 'Rude service at the counter',
          ...input,
        },
      },
      headers,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.openTicket;
  }

  beforeAll(async () => {
    const infra = testInfra();
    databasePrefix = uniqueDatabaseName('e2e').replace(/_e2e$/, '_');
    kafka = new TestKafka(uniqueTopicPrefix());
    platform = await startPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      databaseServerUrl: infra.databaseServerUrl,
      topicPrefix: kafka.prefix,
      databasePrefix,
      only: ['members', 'notifications', 'tickets', 'gateway'],
      env: { GATEWAY_SEED_DEMO: 'true' },
    });
    const directory = new pg.Client({
      connectionString: databaseUrl(infra.databaseServerUrl, `${databasePrefix}gateway`),
    });
    await directory.connect();
    const storeOf = async (code: string) =>
      (
        await directory.query(
          `SELECT t.id AS "tenantId", s.id AS "storeId" FROM tenants t JOIN stores s ON s.tenant_id = t.id WHERE t.code = $1`,
          [code],
        )
      ).rows[0] as { tenantId: string; storeId: string };
    [aurora, urban] = [await storeOf('AURORA-JEWELRY'), await storeOf('URBAN-THREADS')];
    await directory.end();
    const admin = await staff('admin.demo');
    const keyFor = async (tenantId: string, scopes: PartnerScope[]) =>
      (await createPartnerKey(gql, admin, { tenantId, scopes, name: 'Service desk' })).key;
    readKeyA = await keyFor(aurora.tenantId, ['tickets:read']);
    writeKeyA = await keyFor(aurora.tenantId, ['tickets:read', 'tickets:write']);
    keyB = await keyFor(urban.tenantId, ['tickets:read', 'tickets:write']);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await kafka?.close();
  });

  it('a member opens a ticket for itself and sees only its own tickets', async () => {
    const me = await shopper();
    const other = await shopper();
    const t = await open(me.headers, { memberId: other.id });
    expect(t).toMatchObject({ status: 'OPEN', level: 'FRONTLINE', memberId: me.id });
    expect(t.number).toMatch(/^TK-\d{8}-\d{6}$/);
    expect((await gql<{ ticket: T }>(GET, { n: t.number }, me.headers)).data!.ticket.id).toBe(t.id);
    expect(errorOf(await gql(GET, { n: t.number }, other.headers))).toMatchObject({ code: 'NOT_FOUND' });
    const list = await gql<{ myTickets: { edges: { node: { id: string } }[] } }>(
      '{ myTickets { edges { node { id } } } }',
      {},
      me.headers,
    );
    expect(list.data!.myTickets.edges.map((e) => e.node.id)).toEqual([t.id]);
    expect(errorOf(await gql('{ tickets { edges { node { id } } } }', {}, me.headers))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a tenant sees only its stores’ tickets, never internal notes, and needs tickets:write to work them', async () => {
    const me = await shopper();
    const t = await open(me.headers, { storeId: aurora.storeId });
    expect(t).toMatchObject({ storeId: aurora.storeId, tenantId: aurora.tenantId });
    await open(me.headers, { storeId: urban.storeId });
    const frontline = await staff('frontline.demo');
    const NOTE =
      'mutation ($n: String!, $v: NoteVisibility!, $t: String!) { addTicketNote(number: $n, visibility: $v, text: $t) { id } }';
    await gql(NOTE, { n: t.number, v: 'INTERNAL', t: 'Third complaint about this clerk' }, frontline);
    await gql(NOTE, { n: t.number, v: 'PUBLIC', t: 'We are talking to the store' }, frontline);

    const seen = await gql<{ ticket: T }>(GET, { n: t.number }, apiKey(readKeyA));
    expect(seen.data!.ticket.notes).toEqual([{ visibility: 'PUBLIC', text: 'We are talking to the store' }]);
    expect((await gql<{ ticket: T }>(GET, { n: t.number }, frontline)).data!.ticket.notes).toHaveLength(2);
    const queue = await gql<{ tickets: { edges: { node: { tenantId: string } }[] } }>(
      '{ tickets(first: 100) { edges { node { tenantId } } } }',
      {},
      apiKey(readKeyA),
    );
    expect(queue.data!.tickets.edges.length).toBeGreaterThan(0);
    expect(new Set(queue.data!.tickets.edges.map((e) => e.node.tenantId))).toEqual(
      new Set([aurora.tenantId]),
    );

    expect(errorOf(await gql(GET, { n: t.number }, apiKey(keyB)))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TICKET_OTHER_TENANT',
    });
    const ACK = 'mutation ($n: String!) { acknowledgeTicket(number: $n) { status } }';
    expect(errorOf(await gql(ACK, { n: t.number }, apiKey(readKeyA)))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TICKET_MISSING_SCOPE',
    });
    expect(
      (await gql<{ acknowledgeTicket: { status: string } }>(ACK, { n: t.number }, apiKey(writeKeyA))).data!
        .acknowledgeTicket.status,
    ).toBe('ACKNOWLEDGED');
  });

  it('a ticket shows its store, assignee and member to whom may see them; a page of tickets asks the members service once', async () => {
    const shoppers = [await shopper(), await shopper(), await shopper()];
    const tickets: T[] = [];
    for (const s of shoppers) tickets.push(await open(s.headers, { storeId: aurora.storeId }));
    const frontline = await staff('frontline.demo');
    const frontlineId = (await gql<{ viewer: { id: string } }>('{ viewer { id } }', {}, frontline)).data!
      .viewer.id;
    const ASSIGN =
      'mutation ($n: String!, $a: String!) { assignTicket(number: $n, assigneeId: $a) { assigneeId } }';
    for (const t of tickets)
      expect((await gql(ASSIGN, { n: t.number, a: frontlineId }, frontline)).errors).toBeUndefined();

    type Nested = {
      memberId: string | null;
      store: {
        name: string;
        unit: string;
        floor: string;
        tenant: { id: string; name: string } | null;
      } | null;
      assignee: { id: string; displayName: string; roles: string[] | null } | null;
      member: { id: string; displayName: string } | null;
    };
    const NESTED =
      'memberId store { name unit floor tenant { id name } } assignee { id displayName roles } member { id displayName }';
    const read = async (headers: Record<string, string>) => {
      const r = await gql<{ ticket: Nested }>(
        `query ($n: String!) { ticket(number: $n) { ${NESTED} } }`,
        { n: tickets[0]!.number },
        headers,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.ticket;
    };
    const store = {
      name: 'Aurora Jewelry',
      unit: 'L1-01',
      floor: 'L1',
      tenant: { id: aurora.tenantId, name: 'Aurora Jewelry' },
    };
    expect(await read(frontline)).toEqual({
      memberId: shoppers[0]!.id,
      store,
      assignee: { id: frontlineId, displayName: 'Lin Qing (front desk)', roles: ['FRONTLINE'] },
      member: { id: shoppers[0]!.id, displayName: 'Ticket Shopper' },
    });
    // The member sees itself and the assignee's name (no roles).
    expect(await read(shoppers[0]!.headers)).toEqual({
      memberId: shoppers[0]!.id,
      store,
      assignee: { id: frontlineId, displayName: 'Lin Qing (front desk)', roles: null },
      member: { id: shoppers[0]!.id, displayName: 'Ticket Shopper' },
    });
    // The tenant sees its store, never the member.
    expect(await read(apiKey(readKeyA))).toMatchObject({ store, member: null, assignee: { roles: null } });

    const membersCalls = async () => {
      const text = await (await fetch(`${platform.get('gateway').url}/metrics`)).text();
      return text
        .split('\n')
        .filter(
          (l) =>
            l.startsWith('atrium_request_round_trip_seconds_count{') &&
            l.includes('pattern="members.get-members"'),
        )
        .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    };
    type Page = {
      tickets: {
        edges: { cursor: string; node: Nested & { number: string } }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
      };
    };
    const PAGE = `query ($first: Int!, $after: String, $store: ID) { tickets(first: $first, after: $after, filter: { storeId: $store }) {
      edges { cursor node { number ${NESTED} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

    const before = await membersCalls();
    const all = await gql<Page>(PAGE, { first: 100, store: aurora.storeId }, frontline);
    expect(all.errors).toBeUndefined();
    expect(await membersCalls()).toBe(before + 1);
    const nodes = all.data!.tickets.edges.map((e) => e.node);
    const withMember = nodes.filter((n) => n.memberId);
    expect(new Set(withMember.map((n) => n.memberId)).size).toBeGreaterThanOrEqual(3);
    for (const n of withMember) expect(n.member).toEqual({ id: n.memberId, displayName: 'Ticket Shopper' });
    expect(nodes.every((n) => n.store?.name === 'Aurora Jewelry')).toBe(true);
    for (const t of tickets)
      expect(nodes.find((n) => n.number === t.number)?.assignee?.displayName).toBe('Lin Qing (front desk)');

    // The tenant's page: stores, no member, and no call to the members service at all.
    const tenantPage = await gql<Page>(PAGE, { first: 100, store: aurora.storeId }, apiKey(readKeyA));
    expect(tenantPage.errors).toBeUndefined();
    expect(tenantPage.data!.tickets.edges.length).toBe(nodes.length);
    expect(tenantPage.data!.tickets.edges.map((e) => e.node.member)).toEqual(
      tenantPage.data!.tickets.edges.map(() => null),
    );
    expect(await membersCalls()).toBe(before + 1);

    // Relay paging: two at a time, the end cursor leads to the next page.
    const first = await gql<Page>(PAGE, { first: 2, store: aurora.storeId }, frontline);
    const { edges, pageInfo } = first.data!.tickets;
    expect(pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges[1]!.cursor,
    });
    const next = await gql<Page>(
      PAGE,
      { first: 2, after: pageInfo.endCursor, store: aurora.storeId },
      frontline,
    );
    expect(next.errors).toBeUndefined();
    const second = next.data!.tickets.edges.map((e) => e.node.number);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((n) => edges.some((e) => e.node.number === n))).toEqual([]);
  });

  it('statistics: staff see the whole mall, a tenant only its stores (another tenant’s store counts nothing), a member none', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const me = await shopper();
    await open(me.headers, { storeId: aurora.storeId, category: 'PRODUCT_QUALITY' });
    await open(me.headers, { storeId: urban.storeId, category: 'PRODUCT_QUALITY' });
    const to = new Date(Date.now() + 60_000).toISOString();
    const STATS =
      'query ($f: TicketStatsFilterInput!) { ticketStats(filter: $f) { total byStore { key count } firstResponse { medianSeconds } firstResponseSlaTime { medianSeconds } } }';
    type S = { ticketStats: { total: number; byStore: { key: string; count: number }[] } };
    const all = await gql<S>(STATS, { f: { from, to } }, await staff('manager.demo'));
    expect(all.errors).toBeUndefined();
    expect(all.data!.ticketStats.total).toBeGreaterThanOrEqual(2);
    const mine = await gql<S>(STATS, { f: { from, to } }, apiKey(readKeyA));
    expect(mine.data!.ticketStats.byStore.map((s) => s.key)).toEqual([aurora.storeId]);
    const theirs = await gql<S>(STATS, { f: { from, to, storeId: urban.storeId } }, apiKey(readKeyA));
    expect(theirs.data!.ticketStats).toMatchObject({ total: 0, byStore: [] });
    expect(errorOf(await gql(STATS, { f: { from, to } }, me.headers))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a repair through the graph: the store registers it, quotes it and tells the customer how to care for the piece', async () => {
    const me = await shopper();
    const OPEN_REPAIR =
      'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { number afterSales { flow step details } } }';
    const opened = await gql<{ openTicket: { number: string; afterSales: { step: string } } }>(
      OPEN_REPAIR,
      {
        input: {
          channel: 'APP',
          category: 'REPAIR',
          storeId: aurora.storeId,
          description: 'A stone of my ring is loose',
          afterSales: {
            flow: 'REPAIR',
            productCode: 'AJ-RING-0925',
            reason: 'Loose stone',
            purchaseDate: '2026-10-03',
          },
        },
      },
      me.headers,
    );
    expect(opened.errors).toBeUndefined();
    const n = opened.data!.openTicket.number;
    const STEP =
      'mutation ($n: String!, $s: String!, $d: AfterSalesStepDetailsInput) { advanceAfterSales(number: $n, step: $s, details: $d) { afterSales { step details } } }';
    const store = apiKey(writeKeyA);
    await gql(STEP, { n, s: 'ASSESSED', d: { finding: 'Prong bent' } }, store);
    expect(errorOf(await gql(STEP, { n, s: 'QUOTED' }, store))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'details.quoteFen',
    });
    const quoted = await gql<{ advanceAfterSales: { afterSales: { step: string; details: string } } }>(
      STEP,
      { n, s: 'QUOTED', d: { quoteFen: 30_000 } },
      store,
    );
    expect(quoted.data!.advanceAfterSales.afterSales.step).toBe('QUOTED');
    expect(JSON.parse(quoted.data!.advanceAfterSales.afterSales.details)).toMatchObject({
      productCode: 'AJ-RING-0925',
      finding: 'Prong bent',
      quoteFen: 30_000,
    });
    // Another tenant's store cannot move it.
    expect(errorOf(await gql(STEP, { n, s: 'APPROVED' }, apiKey(keyB)))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an escalation alerts the staff of the new level in their console, not the front desk', async () => {
    const me = await shopper();
    const t = await open(me.headers);
    const frontline = await staff('frontline.demo');
    const escalated = await gql(
      'mutation ($n: String!) { escalateTicket(number: $n, reason: CUSTOMER_ASKED_SUPERVISOR) { level } }',
      { n: t.number },
      frontline,
    );
    expect(escalated.errors).toBeUndefined();
    const ALERTS = '{ staffAlerts(first: 100) { kind level ticketNumber title } }';
    type A = { staffAlerts: { kind: string; level: string; ticketNumber: string; title: string }[] };
    const supervisor = await staff('supervisor.demo');
    await expectEventually(
      async () => {
        const r = await gql<A>(ALERTS, {}, supervisor);
        expect(r.data!.staffAlerts.filter((a) => a.ticketNumber === t.number)).toEqual([
          {
            kind: 'ESCALATED',
            level: 'SUPERVISOR',
            ticketNumber: t.number,
            title: expect.stringContaining(t.number),
          },
        ]);
      },
      { timeoutMs: 20000 },
    );
    const desk = await gql<A>(ALERTS, {}, frontline);
    expect(desk.data!.staffAlerts.map((a) => a.ticketNumber)).not.toContain(t.number);
    expect(errorOf(await gql(ALERTS, {}, me.headers))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a level-2 ticket cannot be worked by frontline; a supervisor works it', async () => {
    const t = await open((await shopper()).headers);
    const frontline = await staff('frontline.demo');
    const esc = await gql<{ escalateTicket: { level: string } }>(
      'mutation ($n: String!) { escalateTicket(number: $n, reason: CUSTOMER_ASKED_SUPERVISOR) { level } }',
      { n: t.number },
      frontline,
    );
    expect(esc.data!.escalateTicket.level).toBe('SUPERVISOR');
    const ACK = 'mutation ($n: String!) { acknowledgeTicket(number: $n, message: "On it") { status } }';
    expect(errorOf(await gql(ACK, { n: t.number }, frontline))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TICKET_LEVEL_TOO_LOW',
    });
    expect(
      (
        await gql<{ acknowledgeTicket: { status: string } }>(
          ACK,
          { n: t.number },
          await staff('supervisor.demo'),
        )
      ).data!.acknowledgeTicket.status,
    ).toBe('ACKNOWLEDGED');
  });

  it('frontline cannot approve 800 points; a supervisor can, and the member’s ledger is credited exactly once', async () => {
    const me = await shopper();
    const t = await open(me.headers);
    const frontline = await staff('frontline.demo');
    const GRANT =
      'mutation ($n: String!, $a: Int!) { grantCompensation(number: $n, kind: POINTS, amount: $a, reason: "Sorry") { compensation { id status requiredLevel } } }';
    const comp = (await gql<{ grantCompensation: T }>(GRANT, { n: t.number, a: 800 }, frontline)).data!
      .grantCompensation.compensation[0]!;
    expect(comp).toMatchObject({ status: 'PENDING_APPROVAL', requiredLevel: 'SUPERVISOR' });
    const APPROVE =
      'mutation ($n: String!, $c: ID!) { approveCompensation(number: $n, compensationId: $c) { compensation { status } } }';
    expect(errorOf(await gql(APPROVE, { n: t.number, c: comp.id }, frontline))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TICKET_COMPENSATION_ABOVE_LIMIT',
    });
    expect(
      (
        await gql<{ approveCompensation: T }>(
          APPROVE,
          { n: t.number, c: comp.id },
          await staff('supervisor.demo'),
        )
      ).data!.approveCompensation.compensation[0]!.status,
    ).toBe('GRANTED');
    expect(
      errorOf(await gql(APPROVE, { n: t.number, c: comp.id }, await staff('manager.demo'))),
    ).toMatchObject({ reason: 'TICKET_COMPENSATION_NOT_PENDING' });
    expect(errorOf(await gql(GRANT, { n: t.number, a: 10 }, me.headers))).toMatchObject({
      code: 'FORBIDDEN',
    });

    const POINTS = '{ me { points { available } } }';
    await expectEventually(
      async () => {
        const r = await gql<{ me: { points: { available: number } } }>(POINTS, {}, me.headers);
        expect(r.data!.me.points.available).toBe(800);
      },
      { timeoutMs: 20000 },
    );
    // The ledger's answer reaches the ticket: the member sees when the points were posted.
    const POSTED =
      'query ($n: String!) { ticket(number: $n) { compensation { posting postedAt } history { action } } }';
    await expectEventually(
      async () => {
        const r = await gql<{
          ticket: {
            compensation: { posting: string; postedAt: string | null }[];
            history: { action: string }[];
          };
        }>(POSTED, { n: t.number }, me.headers);
        expect(r.data!.ticket.compensation[0]).toMatchObject({
          posting: 'POSTED',
          postedAt: expect.any(String),
        });
      },
      { timeoutMs: 20000 },
    );
    // Nothing left in flight between tickets and the ledger: a second credit or posting would be here now.
    const databases = ['members', 'tickets'].map(
      (service) =>
        new pg.Client({ connectionString: databaseUrl(testInfra().databaseServerUrl, `${databasePrefix}${service}`) }),
    );
    await Promise.all(databases.map((db) => db.connect()));
    try {
      await settled(kafka.kafka, {
        groups: [`${kafka.prefix}members`, `${kafka.prefix}tickets`],
        outboxes: databases,
      });
    } finally {
      await Promise.all(databases.map((db) => db.end()));
    }
    expect(
      (await gql<{ me: { points: { available: number } } }>(POINTS, {}, me.headers)).data!.me.points
        .available,
    ).toBe(800);
    const history = (
      await gql<{ ticket: { history: { action: string }[] } }>(POSTED, { n: t.number }, me.headers)
    ).data!.ticket.history.map((h) => h.action);
    expect(history.filter((a) => a === 'COMPENSATION_POSTED')).toHaveLength(1);
  });

  it('an anonymous comment card opens with contact details only; staff see the SLA policies, members do not', async () => {
    const card = await gql<{ openTicket: T }>(OPEN, {
      input: {
        channel: 'COMMENT_CARD',
        category: 'CLEANLINESS',
        description: 'Toilets on L3 dirty',
        contactPhone: '13800138000',
      },
    });
    expect(card.errors).toBeUndefined();
    expect(card.data!.openTicket).toMatchObject({ memberId: null, status: 'OPEN' });
    expect(
      errorOf(await gql(OPEN, { input: { channel: 'HOTLINE', category: 'PARKING', description: 'x' } })),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const policies = await gql<{ slaPolicies: { code: string }[] }>(
      '{ slaPolicies { code clock firstResponseSeconds } }',
      {},
      await staff('frontline.demo'),
    );
    expect(policies.data!.slaPolicies.map((p) => p.code)).toEqual(['VIP_LIVE', 'LIVE', 'FEEDBACK']);
    expect(errorOf(await gql('{ slaPolicies { code } }', {}, (await shopper()).headers))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the whole path works through the graph: propose, reject with escalation, resolve, close, reopen; illegal steps are CONFLICT', async () => {
    const me = await shopper();
    const t = await open(me.headers);
    const frontline = await staff('frontline.demo');
    const supervisor = await staff('supervisor.demo');
    const run = async <D>(q: string, h: Record<string, string>) => {
      const r = await gql<D>(q, { n: t.number }, h);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    await run('mutation ($n: String!) { acknowledgeTicket(number: $n) { status } }', frontline);
    await run(
      'mutation ($n: String!) { proposeResolution(number: $n, proposal: "Apology") { status } }',
      frontline,
    );
    const rejected = await run<{ respondToProposal: T }>(
      'mutation ($n: String!) { respondToProposal(number: $n, accept: false, escalate: true) { status level } }',
      me.headers,
    );
    expect(rejected.respondToProposal).toMatchObject({ status: 'IN_PROGRESS', level: 'SUPERVISOR' });
    await run(
      'mutation ($n: String!) { resolveTicket(number: $n, rootCause: "TRAINING") { status } }',
      supervisor,
    );
    await run('mutation ($n: String!) { closeTicket(number: $n) { status } }', supervisor);
    expect(
      (
        await run<{ reopenTicket: T }>(
          'mutation ($n: String!) { reopenTicket(number: $n, reason: "Again") { status } }',
          me.headers,
        )
      ).reopenTicket.status,
    ).toBe('REOPENED');
    expect(
      errorOf(
        await gql(
          'mutation ($n: String!) { closeTicket(number: $n) { status } }',
          { n: t.number },
          supervisor,
        ),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'TICKET_ILLEGAL_TRANSITION',
    });
  });
});
