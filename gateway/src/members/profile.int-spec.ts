// Real: the gateway (HTTP, GraphQL, auth, sessions), its PostgreSQL database, Kafka request-reply,
// and the WeChat adapter talking HTTP to a local server that answers code-to-session in WeChat's
// documented format (and checks the request).
// Faked: the members service (a local stand-in answering its operations and recording them), WeChat.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  getMemberProfile,
  linkIdentity,
  listIdentities,
  searchMembers,
  signInMiniProgram,
  updateMemberProfile,
  type Actor,
  type Envelope,
  type MemberView,
  type OperationContract,
} from '@atrium/contracts';
import { createProducer, RequestServer } from '@atrium/messaging';
import { conflict } from '@atrium/platform';
import { uniqueTopicPrefix } from '@atrium/testing';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../auth/api-keys/api-key.service.js';
import { AccessTokenService } from '../auth/tokens/access-token.service.js';
import { seedDemoDirectory } from '../seed/demo-seed.js';
import {
  FakeServices,
  startTestGateway,
  uniquePhone,
  type GraphQLResult,
  type TestGateway,
} from '../testing/gateway-harness.js';

const APP_ID = 'wx-test-app-id';
const APP_SECRET = 'test-app-secret-never-logged';

let gateway: TestGateway;
let fakes: FakeServices;
let server: RequestServer;
let producer: Producer;
let wechat: Server;
let tenantId: string;
const wechatRequests: Array<{ method: string; path: string; query: Record<string, string> }> = [];
const received: Array<{ pattern: string; payload: Record<string, unknown>; envelope: Envelope }> = [];
let alice: MemberView;
let bob: MemberView;

const PROFILE = (memberId: string) => ({
  memberId,
  displayName: 'Alice',
  gender: null,
  birthday: '1990-02-28',
  anniversaries: [],
  preferredLanguage: 'zh-CN',
  preferredCategories: [],
  preferredBrands: [],
  staffTags: null,
});
const IDENTITIES = {
  items: [{ kind: 'PHONE', valueMasked: '138****1234', linkedAt: '2026-05-01T00:00:00.000Z' }],
};

/** WeChat's code-to-session, answering per code as its documentation describes. */
const WECHAT_ANSWERS: Record<string, object> = {
  'code-known-openid': { openid: 'oKnownOpenid001', session_key: 'sk-1' },
  'code-with-unionid': { openid: 'oNewOpenid0002', session_key: 'sk-2', unionid: 'uUnionid00002' },
  'code-already-used': { errcode: 40163, errmsg: 'code been used' },
  'code-too-frequent': { errcode: 45011, errmsg: 'api minute-quota reach limit' },
  'code-system-busy': { errcode: -1, errmsg: 'system error' },
};

const handlers = new Map<OperationContract, (payload: Record<string, unknown>) => unknown>([
  [getMemberProfile, (p) => PROFILE(p.memberId as string)],
  [updateMemberProfile, (p) => ({ ...PROFILE(p.memberId as string), ...p })],
  [listIdentities, () => IDENTITIES],
  [
    linkIdentity,
    (p) => {
      if (p.value === 'TAKEN0001')
        throw conflict('this CARD identity already belongs to another member', 'MEMBER_IDENTITY_TAKEN');
      return { ...IDENTITIES, linked: true };
    },
  ],
  [searchMembers, () => ({ items: [{ cursor: 'c1', member: alice }], hasNextPage: true })],
  [
    signInMiniProgram,
    (p) =>
      p.signedInMemberId
        ? { memberId: p.signedInMemberId, outcome: 'BOUND' }
        : p.openid === 'oKnownOpenid001'
          ? { memberId: alice.id, outcome: 'FOUND' }
          : { memberId: bob.id, outcome: 'CREATED' },
  ],
]);

const sent = (pattern: string) => received.filter((r) => r.pattern === pattern);

function errorOf(result: GraphQLResult): { message: string; extensions: Record<string, unknown> } {
  expect(result.errors).toHaveLength(1);
  return { message: result.errors![0]!.message, extensions: result.errors![0]!.extensions ?? {} };
}

async function bearer(actor: Partial<Actor> & Pick<Actor, 'kind' | 'id'>): Promise<Record<string, string>> {
  const { token } = await gateway.app
    .get(AccessTokenService)
    .issue({ tenantId: null, roles: [], scopes: [], ...actor });
  return { authorization: `Bearer ${token}` };
}

beforeAll(async () => {
  wechat = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    wechatRequests.push({ method: req.method ?? '', path: url.pathname, query });
    const valid =
      req.method === 'GET' &&
      url.pathname === '/sns/jscode2session' &&
      query.appid === APP_ID &&
      query.secret === APP_SECRET &&
      query.grant_type === 'authorization_code';
    const answer = valid
      ? (WECHAT_ANSWERS[query.js_code ?? ''] ?? { errcode: 40029, errmsg: 'invalid code' })
      : { errcode: 40013, errmsg: 'invalid appid' };
    // WeChat labels its JSON text/plain.
    res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
  process.env.WECHAT_APP_ID = APP_ID;
  process.env.WECHAT_APP_SECRET = APP_SECRET;

  const prefix = uniqueTopicPrefix();
  fakes = new FakeServices(prefix);
  await fakes.start();
  producer = createProducer(fakes.kafka);
  await producer.connect();
  server = new RequestServer({
    kafka: fakes.kafka,
    producer,
    topicPrefix: prefix,
    groupId: 'fake-profile',
    bindings: [...handlers].map(([contract, handle]) => ({
      contract,
      handle: async (payload, envelope) => {
        received.push({ pattern: contract.pattern, payload: payload as Record<string, unknown>, envelope });
        return handle(payload as Record<string, unknown>);
      },
    })),
  });
  await server.start();
  gateway = await startTestGateway({ topicPrefix: prefix });
  for (const name of ['WECHAT_API_BASE', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET']) delete process.env[name];
  tenantId = (await seedDemoDirectory(gateway.app.get(DataSource))).tenantIds['AURORA-JEWELRY']!;
  alice = fakes.register(uniquePhone(), 'Alice');
  bob = fakes.register(uniquePhone(), 'Bob');
});

afterAll(async () => {
  await gateway?.close();
  await server?.stop();
  await producer?.disconnect();
  await fakes?.stop();
  await new Promise((resolve) => wechat?.close(resolve));
});

const UPDATE_MY = `mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { displayName birthday gender } }`;

describe('profile', () => {
  it('updateMyProfile changes the caller’s own profile and sends only the fields given (null clears the birthday)', async () => {
    const result = await gateway.graphql(
      UPDATE_MY,
      { input: { gender: 'FEMALE', birthday: null } },
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(result.errors).toBeUndefined();
    expect(sent(updateMemberProfile.pattern).at(-1)!.payload).toEqual({
      memberId: alice.id,
      gender: 'FEMALE',
      birthday: null,
    });
  });

  it.each([
    [{ birthday: '1990-02-30' }, 'input.birthday'],
    [{ birthday: '90-1-1' }, 'input.birthday'],
    [{ anniversaries: [{ label: 'Wedding', date: '2019-04-31' }] }, 'input.anniversaries.0.date'],
  ])('%j is BAD_USER_INPUT naming %s and reaches no service', async (input, field) => {
    const before = received.length;
    const result = await gateway.graphql(
      UPDATE_MY,
      { input },
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(errorOf(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(received.length).toBe(before);
  });

  it('an unknown gender is BAD_USER_INPUT naming the field', async () => {
    const result = await gateway.graphql(
      UPDATE_MY,
      { input: { gender: 'ROBOT' } },
      await bearer({ kind: 'member', id: alice.id }),
    );
    const error = errorOf(result);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/gender/);
  });

  it('a member cannot reach another member’s profile, birthday or identities, nor use the staff mutation', async () => {
    const before = received.length;
    const headers = await bearer({ kind: 'member', id: alice.id });
    const read = await gateway.graphql(
      `query ($id: ID!) { member(id: $id) { profile { birthday } birthday identities { kind } } }`,
      { id: bob.id },
      headers,
    );
    expect(errorOf(read).extensions.code).toBe('FORBIDDEN');
    const staffOnly = await gateway.graphql(
      `mutation ($id: ID!) { updateMemberProfile(memberId: $id, input: { displayName: "X" }) { displayName } }`,
      { id: bob.id },
      headers,
    );
    expect(errorOf(staffOnly).extensions.code).toBe('FORBIDDEN');
    expect(received.length).toBe(before);
  });

  it('the member reads its own profile and birthday with one call to the service; staff read any member', async () => {
    const before = sent(getMemberProfile.pattern).length;
    const me = await gateway.graphql<{ me: { birthday: string; profile: { birthday: string } } }>(
      '{ me { birthday profile { birthday displayName } identities { kind valueMasked } } }',
      {},
      await bearer({ kind: 'member', id: alice.id }),
    );
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.birthday).toBe('1990-02-28');
    expect(sent(getMemberProfile.pattern).length - before).toBe(1);
    const staff = await gateway.graphql(
      `query ($id: ID!) { member(id: $id) { profile { displayName } } }`,
      { id: bob.id },
      await bearer({ kind: 'staff', id: 's1', roles: ['FRONTLINE'] }),
    );
    expect(staff.errors).toBeUndefined();
    expect(sent(getMemberProfile.pattern).at(-1)!.payload).toEqual({ memberId: bob.id });
  });
});

const LINK = `mutation ($kind: LinkableIdentityKind!, $value: String!, $memberId: ID) { linkChannelIdentity(kind: $kind, value: $value, memberId: $memberId) { kind valueMasked } }`;

describe('linkChannelIdentity', () => {
  it('a member links to itself only; naming another member is FORBIDDEN', async () => {
    const headers = await bearer({ kind: 'member', id: alice.id });
    expect(
      (await gateway.graphql(LINK, { kind: 'CARD', value: '88001234' }, headers)).errors,
    ).toBeUndefined();
    expect(sent(linkIdentity.pattern).at(-1)!.payload).toEqual({
      memberId: alice.id,
      kind: 'CARD',
      value: '88001234',
    });
    expect(
      errorOf(await gateway.graphql(LINK, { kind: 'CARD', value: '88001234', memberId: bob.id }, headers))
        .extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('staff must name the member; a card another member holds is a CONFLICT; unknown kinds are rejected', async () => {
    const staff = await bearer({ kind: 'staff', id: 's1', roles: ['FRONTLINE'] });
    expect(
      errorOf(await gateway.graphql(LINK, { kind: 'CARD', value: '88001234' }, staff)).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberId',
    });
    expect(
      errorOf(await gateway.graphql(LINK, { kind: 'CARD', value: 'TAKEN0001', memberId: bob.id }, staff))
        .extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEMBER_IDENTITY_TAKEN',
    });
    const phone = errorOf(
      await gateway.graphql(LINK, { kind: 'PHONE', value: '13812341234', memberId: bob.id }, staff),
    );
    expect(phone.extensions.code).toBe('BAD_USER_INPUT');
    expect(phone.message).toMatch(/kind/);
  });

  it('a partner cannot link identities', async () => {
    const key = await gateway.app
      .get(ApiKeyService)
      .create({ tenantId, name: 'pos', scopes: ['members:read'] }, 'test');
    expect(
      errorOf(
        await gateway.graphql(
          LINK,
          { kind: 'CARD', value: '88001234', memberId: bob.id },
          { 'x-api-key': key.key },
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
  });
});

describe('members (staff search)', () => {
  const SEARCH = `query ($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

  it('staff get a Relay connection; members and partners are FORBIDDEN', async () => {
    const result = await gateway.graphql(
      SEARCH,
      { filter: { name: 'Ali' }, first: 5 },
      await bearer({ kind: 'staff', id: 's1', roles: ['FRONTLINE'] }),
    );
    expect(result.data).toEqual({
      members: {
        edges: [{ cursor: 'c1', node: { id: alice.id } }],
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c1' },
      },
    });
    expect(
      errorOf(await gateway.graphql(SEARCH, {}, await bearer({ kind: 'member', id: alice.id }))).extensions
        .code,
    ).toBe('FORBIDDEN');
    const key = await gateway.app
      .get(ApiKeyService)
      .create({ tenantId, name: 'pos2', scopes: ['members:read'] }, 'test');
    expect(errorOf(await gateway.graphql(SEARCH, {}, { 'x-api-key': key.key })).extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('a bad phone filter or first out of range is BAD_USER_INPUT naming the field', async () => {
    const staff = await bearer({ kind: 'staff', id: 's1', roles: ['FRONTLINE'] });
    expect(
      errorOf(await gateway.graphql(SEARCH, { filter: { phone: '123' } }, staff)).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.phone' });
    expect(errorOf(await gateway.graphql(SEARCH, { first: 500 }, staff)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});

const MINI = `mutation ($code: String!) { loginWithMiniProgram(code: $code) { memberId outcome session { accessToken refreshToken } } }`;

describe('loginWithMiniProgram', () => {
  it('exchanges the code with WeChat (GET, appid, secret, js_code, grant_type) and signs the found member in', async () => {
    const result = await gateway.graphql<{
      loginWithMiniProgram: { memberId: string; outcome: string; session: { accessToken: string } };
    }>(MINI, {
      code: 'code-known-openid',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.loginWithMiniProgram).toMatchObject({ memberId: alice.id, outcome: 'FOUND' });
    expect(wechatRequests.at(-1)).toEqual({
      method: 'GET',
      path: '/sns/jscode2session',
      query: {
        appid: APP_ID,
        secret: APP_SECRET,
        js_code: 'code-known-openid',
        grant_type: 'authorization_code',
      },
    });
    const call = sent(signInMiniProgram.pattern).at(-1)!;
    expect(call.payload).toEqual({ openid: 'oKnownOpenid001', unionid: null, signedInMemberId: null });
    expect(call.envelope.actor.kind).toBe('system');
    // The session works: it is the member's.
    const viewer = await gateway.graphql<{ viewer: { kind: string; id: string } }>(
      '{ viewer { kind id } }',
      {},
      {
        authorization: `Bearer ${result.data!.loginWithMiniProgram.session.accessToken}`,
      },
    );
    expect(viewer.data!.viewer).toEqual({ kind: 'member', id: alice.id });
  });

  it('passes the unionid, and binds to the member already logged in on the request', async () => {
    const result = await gateway.graphql(
      MINI,
      { code: 'code-with-unionid' },
      await bearer({ kind: 'member', id: bob.id }),
    );
    expect(result.errors).toBeUndefined();
    expect(sent(signInMiniProgram.pattern).at(-1)!.payload).toEqual({
      openid: 'oNewOpenid0002',
      unionid: 'uUnionid00002',
      signedInMemberId: bob.id,
    });
    expect(result.data).toMatchObject({ loginWithMiniProgram: { memberId: bob.id, outcome: 'BOUND' } });
  });

  it.each([
    ['code-already-used', 'BAD_USER_INPUT', 'MINI_PROGRAM_CODE_INVALID'],
    ['code-never-issued', 'BAD_USER_INPUT', 'MINI_PROGRAM_CODE_INVALID'],
    ['code-too-frequent', 'RATE_LIMITED', 'WECHAT_RATE_LIMITED'],
    ['code-system-busy', 'UPSTREAM_TIMEOUT', 'WECHAT_UNAVAILABLE'],
  ])('WeChat answering %s gives %s and no session', async (code, errorCode, reason) => {
    const before = sent(signInMiniProgram.pattern).length;
    const result = await gateway.graphql(MINI, { code });
    expect(errorOf(result).extensions).toMatchObject({ code: errorCode, reason });
    expect(sent(signInMiniProgram.pattern).length).toBe(before);
  });

  it('a malformed code never reaches WeChat; staff cannot use it; the AppSecret is not in the answer', async () => {
    const before = wechatRequests.length;
    expect(errorOf(await gateway.graphql(MINI, { code: 'x' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
    expect(
      errorOf(
        await gateway.graphql(
          MINI,
          { code: 'code-known-openid' },
          await bearer({ kind: 'staff', id: 's', roles: ['ADMIN'] }),
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    expect(wechatRequests.length).toBe(before);
    const failed = await gateway.graphql(MINI, { code: 'code-already-used' });
    expect(JSON.stringify(failed)).not.toContain(APP_SECRET);
  });
});
