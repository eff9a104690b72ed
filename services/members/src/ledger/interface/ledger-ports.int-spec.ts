// Integration: the ledger wired to the other contexts of the members service, booted in-process (serviceSuite).
// Tier multipliers (TierLookup → tiers), partner visibility through purchases (PartnerVisibility)
// and the ledger's section of the member's data export (MemberDataExportRegistry).
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, inbox, request-reply transport.
// Faked: nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  exportMemberData,
  partnerLookupMember,
  recordPurchase,
  registerMember,
  updateConsents,
} from '@atrium/contracts';
import { expectEventually, type TestService, failureOf, testActor, serviceSuite } from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { MemberDataExportRegistry, PartnerVisibility } from '../../privacy/index.js';

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const pos = (tenantId: string) =>
  actor('partner', `pos-${tenantId}`, { tenantId, scopes: ['purchases:write'] });
const counter = (tenantId: string) =>
  actor('partner', `desk-${tenantId}`, { tenantId, scopes: ['members:read'] });

let service: TestService;
let db: DataSource;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [registerMember, recordPurchase, partnerLookupMember, updateConsents, exportMemberData],
});
const call = suite.send;

async function newMember(name = 'Ported member') {
  const view = await suite.registerMember({ displayName: name, consents: [] }, anonymous);
  return { id: view.id, memberCode: view.memberCode, phone: view.phone };
}
const newTenant = () => `tenant-${randomUUID().slice(0, 8)}`;

function purchase(tenantId: string, memberId: string, amountFen: number, orderId: string = randomUUID()) {
  return call(
    recordPurchase,
    { tenantId, storeId: `${tenantId}-store`, storeCategory: 'FASHION', orderId, memberId, amountFen },
    pos(tenantId),
  );
}

const tierCode = async (memberId: string) =>
  (
    (await db.query(`SELECT tier_code FROM member_tiers WHERE member_id = $1`, [memberId])) as Array<{
      tier_code: string;
    }>
  )[0]?.tier_code ?? 'MEMBER';

beforeAll(() => {
  service = suite.service;
  db = suite.db;
});

describe('tier multipliers come from the tiers context', () => {
  it('a GOLD member earns with the GOLD multiplier (150%); a MEMBER earns the base rate', async () => {
    const tenant = newTenant();
    const gold = await newMember('Gold shopper');
    const plain = await newMember('Plain shopper');

    // 20 000 yuan qualifies for GOLD; the qualifying purchase itself still earns as MEMBER.
    expect((await purchase(tenant, gold.id, 2_000_000)).points).toBe(20_000);
    await expectEventually(async () => expect(await tierCode(gold.id)).toBe('GOLD'), { timeoutMs: 20_000 });

    expect((await purchase(tenant, gold.id, 10_000)).points).toBe(150);
    expect((await purchase(tenant, plain.id, 10_000)).points).toBe(100);
    expect(await tierCode(plain.id)).toBe('MEMBER');
  });
});

describe('partner visibility through purchases', () => {
  it('partner A sees a member who bought in its stores without a share; partner B does not', async () => {
    const tenantA = newTenant();
    const tenantB = newTenant();
    const m = await newMember('Li Na');

    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, counter(tenantA)))).code).toBe(
      'NOT_FOUND',
    );
    await purchase(tenantA, m.id, 5_000);

    expect(await call(partnerLookupMember, { phone: m.phone }, counter(tenantA))).toEqual({
      memberCode: m.memberCode,
      tierCode: 'MEMBER',
      phoneMasked: `${m.phone.slice(0, 3)}****${m.phone.slice(7)}`,
      nameInitial: 'L.',
    });
    expect(await call(partnerLookupMember, { memberCode: m.memberCode }, counter(tenantA))).toMatchObject({
      memberCode: m.memberCode,
    });
    const other = await failureOf(call(partnerLookupMember, { phone: m.phone }, counter(tenantB)));
    expect(other).toMatchObject({ code: 'NOT_FOUND', reason: 'MEMBER_LOOKUP_NOT_FOUND' });

    const logged = (await db.query(`SELECT tenant_id FROM partner_access_log WHERE member_id = $1`, [
      m.id,
    ])) as Array<{ tenant_id: string }>;
    expect(logged.map((r) => r.tenant_id)).toEqual([tenantA, tenantA]);
  });

  it('withdrawing SHARE_WITH_TENANT for a tenant hides the member from it although it bought there; granting again shows it', async () => {
    const tenant = newTenant();
    const m = await newMember('Zhao Lei');
    await purchase(tenant, m.id, 5_000);
    expect((await call(partnerLookupMember, { phone: m.phone }, counter(tenant))).memberCode).toBe(
      m.memberCode,
    );

    const decide = (granted: boolean) =>
      call(
        updateConsents,
        {
          memberId: m.id,
          changes: [{ purpose: 'SHARE_WITH_TENANT', tenantId: tenant, granted }],
          sourceChannel: 'APP',
        },
        actor('member', m.id),
      );
    await decide(false);
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, counter(tenant)))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failureOf(call(partnerLookupMember, { memberCode: m.memberCode }, counter(tenant)))).code,
    ).toBe('NOT_FOUND');

    await decide(true);
    expect((await call(partnerLookupMember, { phone: m.phone }, counter(tenant))).memberCode).toBe(
      m.memberCode,
    );
  });

  it('the purchases source and the ledger export section are registered exactly once', () => {
    expect(service.app.get(PartnerVisibility).sourceNames).toEqual(['purchases']);
    expect(
      service.app
        .get(MemberDataExportRegistry)
        .all()
        .map((c) => c.section),
    ).toEqual(['ledger']);
  });
});

describe('data export includes the ledger', () => {
  it('exportMyData carries the balance, lots, entries and purchases, and they agree with each other', async () => {
    const tenant = newTenant();
    const m = await newMember('Export shopper');
    await purchase(tenant, m.id, 12_345, 'order-export-1');

    const exported = await call(exportMemberData, { memberId: m.id }, actor('member', m.id));
    const ledger = exported.sections.ledger as {
      balance: { available: number; pending: number; debt: number };
      lots: Array<Record<string, unknown>>;
      entries: Array<Record<string, unknown>>;
      purchases: Array<Record<string, unknown>>;
    };
    expect(ledger.balance).toEqual({ available: 0, pending: 123, debt: 0 });
    expect(ledger.lots).toEqual([
      expect.objectContaining({ state: 'PENDING', original: 123, remaining: 123, tenantId: tenant }),
    ]);
    expect(ledger.entries).toEqual([
      expect.objectContaining({
        kind: 'PENDING',
        points: 123,
        pendingDelta: 123,
        availableDelta: 0,
        tenantId: tenant,
      }),
    ]);
    expect(ledger.purchases).toEqual([
      expect.objectContaining({
        tenantId: tenant,
        storeId: `${tenant}-store`,
        orderId: 'order-export-1',
        amountFen: 12_345,
        points: 123,
        returnedFen: 0,
      }),
    ]);
    expect(typeof ledger.purchases[0]!.purchasedAt).toBe('string');
    const sum = ledger.entries.reduce((s, e) => s + (e.pendingDelta as number), 0);
    expect(sum).toBe(ledger.balance.pending);
  });

  it('a member without points exports an empty ledger section with a zero balance', async () => {
    const m = await newMember('No points');
    const exported = await call(exportMemberData, { memberId: m.id }, actor('member', m.id));
    expect(exported.sections.ledger).toEqual({
      balance: { available: 0, pending: 0, debt: 0 },
      lots: [],
      entries: [],
      purchases: [],
    });
  });
});
