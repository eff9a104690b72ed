// Real: the gateway (HTTP, GraphQL, auth), its PostgreSQL database, Kafka request-reply.
// Faked: the members service (FakeServices for members, FakeMembersOperations for the tier operations).
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  getMemberSegments,
  getMemberTier,
  listTierHistory,
  listTiers,
  type MemberView,
  type OperationContract,
} from '@atrium/contracts';
import { ApiKeyService } from '../auth/api-keys/api-key.service.js';
import type { TestGateway } from '../testing/gateway-harness.js';
import { membersGatewaySuite } from '../testing/members-gateway-suite.js';
import type { FakeMembersOperations } from './testing/fake-members-operations.js';

let gateway: TestGateway;
let tierOps: FakeMembersOperations;
let segmentOps: FakeMembersOperations;
let tenantId: string;
let alice: MemberView;
let bob: MemberView;

const PRIVILEGES = [{ code: 'FREE_PARKING_HOURS', name: 'Free parking per visit', value: 3 }];
const handlers = new Map<OperationContract, (p: Record<string, unknown>) => unknown>([
  [
    listTiers,
    () => ({
      metric: 'SPEND',
      windowMonths: 12,
      graceDays: 30,
      levels: [{ code: 'GOLD', name: 'Gold', rank: 2, threshold: 2_000_000, privileges: PRIVILEGES }],
    }),
  ],
  [
    getMemberTier,
    (p) => ({
      memberId: p.memberId,
      code: 'GOLD',
      name: 'Gold',
      rank: 2,
      privileges: PRIVILEGES,
      since: '2026-01-01T00:00:00.000Z',
      graceUntil: null,
      qualifyingAmount: 2_100_000,
      next: { code: 'BLACK_CARD', threshold: 10_000_000, remaining: 7_900_000 },
    }),
  ],
  [
    listTierHistory,
    () => ({
      items: [
        {
          fromCode: 'MEMBER',
          toCode: 'GOLD',
          kind: 'UPGRADE',
          reason: 'qualified',
          qualifyingAmount: 2_100_000,
          changedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    }),
  ],
]);

const suite = membersGatewaySuite({
  fakes: {
    'fake-tiers': handlers,
    'fake-segments': new Map([
      [
        getMemberSegments,
        () => ({
          segments: [{ code: 'VIP', name: 'VIP', since: '2026-01-01T00:00:00.000Z' }],
          lifecycleStage: 'AT_RISK',
          lifecycleSince: null,
        }),
      ],
    ]),
  },
});
const { bearer, errorOf } = suite;

beforeAll(async () => {
  gateway = suite.gateway;
  tierOps = suite.operations('fake-tiers');
  segmentOps = suite.operations('fake-segments');
  tenantId = (await suite.seedDirectory())['AURORA-JEWELRY']!;
  alice = suite.registerMember('Alice');
  bob = suite.registerMember('Bob');
});

describe('tiers in the graph', () => {
  it('me { tier { code name privileges } } shows the member’s own tier and privileges', async () => {
    const result = await gateway.graphql(
      '{ me { tier { code name privileges { code name value } next { code remaining } } tierHistory { kind toCode reason } } }',
      {},
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      me: {
        tier: {
          code: 'GOLD',
          name: 'Gold',
          privileges: PRIVILEGES,
          next: { code: 'BLACK_CARD', remaining: 7_900_000 },
        },
        tierHistory: [{ kind: 'UPGRADE', toCode: 'GOLD', reason: 'qualified' }],
      },
    });
    expect(tierOps.sent(getMemberTier).at(-1)!.payload).toEqual({ memberId: alice.id });
  });

  it('a member cannot reach another member’s tier or history, and nothing is asked of the service', async () => {
    const before = tierOps.received.length;
    const result = await gateway.graphql(
      'query ($id: ID!) { member(id: $id) { tier { code } tierHistory { kind } } }',
      { id: bob.id },
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(errorOf(result).extensions.code).toBe('FORBIDDEN');
    expect(tierOps.received.length).toBe(before);
  });

  it('staff read any member’s tier; a partner key cannot use member(id)', async () => {
    const staff = await gateway.graphql(
      'query ($id: ID!) { member(id: $id) { tier { code } } }',
      { id: bob.id },
      await bearer({ kind: 'staff', id: 's', roles: ['FRONTLINE'] }),
    );
    expect(staff.data).toEqual({ member: { tier: { code: 'GOLD' } } });
    const key = await gateway.app
      .get(ApiKeyService)
      .create({ tenantId, name: 'pos', scopes: ['members:read'] }, 'test');
    expect(
      errorOf(
        await gateway.graphql(
          'query ($id: ID!) { member(id: $id) { tier { code } } }',
          { id: bob.id },
          { 'x-api-key': key.key },
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('tierHistory(first) outside 1..100 is BAD_USER_INPUT naming first', async () => {
    const result = await gateway.graphql(
      '{ me { tierHistory(first: 101) { kind } } }',
      {},
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(errorOf(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('anyone reads the ladder', async () => {
    const result = await gateway.graphql(
      '{ tiers { metric levels { code threshold privileges { code } } } }',
    );
    expect(result.data).toEqual({
      tiers: {
        metric: 'SPEND',
        levels: [{ code: 'GOLD', threshold: 2_000_000, privileges: [{ code: 'FREE_PARKING_HOURS' }] }],
      },
    });
  });
});

describe('segments and lifecycle in the graph', () => {
  it('the member reads its segments and lifecycle stage with one call; another member’s are FORBIDDEN', async () => {
    const before = segmentOps.sent(getMemberSegments).length;
    const own = await gateway.graphql(
      '{ me { segments { code name } lifecycleStage } }',
      {},
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(own.data).toEqual({ me: { segments: [{ code: 'VIP', name: 'VIP' }], lifecycleStage: 'AT_RISK' } });
    expect(segmentOps.sent(getMemberSegments).length - before).toBe(1);
    const other = await gateway.graphql(
      'query ($id: ID!) { member(id: $id) { segments { code } lifecycleStage } }',
      { id: bob.id },
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(errorOf(other).extensions.code).toBe('FORBIDDEN');
    expect(segmentOps.sent(getMemberSegments).length - before).toBe(1);
  });
});
