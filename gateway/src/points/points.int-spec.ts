// Real: the gateway (HTTP, GraphQL, auth, its directory database), Kafka request-reply.
// Faked: the members service: FakeServices answers identity/login operations and a fake
// ledger server answers the ledger operations, recording what the gateway sent. The
// service's own authority checks are tested in services/members (points.int-spec.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  adjustPoints,
  getPointsBalance,
  listPointsLedger,
  listRewards,
  recordPurchase,
  recordReturn,
  redeemPoints,
  tenantSettlement,
  type Envelope,
  type OperationContract,
} from '@atrium/contracts';
import { createKafka, createProducer, RequestServer } from '@atrium/messaging';
import { testInfra, uniqueTopicPrefix } from '@atrium/testing';
import { DEMO_PASSWORD, seedDemoDirectory } from '../seed/demo-seed.js';
import {
  FakeServices,
  startTestGateway,
  uniquePhone,
  type GraphQLResult,
  type TestGateway,
} from '../testing/gateway-harness.js';

let gateway: TestGateway;
let fakes: FakeServices;
let ledgerServer: RequestServer;
let ledgerProducer: Producer;
const received: Array<{ pattern: string; payload: Record<string, unknown>; envelope: Envelope }> = [];

const ENTRY = {
  kind: 'PENDING',
  points: 120,
  availableDelta: 0,
  pendingDelta: 120,
  debtDelta: 0,
  referenceType: 'PURCHASE',
  referenceId: 'p-1',
  storeId: 's-1',
  reason: null,
  occurredAt: '2026-05-01T10:00:00.000Z',
};
const answers = new Map<OperationContract, (p: Record<string, unknown>) => unknown>([
  [
    getPointsBalance,
    () => ({
      available: 500,
      pending: 120,
      debt: 0,
      expiringSoon: [{ points: 30, on: '2026-06-30T16:00:00.000Z' }],
    }),
  ],
  [
    listPointsLedger,
    (p) => ({
      entries: [
        { ...ENTRY, id: '019aa000-0000-7000-8000-0000000000a2' },
        { ...ENTRY, id: '019aa000-0000-7000-8000-0000000000a1' },
      ].slice(0, Number(p.first)),
      hasNextPage: Number(p.first) < 2,
      endCursor: '019aa000-0000-7000-8000-0000000000a1',
      totalCount: 2,
    }),
  ],
  [
    listRewards,
    () => ({
      rewards: [{ code: 'PARKING_HOUR', kind: 'PARKING', name: 'One hour of parking', pointsCost: 100 }],
    }),
  ],
  [
    tenantSettlement,
    (p) => ({
      tenantId: p.tenantId,
      month: p.month,
      stores: [],
      totals: { issued: 0, redeemed: 0, expired: 0, reversed: 0 },
    }),
  ],
  [
    recordPurchase,
    (p) => ({
      purchaseId: randomUUID(),
      memberId: p.memberId,
      points: 10,
      state: 'PENDING',
      releaseAt: '2026-05-08T10:00:00.000Z',
      duplicate: false,
    }),
  ],
  [recordReturn, () => ({ purchaseId: randomUUID(), reversedPoints: 5, debtPoints: 0, duplicate: false })],
  [
    redeemPoints,
    (p) => ({
      redemptionId: randomUUID(),
      rewardCode: p.rewardCode,
      quantity: p.quantity,
      points: 100,
      balance: { available: 400, pending: 0, debt: 0 },
      redeemedAt: '2026-05-01T10:00:00.000Z',
    }),
  ],
  [adjustPoints, () => ({ entryId: randomUUID(), balance: { available: 10, pending: 0, debt: 0 } })],
]);

let tenantA: string;
let tenantB: string;
let storeA: string;
let storeB: string;
let keyA: string;
let keyANoScope: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const apiKey = (key: string) => ({ 'x-api-key': key });
const callsOf = (op: OperationContract) => received.filter((r) => r.pattern === op.pattern);

function errorOf(result: GraphQLResult): Record<string, unknown> {
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!.extensions ?? {};
}

async function staffToken(username: string): Promise<string> {
  const r = await gateway.graphql<{ staffLogin: { accessToken: string } }>(
    'mutation ($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
    { u: username, p: DEMO_PASSWORD },
  );
  return r.data!.staffLogin.accessToken;
}

async function memberLogin(): Promise<{ id: string; token: string }> {
  const phone = uniquePhone();
  const member = fakes.register(phone, 'Points Tester');
  await gateway.graphql('mutation ($phone: String!) { requestLoginCode(phone: $phone) { sent } }', { phone });
  const r = await gateway.graphql<{ loginWithCode: { accessToken: string } }>(
    'mutation ($phone: String!, $code: String!) { loginWithCode(phone: $phone, code: $code) { accessToken } }',
    { phone, code: fakes.lastCodeFor(phone) },
  );
  return { id: member.id, token: r.data!.loginWithCode.accessToken };
}

async function createKey(tenantId: string, scopes: string[]): Promise<string> {
  const r = await gateway.graphql<{ createApiKey: { key: string } }>(
    'mutation ($t: ID!, $n: String!, $s: [String!]!) { createApiKey(tenantId: $t, name: $n, scopes: $s) { key } }',
    { t: tenantId, n: `POS ${scopes.join(',')}`, s: scopes },
    bearer(await staffToken('admin.demo')),
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createApiKey.key;
}

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  fakes = new FakeServices(prefix);
  await fakes.start();
  const kafka = createKafka({
    brokers: testInfra().kafkaBrokers,
    clientId: `fake-ledger-${prefix}`,
    topicPrefix: prefix,
  });
  ledgerProducer = createProducer(kafka);
  await ledgerProducer.connect();
  ledgerServer = new RequestServer({
    kafka,
    producer: ledgerProducer,
    topicPrefix: prefix,
    groupId: 'fake-ledger',
    bindings: [...answers].map(([contract, answer]) => ({
      contract,
      handle: async (payload: unknown, envelope: Envelope) => {
        received.push({ pattern: contract.pattern, payload: payload as Record<string, unknown>, envelope });
        return answer(payload as Record<string, unknown>);
      },
    })),
  });
  await ledgerServer.start();
  gateway = await startTestGateway({ topicPrefix: prefix });
  const db = gateway.app.get(DataSource);
  const seeded = await seedDemoDirectory(db);
  tenantA = seeded.tenantIds['AURORA-JEWELRY']!;
  tenantB = seeded.tenantIds['URBAN-THREADS']!;
  const storeOf = async (tenantId: string) =>
    ((await db.query('SELECT id FROM stores WHERE tenant_id = $1', [tenantId])) as Array<{ id: string }>)[0]!
      .id;
  [storeA, storeB] = [await storeOf(tenantA), await storeOf(tenantB)];
  keyA = await createKey(tenantA, ['purchases:write']);
  keyANoScope = await createKey(tenantA, ['members:read']);
});

afterAll(async () => {
  await gateway?.close();
  await ledgerServer?.stop();
  await ledgerProducer?.disconnect();
  await fakes?.stop();
});

beforeEach(() => {
  received.length = 0;
});

const PURCHASE = `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchaseId points state releaseAt duplicate } }`;
const RETURN = `mutation ($input: RecordReturnInput!) { recordReturn(input: $input) { reversedPoints debtPoints } }`;
const LEDGER = `query ($m: ID!, $first: Int, $after: String) { pointsLedger(memberId: $m, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id kind points pendingDelta occurredAt } } } }`;
const SETTLEMENT = `query ($t: ID!, $m: String!) { tenantSettlement(tenantId: $t, month: $m) { tenantId month totals { issued } } }`;
const REDEEM = `mutation ($input: RedeemPointsInput!) { redeemPoints(input: $input) { points balance { available } redeemedAt } }`;
const ADJUST = `mutation ($input: AdjustPointsInput!) { adjustPoints(input: $input) { entryId balance { available } } }`;

describe('points in the graph', () => {
  it('me { points } shows the member’s own balance and what expires soon', async () => {
    const { id, token } = await memberLogin();
    const r = await gateway.graphql<{ me: { points: unknown } }>(
      '{ me { id points { available pending debt expiringSoon { points on } } } }',
      undefined,
      bearer(token),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.points).toEqual({
      available: 500,
      pending: 120,
      debt: 0,
      expiringSoon: [{ points: 30, on: '2026-06-30T16:00:00.000Z' }],
    });
    expect(
      callsOf(getPointsBalance).map((c) => [c.payload.memberId, c.envelope.actor.kind, c.envelope.actor.id]),
    ).toEqual([[id, 'member', id]]);
  });

  it('a member reads its own ledger as a Relay connection but not another member’s (FORBIDDEN, nothing sent)', async () => {
    const alice = await memberLogin();
    const bob = await memberLogin();
    const own = await gateway.graphql<{
      pointsLedger: {
        edges: Array<{ cursor: string }>;
        pageInfo: { hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
      };
    }>(LEDGER, { m: alice.id, first: 1 }, bearer(alice.token));
    expect(own.errors).toBeUndefined();
    expect(own.data!.pointsLedger).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: expect.any(String) },
    });
    expect(own.data!.pointsLedger.edges).toHaveLength(1);
    // The shared Relay PageInfo: start and end are the cursors of the page's first and last edge.
    const [only] = own.data!.pointsLedger.edges;
    expect(own.data!.pointsLedger.pageInfo).toMatchObject({
      startCursor: only!.cursor,
      endCursor: only!.cursor,
    });
    received.length = 0;
    const other = await gateway.graphql(LEDGER, { m: bob.id }, bearer(alice.token));
    expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_MEMBER' });
    expect(callsOf(listPointsLedger)).toEqual([]);
    const staff = await gateway.graphql(LEDGER, { m: bob.id }, bearer(await staffToken('frontline.demo')));
    expect(staff.errors).toBeUndefined();
    expect(errorOf(await gateway.graphql(LEDGER, { m: bob.id }, apiKey(keyA)))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('partner A records a purchase at its own store: the tenant and category come from the directory', async () => {
    const { id } = await memberLogin();
    const r = await gateway.graphql(
      PURCHASE,
      { input: { storeId: storeA, orderId: 'A-1', memberId: id, amountFen: 1050 } },
      apiKey(keyA),
    );
    expect(r.errors).toBeUndefined();
    expect(callsOf(recordPurchase).map((c) => c.payload)).toEqual([
      {
        tenantId: tenantA,
        storeId: storeA,
        storeCategory: 'JEWELRY',
        orderId: 'A-1',
        memberId: id,
        amountFen: 1050,
      },
    ]);
    expect(callsOf(recordPurchase)[0]!.envelope.actor).toMatchObject({ kind: 'partner', tenantId: tenantA });
  });

  it('partner A cannot earn for, return at, or settle partner B’s stores; a key without purchases:write cannot earn', async () => {
    const { id } = await memberLogin();
    const earn = await gateway.graphql(
      PURCHASE,
      { input: { storeId: storeB, orderId: 'B-1', memberId: id, amountFen: 1000 } },
      apiKey(keyA),
    );
    expect(errorOf(earn)).toMatchObject({ code: 'FORBIDDEN', reason: 'POINTS_OTHER_TENANT' });
    const ret = await gateway.graphql(
      RETURN,
      { input: { storeId: storeB, orderId: 'B-1', returnId: 'r', amountFen: 100 } },
      apiKey(keyA),
    );
    expect(errorOf(ret)).toMatchObject({ code: 'FORBIDDEN', reason: 'POINTS_OTHER_TENANT' });
    const settle = await gateway.graphql(SETTLEMENT, { t: tenantB, m: '2026-05' }, apiKey(keyA));
    expect(errorOf(settle)).toMatchObject({ code: 'FORBIDDEN', reason: 'POINTS_OTHER_TENANT' });
    const noScope = await gateway.graphql(
      PURCHASE,
      { input: { storeId: storeA, orderId: 'A-2', memberId: id, amountFen: 1000 } },
      apiKey(keyANoScope),
    );
    expect(errorOf(noScope)).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE' });
    const asMember = await gateway.graphql(
      PURCHASE,
      { input: { storeId: storeA, orderId: 'A-3', memberId: id, amountFen: 1000 } },
      bearer((await memberLogin()).token),
    );
    expect(errorOf(asMember)).toMatchObject({ code: 'FORBIDDEN' });
    expect(received).toEqual([]);

    const own = await gateway.graphql<{ tenantSettlement: { tenantId: string } }>(
      SETTLEMENT,
      { t: tenantA, m: '2026-05' },
      apiKey(keyA),
    );
    expect(own.data!.tenantSettlement.tenantId).toBe(tenantA);
    const staff = await gateway.graphql(
      SETTLEMENT,
      { t: tenantB, m: '2026-05' },
      bearer(await staffToken('frontline.demo')),
    );
    expect(staff.errors).toBeUndefined();
  });

  it.each([
    [
      'a zero amount',
      'input.amountFen',
      PURCHASE,
      { input: { storeId: 'S', orderId: 'X-1', memberId: 'M', amountFen: 0 } },
    ],
    [
      'a negative amount',
      'input.amountFen',
      PURCHASE,
      { input: { storeId: 'S', orderId: 'X-2', memberId: 'M', amountFen: -100 } },
    ],
    ['no member', 'input.memberId', PURCHASE, { input: { storeId: 'S', orderId: 'X-3', amountFen: 100 } }],
    [
      'an unknown store',
      'input.storeId',
      PURCHASE,
      { input: { storeId: 'not-a-store', orderId: 'X-4', memberId: 'M', amountFen: 100 } },
    ],
    [
      'a zero-fen return',
      'input.amountFen',
      RETURN,
      { input: { storeId: 'S', orderId: 'X-5', returnId: 'r', amountFen: 0 } },
    ],
    ['a month that does not exist', 'month', SETTLEMENT, { t: 'T', m: '2026-13' }],
  ])('%s is BAD_USER_INPUT naming %s', async (_name, field, query, variables) => {
    const { id } = await memberLogin();
    const text = JSON.stringify(variables)
      .replaceAll('"S"', JSON.stringify(storeA))
      .replaceAll('"M"', JSON.stringify(id))
      .replaceAll('"T"', JSON.stringify(tenantA));
    const r = await gateway.graphql(query, JSON.parse(text), apiKey(keyA));
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(received).toEqual([]);
  });

  it('a member redeems for itself; bad quantities and keys are BAD_USER_INPUT; a non-integer is rejected by the schema', async () => {
    const { id, token } = await memberLogin();
    const ok = await gateway.graphql(
      REDEEM,
      { input: { rewardCode: 'PARKING_HOUR', quantity: 1, idempotencyKey: 'retry-key-0001' } },
      bearer(token),
    );
    expect(ok.errors).toBeUndefined();
    expect(callsOf(redeemPoints).map((c) => c.payload)).toEqual([
      { memberId: id, rewardCode: 'PARKING_HOUR', quantity: 1, idempotencyKey: 'retry-key-0001' },
    ]);
    for (const [input, field] of [
      [{ rewardCode: 'PARKING_HOUR', quantity: 0, idempotencyKey: 'retry-key-0002' }, 'input.quantity'],
      [{ rewardCode: 'PARKING_HOUR', quantity: 1, idempotencyKey: 'short' }, 'input.idempotencyKey'],
      [{ rewardCode: 'parking hour', quantity: 1, idempotencyKey: 'retry-key-0003' }, 'input.rewardCode'],
    ] as const) {
      expect(errorOf(await gateway.graphql(REDEEM, { input }, bearer(token)))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const fraction = await gateway.graphql(
      REDEEM,
      { input: { rewardCode: 'PARKING_HOUR', quantity: 1.5, idempotencyKey: 'retry-key-0004' } },
      bearer(token),
    );
    expect(errorOf(fraction).code).toBe('BAD_USER_INPUT');
    expect(callsOf(redeemPoints)).toHaveLength(1);
  });

  it('only staff MANAGER and above adjust points, with a reason', async () => {
    const { id } = await memberLogin();
    const input = { memberId: id, points: 50, reason: 'parking complaint' };
    expect(
      errorOf(await gateway.graphql(ADJUST, { input }, bearer(await staffToken('frontline.demo')))),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const manager = bearer(await staffToken('manager.demo'));
    expect(
      errorOf(await gateway.graphql(ADJUST, { input: { ...input, reason: '' } }, manager)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(errorOf(await gateway.graphql(ADJUST, { input: { ...input, points: 0 } }, manager))).toMatchObject(
      { code: 'BAD_USER_INPUT', field: 'input.points' },
    );
    expect((await gateway.graphql(ADJUST, { input }, manager)).errors).toBeUndefined();
    expect(callsOf(adjustPoints).map((c) => [c.payload, c.envelope.actor.roles])).toEqual([
      [input, ['MANAGER']],
    ]);
  });

  it('rewards are listed for any signed-in caller and refused to anonymous ones', async () => {
    const { token } = await memberLogin();
    const r = await gateway.graphql<{ rewards: unknown[] }>(
      '{ rewards { code kind name pointsCost } }',
      undefined,
      bearer(token),
    );
    expect(r.data!.rewards).toEqual([
      { code: 'PARKING_HOUR', kind: 'PARKING', name: 'One hour of parking', pointsCost: 100 },
    ]);
    expect(errorOf(await gateway.graphql('{ rewards { code } }')).code).toBe('UNAUTHENTICATED');
  });
});
