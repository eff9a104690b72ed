// Integration: the members service booted in-process (serviceSuite); consents, partner lookup, access log, export, deletion.
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, request-reply transport.
// Faked: nothing (one extra PartnerVisibility source is registered, standing in for the ledger's purchases).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  consentChanged,
  deleteMemberAccount,
  exportMemberData,
  listConsents,
  listDataAccessLog,
  memberDeleted,
  partnerLookupMember,
  registerMember,
  updateConsents,
  type MemberView,
} from '@atrium/contracts';
import {
  expectEventually,
  type CollectedMessage,
  type TestService,
  failureOf,
  testActor,
  uniquePhone,
  serviceSuite,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { MemberDataExportRegistry, PartnerVisibility } from '../index.js';

const TENANT_A = randomUUID();
const TENANT_B = randomUUID();

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const staff = actor('staff', 'staff-1', { roles: ['FRONTLINE'] });
const partnerA = actor('partner', 'key-a', { tenantId: TENANT_A, scopes: ['members:read'] });
const partnerB = actor('partner', 'key-b', { tenantId: TENANT_B, scopes: ['members:read'] });
const member = (m: MemberView) => actor('member', m.id);

let service: TestService;
let db: DataSource;
let published: CollectedMessage[];
/** Members the stand-in purchases source says bought at TENANT_A. */
const boughtAtA = new Set<string>();

const freshPhone = uniquePhone;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [
    registerMember,
    listConsents,
    updateConsents,
    partnerLookupMember,
    listDataAccessLog,
    exportMemberData,
    deleteMemberAccount,
  ],
});
const call = suite.send;

/** The error of a failed call: a RemoteError from the service, or the client's own validation error. */

async function register(displayName = 'Wang Fang', phone?: string): Promise<MemberView & { phone: string }> {
  return suite.registerMember({ phone, displayName, preferredLanguage: undefined, consents: [] }, anonymous);
}

const share = (m: MemberView, tenantId: string, granted: boolean) =>
  call(
    updateConsents,
    { memberId: m.id, changes: [{ purpose: 'SHARE_WITH_TENANT', tenantId, granted }], sourceChannel: 'APP' },
    member(m),
  );

beforeAll(async () => {
  service = suite.service;
  db = suite.db;
  published = await suite.kafka.collect([consentChanged.topic, memberDeleted.topic]);
  service.app.get(PartnerVisibility).register({
    name: 'test-purchases',
    canSee: async (memberId, tenantId) => tenantId === TENANT_A && boughtAtA.has(memberId),
  });
  service.app.get(MemberDataExportRegistry).register({
    section: 'test-ledger',
    collect: async (memberId) => ({ memberId, entries: [] }),
  });
});

describe('consents', () => {
  it('granting then withdrawing keeps both decisions in the history, the latest is current, and each change is published', async () => {
    const m = await register();
    const granted = await call(
      updateConsents,
      {
        memberId: m.id,
        changes: [
          { purpose: 'MARKETING', channel: 'SMS', granted: true },
          { purpose: 'ANALYTICS', granted: true },
        ],
        sourceChannel: 'APP',
      },
      member(m),
    );
    expect(granted.current).toHaveLength(2);
    const withdrawn = await call(
      updateConsents,
      {
        memberId: m.id,
        changes: [{ purpose: 'MARKETING', channel: 'SMS', granted: false }],
        sourceChannel: 'MINI_PROGRAM',
      },
      member(m),
    );
    expect(withdrawn.current).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          purpose: 'MARKETING',
          channel: 'SMS',
          granted: false,
          sourceChannel: 'MINI_PROGRAM',
        }),
        expect.objectContaining({ purpose: 'ANALYTICS', channel: null, granted: true }),
      ]),
    );
    expect(withdrawn.current).toHaveLength(2);
    expect(withdrawn.history.filter((c) => c.purpose === 'MARKETING').map((c) => c.granted)).toEqual([
      false,
      true,
    ]);
    expect(await call(listConsents, { memberId: m.id }, member(m))).toEqual(withdrawn);

    const events = await expectEventually(() => {
      const mine = published
        .map((e) => JSON.parse(e.value ?? '{}'))
        .filter((e) => e.payload?.memberId === m.id);
      expect(mine).toHaveLength(2);
      return mine;
    });
    expect(events.map((e) => e.payload.changes)).toEqual(
      expect.arrayContaining([[{ purpose: 'MARKETING', channel: 'SMS', tenantId: null, granted: false }]]),
    );
    expect(events.every((e) => e.type === consentChanged.type)).toBe(true);
  });

  it("a member can neither read nor change another member's consents; staff can read; a partner cannot", async () => {
    const alice = await register('Alice');
    const bob = await register('Bob');
    const change = {
      memberId: bob.id,
      changes: [{ purpose: 'MARKETING' as const, granted: true }],
      sourceChannel: 'APP' as const,
    };
    expect((await failureOf(call(updateConsents, change, member(alice)))).code).toBe('FORBIDDEN');
    expect((await failureOf(call(listConsents, { memberId: bob.id }, member(alice)))).code).toBe('FORBIDDEN');
    expect((await failureOf(call(listConsents, { memberId: bob.id }, partnerA))).code).toBe('FORBIDDEN');
    expect((await failureOf(call(listConsents, { memberId: bob.id }, anonymous))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await call(listConsents, { memberId: bob.id }, staff)).current).toEqual([]);
    expect(
      Number(
        (await db.query(`SELECT count(*) AS n FROM member_consents WHERE member_id = $1`, [bob.id]))[0].n,
      ),
    ).toBe(0);
  });

  it('SHARE_WITH_TENANT without a tenant, or an unknown purpose, is BAD_USER_INPUT naming the field and writes nothing', async () => {
    const m = await register();
    const noTenant = await failureOf(
      call(
        updateConsents,
        { memberId: m.id, changes: [{ purpose: 'SHARE_WITH_TENANT', granted: true }], sourceChannel: 'APP' },
        member(m),
      ),
    );
    expect(noTenant).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.0.tenantId' });
    const unknown = await failureOf(
      call(
        updateConsents,
        {
          memberId: m.id,
          changes: [{ purpose: 'SELL_MY_DATA', granted: true }],
          sourceChannel: 'APP',
        } as never,
        member(m),
      ),
    );
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(unknown.field).toBe('changes.0.purpose');
    const empty = await failureOf(
      call(updateConsents, { memberId: m.id, changes: [], sourceChannel: 'APP' }, member(m)),
    );
    expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes' });
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM member_consents WHERE member_id = $1`, [m.id]))[0].n),
    ).toBe(0);
  });
});

describe('partner lookup', () => {
  it('a partner sees only tier, member code, masked phone and initial, and only after the member shared with its tenant', async () => {
    const m = await register('zhou Min');
    const before = await failureOf(call(partnerLookupMember, { phone: m.phone }, partnerA));
    const unknown = await failureOf(call(partnerLookupMember, { phone: freshPhone() }, partnerA));
    expect(before.code).toBe('NOT_FOUND');
    // Not shared and not a member at all look the same to the partner.
    expect({ reason: before.reason, message: before.message }).toEqual({
      reason: unknown.reason,
      message: unknown.message,
    });

    await share(m, TENANT_A, true);
    const byPhone = await call(partnerLookupMember, { phone: `+86${m.phone}` }, partnerA);
    expect(byPhone).toEqual({
      memberCode: m.memberCode,
      tierCode: 'MEMBER',
      phoneMasked: `${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`,
      nameInitial: 'Z.',
    });
    expect(JSON.stringify(byPhone)).not.toContain(m.phone);
    expect(await call(partnerLookupMember, { memberCode: m.memberCode.toLowerCase() }, partnerA)).toEqual(
      byPhone,
    );

    // Another tenant's key does not see it.
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, partnerB))).code).toBe('NOT_FOUND');
  });

  it('withdrawing the share stops the lookup at once', async () => {
    const m = await register('Chen Jing');
    await share(m, TENANT_A, true);
    await call(partnerLookupMember, { memberCode: m.memberCode }, partnerA);
    await share(m, TENANT_A, false);
    const after = await failureOf(call(partnerLookupMember, { memberCode: m.memberCode }, partnerA));
    expect(after.code).toBe('NOT_FOUND');
  });

  it('every successful partner read is logged and the member (or staff) can list who looked; others cannot', async () => {
    const m = await register('Liu Yang');
    const other = await register('Other');
    await share(m, TENANT_A, true);
    await share(m, TENANT_B, true);
    await call(partnerLookupMember, { phone: m.phone }, partnerA);
    await call(partnerLookupMember, { memberCode: m.memberCode }, partnerB);
    await failureOf(call(partnerLookupMember, { phone: other.phone }, partnerA)); // not shared: nothing read, nothing logged

    const log = await call(listDataAccessLog, { memberId: m.id }, member(m));
    expect(log.items.map((i) => [i.tenantId, i.actorId, i.lookupBy])).toEqual([
      [TENANT_B, 'key-b', 'MEMBER_CODE'],
      [TENANT_A, 'key-a', 'PHONE'],
    ]);
    expect((await call(listDataAccessLog, { memberId: m.id }, staff)).items).toHaveLength(2);
    expect((await call(listDataAccessLog, { memberId: other.id }, member(other))).items).toEqual([]);
    expect((await failureOf(call(listDataAccessLog, { memberId: m.id }, member(other)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(listDataAccessLog, { memberId: m.id }, partnerA))).code).toBe('FORBIDDEN');
  });

  it('a key without members:read, a member, staff and anonymous callers cannot use the partner lookup', async () => {
    const m = await register();
    await share(m, TENANT_A, true);
    const noScope = actor('partner', 'key-c', { tenantId: TENANT_A, scopes: ['purchases:write'] });
    expect(await failureOf(call(partnerLookupMember, { phone: m.phone }, noScope))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PARTNER_SCOPE_MISSING',
    });
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, member(m)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, staff))).code).toBe('FORBIDDEN');
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, anonymous))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      Number(
        (await db.query(`SELECT count(*) AS n FROM partner_access_log WHERE member_id = $1`, [m.id]))[0].n,
      ),
    ).toBe(0);
  });

  it('both or neither of phone and memberCode, or a malformed one, is BAD_USER_INPUT naming the field', async () => {
    expect(
      await failureOf(call(partnerLookupMember, { phone: '13812341234', memberCode: 'M12345678' }, partnerA)),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect(await failureOf(call(partnerLookupMember, {}, partnerA))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect(await failureOf(call(partnerLookupMember, { phone: '12345' }, partnerA))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect(await failureOf(call(partnerLookupMember, { memberCode: 'X-1' }, partnerA))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberCode',
    });
  });

  it('a registered visibility source (purchases in the tenant’s stores) makes a member visible without a share', async () => {
    const m = await register('Buyer');
    boughtAtA.add(m.id);
    expect((await call(partnerLookupMember, { phone: m.phone }, partnerA)).memberCode).toBe(m.memberCode);
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, partnerB))).code).toBe('NOT_FOUND');
  });
});

describe('export and deletion', () => {
  it('a member exports its profile, identities, consents, access log and the sections other contexts registered', async () => {
    const m = await register('Export Me');
    await share(m, TENANT_A, true);
    await call(partnerLookupMember, { phone: m.phone }, partnerA);
    const exported = await call(exportMemberData, { memberId: m.id }, member(m));
    expect(exported.format).toBe('atrium.member-export.v1');
    expect(exported.sections).toMatchObject({
      profile: { id: m.id, memberCode: m.memberCode, displayName: 'Export Me', status: 'ACTIVE' },
      identities: [{ kind: 'PHONE', value: `+86${m.phone}` }],
      consents: [{ purpose: 'SHARE_WITH_TENANT', tenantId: TENANT_A, granted: true }],
      accessLog: [{ tenantId: TENANT_A, lookupBy: 'PHONE' }],
      'test-ledger': { memberId: m.id, entries: [] },
    });
  });

  it('nobody but the member exports or deletes its account (another member, staff, a partner)', async () => {
    const m = await register();
    const other = await register();
    for (const who of [member(other), staff, partnerA]) {
      expect((await failureOf(call(exportMemberData, { memberId: m.id }, who))).code).toBe('FORBIDDEN');
      expect((await failureOf(call(deleteMemberAccount, { memberId: m.id }, who))).code).toBe('FORBIDDEN');
    }
    const [row] = await db.query(`SELECT status FROM members WHERE id = $1`, [m.id]);
    expect(row.status).toBe('ACTIVE');
  });

  it('deleting an account anonymizes profile and identities, keeps the rows under the id, publishes memberDeleted once, and a second delete is a no-op', async () => {
    const m = await register('Delete Me');
    await share(m, TENANT_A, true);
    const deleted = await call(deleteMemberAccount, { memberId: m.id }, member(m));
    expect(deleted.memberId).toBe(m.id);

    const [row] = await db.query(
      `SELECT display_name, member_code, status, deleted_at FROM members WHERE id = $1`,
      [m.id],
    );
    expect(row).toMatchObject({ display_name: 'Deleted member', status: 'CLOSED' });
    expect(row.member_code).not.toBe(m.memberCode);
    expect(await db.query(`SELECT * FROM member_identities WHERE member_id = $1`, [m.id])).toEqual([]);
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM member_consents WHERE member_id = $1`, [m.id]))[0].n),
    ).toBe(1);

    expect((await failureOf(call(partnerLookupMember, { memberCode: m.memberCode }, partnerA))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failureOf(call(partnerLookupMember, { phone: m.phone }, partnerA))).code).toBe('NOT_FOUND');

    const again = await call(deleteMemberAccount, { memberId: m.id }, member(m));
    expect(again.deletedAt).toBe(deleted.deletedAt);
    await expectEventually(() => {
      const mine = published
        .map((e) => JSON.parse(e.value ?? '{}'))
        .filter((e) => e.type === memberDeleted.type && e.payload?.memberId === m.id);
      expect(mine).toHaveLength(1);
    });
    expect(
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = $2`,
            [memberDeleted.type, m.id],
          )
        )[0].n,
      ),
    ).toBe(1);

    // The phone is free again: the same person may sign up anew.
    const fresh = await register('Back again', m.phone);
    expect(fresh.id).not.toBe(m.id);
  });
});
