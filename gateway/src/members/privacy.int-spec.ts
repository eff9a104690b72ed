// Real: the gateway (HTTP, GraphQL, auth, API keys), its PostgreSQL database, Kafka request-reply.
// Faked: the members and notifications services (FakeServices for members/login, and a
// stand-in (FakeMembersOperations) answering the privacy operations, recording what the gateway sent and as whom).
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  deleteMemberAccount,
  exportMemberData,
  listConsents,
  listDataAccessLog,
  partnerLookupMember,
  updateConsents,
  type MemberView,
  type OperationContract,
} from '@atrium/contracts';
import { ApiKeyService } from '../auth/api-keys/api-key.service.js';
import type { TestGateway } from '../testing/gateway-harness.js';
import { membersGatewaySuite } from '../testing/members-gateway-suite.js';
import type { Received } from './testing/fake-members-operations.js';

let gateway: TestGateway;
let tenantA: string;
let tenantB: string;
let received: Received[];

const CONSENT = {
  purpose: 'MARKETING',
  channel: null,
  tenantId: null,
  granted: true,
  sourceChannel: 'APP',
  changedAt: '2026-05-01T00:00:00.000Z',
};
const EXPORT_SECTIONS = { profile: { displayName: 'X' }, identities: [], consents: [], accessLog: [] };

const handlers = new Map<OperationContract, (payload: Record<string, unknown>) => unknown>([
  [listConsents, () => ({ current: [CONSENT], history: [CONSENT] })],
  [updateConsents, () => ({ current: [CONSENT], history: [CONSENT] })],
  [
    partnerLookupMember,
    () => ({ memberCode: 'M12345678', tierCode: 'GOLD', phoneMasked: '138****1234', nameInitial: 'L.' }),
  ],
  [
    listDataAccessLog,
    () => ({
      items: [{ tenantId: 't', actorId: 'k', lookupBy: 'PHONE', accessedAt: '2026-05-01T00:00:00.000Z' }],
    }),
  ],
  [
    exportMemberData,
    (p) => ({
      format: 'atrium.member-export.v1',
      memberId: p.memberId,
      exportedAt: '2026-05-01T00:00:00.000Z',
      sections: EXPORT_SECTIONS,
    }),
  ],
  [deleteMemberAccount, (p) => ({ memberId: p.memberId, deletedAt: '2026-05-01T00:00:00.000Z' })],
]);

function sent(pattern: string) {
  return received.filter((r) => r.pattern === pattern);
}

const suite = membersGatewaySuite({ fakes: { 'fake-privacy': handlers } });
const { bearer, errorOf } = suite;

async function partnerKey(tenantId: string, scopes: string[]): Promise<Record<string, string>> {
  const created = await gateway.app.get(ApiKeyService).create({ tenantId, name: 'counter', scopes }, 'test');
  return { 'x-api-key': created.key };
}

let alice: MemberView;
let bob: MemberView;

beforeAll(async () => {
  gateway = suite.gateway;
  received = suite.operations('fake-privacy').received;
  const tenantIds = await suite.seedDirectory();
  tenantA = tenantIds['AURORA-JEWELRY']!;
  tenantB = tenantIds['URBAN-THREADS']!;
  alice = suite.registerMember('Alice');
  bob = suite.registerMember('Bob');
});

const UPDATE = `mutation ($changes: [ConsentInput!]!, $channel: Channel) {
  updateMyConsents(changes: $changes, channel: $channel) { current { purpose granted changedAt } history { purpose } } }`;
const LOOKUP = `query ($phone: String, $memberCode: String) { memberLookup(phone: $phone, memberCode: $memberCode) { memberCode tierCode phoneMasked nameInitial } }`;

describe('updateMyConsents', () => {
  it("changes only the caller's own consents: the member id comes from the token, the channel defaults to APP", async () => {
    const before = sent(updateConsents.pattern).length;
    const result = await gateway.graphql(
      UPDATE,
      { changes: [{ purpose: 'SHARE_WITH_TENANT', tenantId: tenantA, granted: false }] },
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(result.errors).toBeUndefined();
    const [call] = sent(updateConsents.pattern).slice(before);
    expect(call!.payload).toEqual({
      memberId: alice.id,
      changes: [{ purpose: 'SHARE_WITH_TENANT', channel: null, tenantId: tenantA, granted: false }],
      sourceChannel: 'APP',
    });
    expect(call!.envelope.actor).toMatchObject({ kind: 'member', id: alice.id });
  });

  it('an unknown purpose or channel is BAD_USER_INPUT naming the field, and nothing reaches the service', async () => {
    const before = received.length;
    const headers = await bearer({ kind: 'member', id: alice.id });
    const badPurpose = errorOf(
      await gateway.graphql(UPDATE, { changes: [{ purpose: 'SELL', granted: true }] }, headers),
    );
    expect(badPurpose.extensions.code).toBe('BAD_USER_INPUT');
    expect(badPurpose.message).toMatch(/purpose/);
    const badChannel = errorOf(
      await gateway.graphql(
        UPDATE,
        { changes: [{ purpose: 'MARKETING', granted: true }], channel: 'FAX' },
        headers,
      ),
    );
    expect(badChannel.extensions.code).toBe('BAD_USER_INPUT');
    expect(badChannel.message).toMatch(/channel/);
    const empty = errorOf(await gateway.graphql(UPDATE, { changes: [] }, headers));
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes' });
    expect(received.length).toBe(before);
  });

  it('staff, partners and anonymous callers cannot call it', async () => {
    const changes = [{ purpose: 'MARKETING', granted: true }];
    expect(
      errorOf(
        await gateway.graphql(
          UPDATE,
          { changes },
          await bearer({ kind: 'staff', id: 's', roles: ['ADMIN'] }),
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await gateway.graphql(UPDATE, { changes }, await partnerKey(tenantA, ['members:read'])))
        .extensions.code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await gateway.graphql(UPDATE, { changes })).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('consents and access log on a member', () => {
  const MEMBER = `query ($id: ID!) { member(id: $id) { id consents { purpose } consentHistory { purpose } dataAccessLog(first: 5) { tenantId lookupBy } } }`;

  it("a member cannot reach another member's consents or access log; nothing is asked of the service", async () => {
    const before = received.length;
    const result = await gateway.graphql(
      MEMBER,
      { id: bob.id },
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(errorOf(result).extensions.code).toBe('FORBIDDEN');
    expect(received.length).toBe(before);
  });

  it('the member itself and staff read them, asking for that member', async () => {
    for (const who of [
      { kind: 'member' as const, id: bob.id },
      { kind: 'staff' as const, id: 'staff-1', roles: ['FRONTLINE'] },
    ]) {
      const result = await gateway.graphql<{ member: { consents: unknown[]; dataAccessLog: unknown[] } }>(
        MEMBER,
        { id: bob.id },
        await bearer(who),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.member.consents).toEqual([{ purpose: 'MARKETING' }]);
      expect(result.data!.member.dataAccessLog).toEqual([{ tenantId: 't', lookupBy: 'PHONE' }]);
      expect(sent(listDataAccessLog.pattern).at(-1)!.payload).toEqual({ memberId: bob.id, first: 5 });
    }
  });

  it('dataAccessLog(first) outside 1..100 is BAD_USER_INPUT naming first', async () => {
    const result = await gateway.graphql(
      '{ me { dataAccessLog(first: 0) { tenantId } } }',
      {},
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(errorOf(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('memberLookup (partner view)', () => {
  it("sends the tenant from the partner's API key, never one the client could choose", async () => {
    const result = await gateway.graphql(
      LOOKUP,
      { phone: '13812341234' },
      await partnerKey(tenantB, ['members:read']),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      memberLookup: {
        memberCode: 'M12345678',
        tierCode: 'GOLD',
        phoneMasked: '138****1234',
        nameInitial: 'L.',
      },
    });
    const call = sent(partnerLookupMember.pattern).at(-1)!;
    expect(call.payload).toEqual({ phone: '13812341234', memberCode: null });
    expect(call.envelope.actor).toMatchObject({ kind: 'partner', tenantId: tenantB });
  });

  it('members, staff and keys without members:read are FORBIDDEN; bad input is BAD_USER_INPUT naming the field', async () => {
    const before = received.length;
    expect(
      errorOf(
        await gateway.graphql(
          LOOKUP,
          { phone: '13812341234' },
          await bearer({ kind: 'member', id: alice.id }),
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await gateway.graphql(
          LOOKUP,
          { phone: '13812341234' },
          await bearer({ kind: 'staff', id: 's', roles: ['ADMIN'] }),
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await gateway.graphql(
          LOOKUP,
          { phone: '13812341234' },
          await partnerKey(tenantA, ['purchases:write']),
        ),
      ).extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MISSING_SCOPE',
    });
    const key = await partnerKey(tenantA, ['members:read']);
    expect(errorOf(await gateway.graphql(LOOKUP, { phone: '12345' }, key)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect(errorOf(await gateway.graphql(LOOKUP, { memberCode: 'nope' }, key)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberCode',
    });
    expect(
      errorOf(await gateway.graphql(LOOKUP, { phone: '13812341234', memberCode: 'M12345678' }, key))
        .extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect(errorOf(await gateway.graphql(LOOKUP, {}, key)).extensions.code).toBe('BAD_USER_INPUT');
    expect(received.length).toBe(before);
  });
});

describe('exportMyData and deleteMyAccount', () => {
  it("export and delete act on the caller's own account only (the id comes from the token)", async () => {
    const headers = await bearer({ kind: 'member', id: alice.id });
    const exported = await gateway.graphql<{
      exportMyData: { json: string; sections: string[]; bytes: number };
    }>('mutation { exportMyData { format memberId sections json bytes } }', {}, headers);
    expect(exported.errors).toBeUndefined();
    expect(exported.data!.exportMyData.sections).toEqual(['profile', 'identities', 'consents', 'accessLog']);
    expect(JSON.parse(exported.data!.exportMyData.json)).toMatchObject({
      memberId: alice.id,
      sections: EXPORT_SECTIONS,
    });
    expect(sent(exportMemberData.pattern).at(-1)!.payload).toEqual({ memberId: alice.id });

    const deleted = await gateway.graphql('mutation { deleteMyAccount { memberId deletedAt } }', {}, headers);
    expect(deleted.data).toEqual({
      deleteMyAccount: { memberId: alice.id, deletedAt: '2026-05-01T00:00:00.000Z' },
    });
    expect(sent(deleteMemberAccount.pattern).at(-1)!.payload).toEqual({ memberId: alice.id });
  });

  it('staff, partners and anonymous callers can neither export nor delete', async () => {
    const before = received.length;
    for (const op of ['mutation { exportMyData { json } }', 'mutation { deleteMyAccount { memberId } }']) {
      expect(
        errorOf(await gateway.graphql(op, {}, await bearer({ kind: 'staff', id: 's', roles: ['ADMIN'] })))
          .extensions.code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await gateway.graphql(op, {}, await partnerKey(tenantA, ['members:read']))).extensions.code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await gateway.graphql(op)).extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(received.length).toBe(before);
  });
});
