// Real: the gateway (HTTP, GraphQL, auth), its PostgreSQL database, Kafka request-reply.
// Faked: the members service (FakeServices for login operations, FakeMembersOperations for mergeMembers).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mergeMembers, type MemberView, type OperationContract } from '@atrium/contracts';
import type { TestGateway } from '../testing/gateway-harness.js';
import { membersGatewaySuite } from '../testing/members-gateway-suite.js';
import type { FakeMembersOperations } from './testing/fake-members-operations.js';

let a: MemberView;
let b: MemberView;

const suite = membersGatewaySuite({
  fakes: {
    'fake-merge': new Map<OperationContract, (p: Record<string, unknown>) => unknown>([
      [
        mergeMembers,
        (p) => ({
          survivor: a,
          mergedId: p.mergedId,
          pointsMoved: { available: 120, pending: 0, debt: 0 },
          identitiesMoved: 2,
        }),
      ],
    ]),
  },
});
const { bearer, errorOf } = suite;
let gateway: TestGateway;
let ops: FakeMembersOperations;

const MERGE = `mutation ($s: ID!, $m: ID!, $r: String!) { mergeMembers(survivorId: $s, mergedId: $m, reason: $r) { mergedId identitiesMoved pointsMoved { available } survivor { id } } }`;

beforeAll(() => {
  gateway = suite.gateway;
  ops = suite.operations('fake-merge');
  a = suite.registerMember('A');
  b = suite.registerMember('B');
});

describe('mergeMembers', () => {
  it('a supervisor merges; the request carries the staff actor and the reason', async () => {
    const result = await gateway.graphql(
      MERGE,
      { s: a.id, m: b.id, r: 'registered twice' },
      await bearer({ kind: 'staff', id: 'sup', roles: ['SUPERVISOR'] }),
    );
    expect(result.data).toEqual({
      mergeMembers: {
        mergedId: b.id,
        identitiesMoved: 2,
        pointsMoved: { available: 120 },
        survivor: { id: a.id },
      },
    });
    const call = ops.sent(mergeMembers).at(-1)!;
    expect(call.payload).toEqual({ survivorId: a.id, mergedId: b.id, reason: 'registered twice' });
    expect(call.envelope.actor).toMatchObject({ kind: 'staff', id: 'sup' });
  });

  it('frontline staff and members are FORBIDDEN; a bad id is BAD_USER_INPUT naming it; nothing reaches the service', async () => {
    const before = ops.received.length;
    expect(
      errorOf(
        await gateway.graphql(
          MERGE,
          { s: a.id, m: b.id, r: 'x' },
          await bearer({ kind: 'staff', id: 'f', roles: ['FRONTLINE'] }),
        ),
      ).extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MISSING_ROLE',
    });
    expect(
      errorOf(
        await gateway.graphql(
          MERGE,
          { s: a.id, m: b.id, r: 'x' },
          await bearer({ kind: 'member', id: a.id }),
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await gateway.graphql(
          MERGE,
          { s: a.id, m: 'not-a-uuid', r: 'x' },
          await bearer({ kind: 'staff', id: 'sup', roles: ['MANAGER'] }),
        ),
      ).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'mergedId',
    });
    expect(ops.received.length).toBe(before);
  });
});
