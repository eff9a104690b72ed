import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { registerMember as registerMemberOp } from '@atrium/contracts';
import type { RequestClient } from '@atrium/messaging';
import { databaseUrl } from '@atrium/persistence';
import {
  createPartnerKey,
  registerTestMember,
  startTestClient,
  TestKafka,
  testInfra,
  uniqueDatabaseName,
  uniqueTopicPrefix,
} from '@atrium/testing';
import { graphql, startPlatform, type Platform } from '../support/platform.js';
import { loginMember, loginStaff, registerMember, uniquePhone } from '../support/journeys.js';

const PURCHASE = `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchaseId points state duplicate } }`;
const POINTS = `{ me { id points { available pending debt expiringSoon { points on } } } }`;
const REDEEM = `mutation ($input: RedeemPointsInput!) { redeemPoints(input: $input) { redemptionId points balance { available pending debt } } }`;
const SETTLEMENT = `query ($t: ID!, $m: String!) { tenantSettlement(tenantId: $t, month: $m) { totals { issued redeemed } stores { storeId issued } } }`;
const LEDGER = `query ($m: ID!) { pointsLedger(memberId: $m, first: 10) { totalCount edges { node { kind points } } } }`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const apiKey = (key: string) => ({ 'x-api-key': key });

// Real: the members, notifications and gateway processes (built), Kafka, PostgreSQL; the
// gateway's demo directory (stores, tenants, staff). Faked: nothing.
describe('points through the gateway: a store earns for a shopper, the shopper spends, tenants stay apart', () => {
  let platform: Platform;
  let databasePrefix: string;
  let kafka: TestKafka;
  let members: RequestClient;
  let aurora: { tenantId: string; storeId: string; key: string };
  let urban: { tenantId: string; storeId: string; key: string };
  let manager: string;

  const staffToken = (username: string) => loginStaff(platform, username);

  beforeAll(async () => {
    const infra = testInfra();
    databasePrefix = uniqueDatabaseName('e2e').replace(/_e2e$/, '_');
    platform = await startPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      databaseServerUrl: infra.databaseServerUrl,
      topicPrefix: (kafka = new TestKafka(uniqueTopicPrefix())).prefix,
      databasePrefix,
      only: ['members', 'notifications', 'gateway'],
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
    const [a, u] = [await storeOf('AURORA-JEWELRY'), await storeOf('URBAN-THREADS')];
    await directory.end();
    const admin = await staffToken('admin.demo');
    const keyFor = async (tenantId: string) =>
      (
        await createPartnerKey((q, v, h) => graphql(platform.graphqlUrl, q, v, h), bearer(admin), {
          tenantId,
          scopes: ['purchases:write'],
          name: 'POS',
        })
      ).key;
    aurora = { ...a, key: await keyFor(a.tenantId) };
    urban = { ...u, key: await keyFor(u.tenantId) };
    manager = await staffToken('manager.demo');
    // Members a test needs only as data are registered through the members service directly.
    members = await startTestClient(kafka, [registerMemberOp]);
  }, 120000);

  afterAll(async () => {
    await members?.stop();
    await platform?.stop();
    await kafka?.close();
  });

  it('earns pending points once per order, keeps them unspendable until released, and spends adjusted points idempotently', async () => {
    const phone = uniquePhone();
    const memberId = (await registerMember(platform, phone, 'Points Shopper')).data!.registerMember.id;
    const token = await loginMember(platform, phone);
    const orderId = `POS-${randomUUID().slice(0, 8)}`;
    const input = { storeId: aurora.storeId, orderId, memberId, amountFen: 258_800 };

    const first = await graphql<{ recordPurchase: { points: number; state: string; duplicate: boolean } }>(
      platform.graphqlUrl,
      PURCHASE,
      { input },
      apiKey(aurora.key),
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordPurchase).toMatchObject({ points: 2588, state: 'PENDING', duplicate: false });
    const again = await graphql<{ recordPurchase: { duplicate: boolean } }>(
      platform.graphqlUrl,
      PURCHASE,
      { input },
      apiKey(aurora.key),
    );
    expect(again.data!.recordPurchase.duplicate).toBe(true);

    const me = await graphql<{ me: { points: unknown } }>(platform.graphqlUrl, POINTS, {}, bearer(token));
    expect(me.data!.me.points).toEqual({ available: 0, pending: 2588, debt: 0, expiringSoon: [] });

    const tooEarly = await graphql(
      platform.graphqlUrl,
      REDEEM,
      { input: { rewardCode: 'PARKING_HOUR', quantity: 1, idempotencyKey: `e2e-${memberId}-0` } },
      bearer(token),
    );
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'POINTS_INSUFFICIENT',
    });

    const adjusted = await graphql(
      platform.graphqlUrl,
      `
        mutation ($input: AdjustPointsInput!) {
          adjustPoints(input: $input) {
            balance {
              available
            }
          }
        }
      `,
      { input: { memberId, points: 500, reason: 'welcome bonus at the desk' } },
      bearer(manager),
    );
    expect(adjusted.errors).toBeUndefined();
    const redeem = {
      input: { rewardCode: 'PARKING_HOUR', quantity: 2, idempotencyKey: `e2e-${memberId}-1` },
    };
    const spent = await graphql<{ redeemPoints: { redemptionId: string; points: number; balance: unknown } }>(
      platform.graphqlUrl,
      REDEEM,
      redeem,
      bearer(token),
    );
    expect(spent.data!.redeemPoints).toMatchObject({
      points: 200,
      balance: { available: 300, pending: 2588, debt: 0 },
    });
    const retried = await graphql<{ redeemPoints: { redemptionId: string } }>(
      platform.graphqlUrl,
      REDEEM,
      redeem,
      bearer(token),
    );
    expect(retried.data!.redeemPoints.redemptionId).toBe(spent.data!.redeemPoints.redemptionId);

    const ledger = await graphql<{
      pointsLedger: { totalCount: number; edges: Array<{ node: { kind: string; points: number } }> };
    }>(platform.graphqlUrl, LEDGER, { m: memberId }, bearer(token));
    expect(ledger.data!.pointsLedger.edges.map((e) => [e.node.kind, e.node.points])).toEqual([
      ['REDEEM', 200],
      ['ADJUST', 500],
      ['PENDING', 2588],
    ]);
  });

  it('a partner cannot earn at, or settle, another tenant’s store; a member cannot read another member’s ledger', async () => {
    const memberId = (await registerTestMember(members, { displayName: 'Tenant Check' })).id;
    const orderId = `POS-${randomUUID().slice(0, 8)}`;
    const crossEarn = await graphql(
      platform.graphqlUrl,
      PURCHASE,
      { input: { storeId: aurora.storeId, orderId, memberId, amountFen: 10_000 } },
      apiKey(urban.key),
    );
    expect(crossEarn.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'POINTS_OTHER_TENANT',
    });
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const crossSettle = await graphql(
      platform.graphqlUrl,
      SETTLEMENT,
      { t: aurora.tenantId, m: month },
      apiKey(urban.key),
    );
    expect(crossSettle.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    await graphql(
      platform.graphqlUrl,
      PURCHASE,
      { input: { storeId: urban.storeId, orderId, memberId, amountFen: 10_000 } },
      apiKey(urban.key),
    );
    const own = await graphql<{
      tenantSettlement: { totals: { issued: number }; stores: Array<{ storeId: string; issued: number }> };
    }>(platform.graphqlUrl, SETTLEMENT, { t: urban.tenantId, m: month }, apiKey(urban.key));
    expect(own.data!.tenantSettlement.stores).toEqual([{ storeId: urban.storeId, issued: 100 }]);

    const stranger = await loginMember(platform, (await registerTestMember(members, { displayName: 'Stranger' })).phone);
    const peek = await graphql(platform.graphqlUrl, LEDGER, { m: memberId }, bearer(stranger));
    expect(peek.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
