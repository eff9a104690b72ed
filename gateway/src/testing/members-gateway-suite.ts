import { afterAll, beforeAll, expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Actor, MemberView, OperationContract } from '@atrium/contracts';
import { uniqueTopicPrefix } from '@atrium/testing';
import { AccessTokenService } from '../auth/tokens/access-token.service.js';
import { FakeMembersOperations } from '../members/testing/fake-members-operations.js';
import { seedDemoDirectory } from '../seed/demo-seed.js';
import {
  FakeServices,
  startTestGateway,
  uniquePhone,
  type GraphQLResult,
  type TestGateway,
} from './gateway-harness.js';

type Handlers = Map<OperationContract, (payload: Record<string, unknown>) => unknown>;

export interface MembersGatewaySuiteOptions {
  /**
   * Stand-ins for members operations the gateway calls, by consumer group: each group is one
   * FakeMembersOperations answering its operations with these handlers.
   */
  fakes?: Record<string, Handlers>;
  env?: Record<string, string>;
}

/** The booted gateway and its stand-ins; read its fields inside tests and hooks only. */
export interface MembersGatewaySuite {
  readonly gateway: TestGateway;
  /** The members and notifications stand-ins (login, registration, getMember). */
  readonly fakes: FakeServices;
  /** The stand-in answering the operations of one consumer group given in `fakes`. */
  operations(groupId: string): FakeMembersOperations;
  /** A member the stand-in services know, with a phone of its own. */
  registerMember(displayName: string): MemberView;
  /** Seeds the demo directory into the gateway's database; returns its tenant ids by code. */
  seedDirectory(): Promise<Record<string, string>>;
  /** An access token for `actor`, as headers. */
  bearer(actor: Partial<Actor> & Pick<Actor, 'kind' | 'id'>): Promise<Record<string, string>>;
  /** The one error of a GraphQL result (fails the test when there is not exactly one). */
  errorOf(result: GraphQLResult): { message: string; extensions: Record<string, unknown> };
}

/**
 * Boots the real gateway in this process for the enclosing test file (beforeAll / afterAll),
 * on its own topic prefix and database, with the members service replaced by stand-ins:
 * FakeServices for login and members, and one FakeMembersOperations per group in `fakes`.
 */
export function membersGatewaySuite(options: MembersGatewaySuiteOptions = {}): MembersGatewaySuite {
  let gateway: TestGateway | undefined;
  let fakes: FakeServices | undefined;
  const operations = new Map<string, FakeMembersOperations>();

  beforeAll(async () => {
    const prefix = uniqueTopicPrefix();
    fakes = new FakeServices(prefix);
    await fakes.start();
    for (const [groupId, handlers] of Object.entries(options.fakes ?? {})) {
      const fake = new FakeMembersOperations(fakes.kafka, prefix, handlers);
      operations.set(groupId, fake);
      await fake.start(groupId);
    }
    gateway = await startTestGateway({ topicPrefix: prefix, env: options.env });
  });

  afterAll(async () => {
    await gateway?.close();
    for (const fake of operations.values()) await fake.stop();
    await fakes?.stop();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`membersGatewaySuite: ${what} is there only inside tests and hooks`);
    return value;
  };
  return {
    get gateway() {
      return ready(gateway, 'gateway');
    },
    get fakes() {
      return ready(fakes, 'fakes');
    },
    operations: (groupId) => ready(operations.get(groupId), `operations(${groupId})`),
    registerMember: (displayName) => ready(fakes, 'fakes').register(uniquePhone(), displayName),
    seedDirectory: async () =>
      (await seedDemoDirectory(ready(gateway, 'gateway').app.get(DataSource))).tenantIds,
    async bearer(actor) {
      const { token } = await ready(gateway, 'gateway')
        .app.get(AccessTokenService)
        .issue({ tenantId: null, roles: [], scopes: [], ...actor });
      return { authorization: `Bearer ${token}` };
    },
    errorOf(result) {
      expect(result.errors).toHaveLength(1);
      return { message: result.errors![0]!.message, extensions: result.errors![0]!.extensions ?? {} };
    },
  };
}
