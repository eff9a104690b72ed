// Real: the gateway (HTTP, GraphQL, auth), its PostgreSQL database, Kafka request-reply.
// Faked: the members and notifications services (FakeServices answers their operations over Kafka).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { createPartnerKey, uniqueTopicPrefix } from '@atrium/testing';
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
let tenantId: string;

const SESSION = 'accessToken refreshToken expiresAt refreshExpiresAt';
const STAFF_LOGIN = `mutation ($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { ${SESSION} } }`;
const REQUEST_CODE =
  'mutation ($phone: String!) { requestLoginCode(phone: $phone) { sent expiresInSeconds resendAfterSeconds } }';
const LOGIN = `mutation ($phone: String!, $code: String!) { loginWithCode(phone: $phone, code: $code) { ${SESSION} } }`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`;
const VIEWER = '{ viewer { kind id tenantId roles scopes } }';
const CREATE_KEY =
  'mutation ($t: ID!, $n: String!, $s: [String!]!) { createApiKey(tenantId: $t, name: $n, scopes: $s) { id prefix key scopes } }';

interface Session {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

function errorOf(result: GraphQLResult): { message: string; extensions: Record<string, unknown> } {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { message: error!.message, extensions: error!.extensions ?? {} };
}

function codeOf(result: GraphQLResult): unknown {
  return errorOf(result).extensions.code;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function staffSession(username: string, password = DEMO_PASSWORD): Promise<Session> {
  const result = await gateway.graphql<{ staffLogin: Session }>(STAFF_LOGIN, { u: username, p: password });
  expect(result.errors).toBeUndefined();
  return result.data!.staffLogin;
}

async function memberSession(phone: string): Promise<Session> {
  expect((await gateway.graphql(REQUEST_CODE, { phone })).errors).toBeUndefined();
  const result = await gateway.graphql<{ loginWithCode: Session }>(LOGIN, {
    phone,
    code: fakes.lastCodeFor(phone),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.loginWithCode;
}

/** Moves the gateway's clock past the resend interval so the phone may get another code. */
const afterResendInterval = () =>
  gateway.clock.advance((gateway.config.LOGIN_CODE_RESEND_SECONDS + 1) * 1000);

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  fakes = new FakeServices(prefix);
  await fakes.start();
  gateway = await startTestGateway({ topicPrefix: prefix });
  const seeded = await seedDemoDirectory(gateway.app.get(DataSource));
  tenantId = seeded.tenantIds['AURORA-JEWELRY']!;
});

afterAll(async () => {
  await gateway?.close();
  await fakes?.stop();
});

describe('staff login', () => {
  it('a wrong password is UNAUTHENTICATED and returns no session', async () => {
    const result = await gateway.graphql(STAFF_LOGIN, { u: 'frontline.demo', p: 'not-the-password' });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(errorOf(result).message).toBe('the username or password is wrong');
    expect(result.data).toBeNull();
  });

  it('an unknown username gets the same answer as a wrong password', async () => {
    const result = await gateway.graphql(STAFF_LOGIN, { u: 'nobody.here', p: 'whatever' });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(errorOf(result).message).toBe('the username or password is wrong');
  });

  it('the right password gives a token the gateway resolves to the staff actor with its roles', async () => {
    const session = await staffSession('supervisor.demo');
    const viewer = await gateway.graphql<{ viewer: { kind: string; roles: string[] } }>(
      VIEWER,
      undefined,
      bearer(session.accessToken),
    );
    expect(viewer.data!.viewer).toMatchObject({ kind: 'staff', roles: ['SUPERVISOR'], tenantId: null });
    // The manual clock stands still: the token lives exactly its 15 minutes from now.
    expect(gateway.config.ACCESS_TOKEN_TTL_SECONDS).toBe(15 * 60);
    expect(session.expiresAt).toBe(new Date(gateway.clock.now().getTime() + 15 * 60 * 1000).toISOString());
  });

  it('five wrong passwords lock the username, even for the right password, until the lock ends', async () => {
    for (let i = 1; i <= 4; i += 1)
      expect(codeOf(await gateway.graphql(STAFF_LOGIN, { u: 'senior.demo', p: `wrong-${i}` }))).toBe(
        'UNAUTHENTICATED',
      );
    const fifth = await gateway.graphql(STAFF_LOGIN, { u: 'senior.demo', p: 'wrong-5' });
    expect(codeOf(fifth)).toBe('RATE_LIMITED');
    expect(codeOf(await gateway.graphql(STAFF_LOGIN, { u: 'senior.demo', p: DEMO_PASSWORD }))).toBe(
      'RATE_LIMITED',
    );
    gateway.clock.advance(gateway.config.LOGIN_LOCK_SECONDS * 1000 + 1000);
    await staffSession('senior.demo');
  });
});

describe('access tokens', () => {
  it('an expired access token is UNAUTHENTICATED', async () => {
    const session = await staffSession('manager.demo');
    gateway.clock.advance(gateway.config.ACCESS_TOKEN_TTL_SECONDS * 1000 + 1000);
    const result = await gateway.graphql(VIEWER, undefined, bearer(session.accessToken));
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(errorOf(result).extensions.reason).toBe('TOKEN_EXPIRED');
  });

  it('a token whose claims were changed (frontline made ADMIN) is UNAUTHENTICATED', async () => {
    const session = await staffSession('frontline.demo');
    const [header, payload, signature] = session.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url');
    const result = await gateway.graphql(
      '{ systemStatus { service ok } }',
      undefined,
      bearer(`${header}.${forged}.${signature}`),
    );
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(errorOf(result).extensions.reason).toBe('TOKEN_INVALID');
  });

  it('a token signed with another secret, or not a JWT at all, is UNAUTHENTICATED', async () => {
    const now = Math.floor(gateway.clock.now().getTime() / 1000);
    const foreign = await new SignJWT({ kind: 'staff', roles: ['ADMIN'], tenantId: null, scopes: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer('atrium-gateway')
      .setAudience('atrium')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode('a-secret-the-gateway-does-not-know-at-all'));
    expect(codeOf(await gateway.graphql(VIEWER, undefined, bearer(foreign)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gateway.graphql(VIEWER, undefined, bearer('not.a.jwt')))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gateway.graphql(VIEWER, undefined, { authorization: 'Basic dXNlcjpwYXNz' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('without credentials the caller is anonymous and protected operations are UNAUTHENTICATED', async () => {
    const viewer = await gateway.graphql<{ viewer: { kind: string } }>(VIEWER);
    expect(viewer.data!.viewer.kind).toBe('anonymous');
    expect(codeOf(await gateway.graphql('{ me { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('partner API keys', () => {
  it('only staff ADMIN may create API keys: other roles are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    const variables = { t: tenantId, n: 'POS', s: ['purchases:write'] };
    for (const username of ['frontline.demo', 'supervisor.demo', 'manager.demo']) {
      const session = await staffSession(username);
      const result = await gateway.graphql(CREATE_KEY, variables, bearer(session.accessToken));
      expect(codeOf(result)).toBe('FORBIDDEN');
    }
    expect(codeOf(await gateway.graphql(CREATE_KEY, variables))).toBe('UNAUTHENTICATED');
  });

  it('a created key authenticates as its tenant with its scopes; once revoked it is UNAUTHENTICATED', async () => {
    const admin = await staffSession('admin.demo');
    const created = await gateway.graphql<{
      createApiKey: { id: string; prefix: string; key: string; scopes: string[] };
    }>(
      CREATE_KEY,
      { t: tenantId, n: 'Aurora POS counter 2', s: ['tickets:read', 'purchases:write'] },
      bearer(admin.accessToken),
    );
    expect(created.errors).toBeUndefined();
    const key = created.data!.createApiKey;
    expect(key.key).toMatch(/^atr_(live|test)_[a-z0-9]{8}_[A-Za-z0-9]{32}$/);
    expect(key.key.startsWith(`${key.prefix}_`)).toBe(true);

    const asPartner = await gateway.graphql<{ viewer: Record<string, unknown> }>(VIEWER, undefined, {
      'x-api-key': key.key,
    });
    expect(asPartner.data!.viewer).toMatchObject({
      kind: 'partner',
      tenantId,
      scopes: ['purchases:write', 'tickets:read'],
    });

    const stored: Array<{ hash: string }> = await gateway.app
      .get(DataSource)
      .query('SELECT hash FROM api_keys WHERE id = $1', [key.id]);
    expect(JSON.stringify(stored)).not.toContain(key.key.slice(-32));

    const revoked = await gateway.graphql(
      'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
      { id: key.id },
      bearer(admin.accessToken),
    );
    expect(revoked.errors).toBeUndefined();
    const after = await gateway.graphql(VIEWER, undefined, { 'x-api-key': key.key });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(errorOf(after).extensions.reason).toBe('API_KEY_REVOKED');
  });

  it('a key with a changed secret is UNAUTHENTICATED', async () => {
    const admin = await staffSession('admin.demo');
    const { key } = await createPartnerKey(gateway.graphql, bearer(admin.accessToken), {
      tenantId,
      scopes: ['members:read'],
      name: 'tamper',
    });
    const changed = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(codeOf(await gateway.graphql(VIEWER, undefined, { 'x-api-key': changed }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('unknown scopes and unknown tenants are refused with the field named', async () => {
    const admin = await staffSession('admin.demo');
    const badScope = await gateway.graphql(
      CREATE_KEY,
      { t: tenantId, n: 'x', s: ['everything'] },
      bearer(admin.accessToken),
    );
    expect(errorOf(badScope).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    const noTenant = await gateway.graphql(
      CREATE_KEY,
      { t: '01900000-0000-7000-8000-000000000000', n: 'x', s: ['members:read'] },
      bearer(admin.accessToken),
    );
    expect(codeOf(noTenant)).toBe('NOT_FOUND');
  });
});

describe('member login with SMS codes', () => {
  it('a wrong code five times locks the phone: even the right code is RATE_LIMITED until the lock ends', async () => {
    const phone = uniquePhone();
    fakes.register(phone, 'Locked Out');
    await gateway.graphql(REQUEST_CODE, { phone });
    const right = fakes.lastCodeFor(phone);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i += 1) {
      const result = await gateway.graphql(LOGIN, { phone, code: wrong });
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(errorOf(result).message).toContain(`${5 - i} attempt`);
    }
    const fifth = await gateway.graphql(LOGIN, { phone, code: wrong });
    expect(codeOf(fifth)).toBe('RATE_LIMITED');
    expect(errorOf(fifth).message).toBe('too many wrong login codes: this phone is locked for 15 minutes');
    expect(errorOf(fifth).extensions.retryAfterSeconds).toBe(900);

    const rightWhileLocked = await gateway.graphql(LOGIN, { phone, code: right });
    expect(codeOf(rightWhileLocked)).toBe('RATE_LIMITED');
    gateway.clock.advance(14 * 60 * 1000);
    expect(codeOf(await gateway.graphql(LOGIN, { phone, code: right }))).toBe('RATE_LIMITED');
    expect(codeOf(await gateway.graphql(REQUEST_CODE, { phone }))).toBe('RATE_LIMITED');

    gateway.clock.advance(61 * 1000);
    await memberSession(phone);
  });

  it('a code works once, and not after it expires', async () => {
    const phone = uniquePhone();
    fakes.register(phone, 'Once Only');
    await memberSession(phone);
    const reused = await gateway.graphql(LOGIN, { phone, code: fakes.lastCodeFor(phone) });
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');

    afterResendInterval();
    await gateway.graphql(REQUEST_CODE, { phone });
    gateway.clock.advance((gateway.config.LOGIN_CODE_TTL_SECONDS + 1) * 1000);
    const expired = await gateway.graphql(LOGIN, { phone, code: fakes.lastCodeFor(phone) });
    expect(codeOf(expired)).toBe('UNAUTHENTICATED');
  });

  it('a newer code replaces the older one', async () => {
    const phone = uniquePhone();
    fakes.register(phone, 'Two Codes');
    await gateway.graphql(REQUEST_CODE, { phone });
    const first = fakes.lastCodeFor(phone);
    afterResendInterval();
    await gateway.graphql(REQUEST_CODE, { phone });
    const second = fakes.lastCodeFor(phone);
    if (first !== second)
      expect(codeOf(await gateway.graphql(LOGIN, { phone, code: first }))).toBe('UNAUTHENTICATED');
    const result = await gateway.graphql(LOGIN, { phone, code: second });
    expect(result.errors).toBeUndefined();
  });

  it('asking for another code within the resend interval is RATE_LIMITED and sends nothing', async () => {
    const phone = uniquePhone();
    await gateway.graphql(REQUEST_CODE, { phone });
    const sent = fakes.sentCodes.length;
    const again = await gateway.graphql(REQUEST_CODE, { phone: `+86${phone}` });
    expect(codeOf(again)).toBe('RATE_LIMITED');
    expect(errorOf(again).extensions.reason).toBe('LOGIN_CODE_RESEND_TOO_SOON');
    expect(fakes.sentCodes.length).toBe(sent);
  });

  it('a phone without a member gets the same answer to requestLoginCode, is told to register at login, and may then use the same code', async () => {
    const known = uniquePhone();
    fakes.register(known, 'Known');
    const unknown = uniquePhone();
    const a = await gateway.graphql(REQUEST_CODE, { phone: known });
    const b = await gateway.graphql(REQUEST_CODE, { phone: unknown });
    expect(a.data).toEqual(b.data);
    const login = await gateway.graphql(LOGIN, { phone: unknown, code: fakes.lastCodeFor(unknown) });
    expect(codeOf(login)).toBe('UNAUTHENTICATED');
    expect(errorOf(login).message).toBe('no member is registered with this phone; register first');
    // The code was not used up: after registering, the shopper logs in with the same SMS.
    fakes.register(unknown, 'Registered Later');
    const later = await gateway.graphql(LOGIN, { phone: unknown, code: fakes.lastCodeFor(unknown) });
    expect(later.errors).toBeUndefined();
  });

  it('a malformed phone is BAD_USER_INPUT naming the field', async () => {
    const result = await gateway.graphql(REQUEST_CODE, { phone: '12345' });
    expect(errorOf(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });
});

describe('sessions', () => {
  it('refreshing rotates the refresh token; reusing the old one revokes the whole session', async () => {
    const phone = uniquePhone();
    fakes.register(phone, 'Refresher');
    const first = await memberSession(phone);
    const second = await gateway.graphql<{ refreshSession: Session }>(REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    const viewer = await gateway.graphql<{ viewer: { kind: string } }>(
      VIEWER,
      undefined,
      bearer(rotated.accessToken),
    );
    expect(viewer.data!.viewer.kind).toBe('member');

    const reuse = await gateway.graphql(REFRESH, { t: first.refreshToken });
    expect(codeOf(reuse)).toBe('UNAUTHENTICATED');
    expect(errorOf(reuse).extensions.reason).toBe('REFRESH_TOKEN_REUSED');
    const familyRevoked = await gateway.graphql(REFRESH, { t: rotated.refreshToken });
    expect(codeOf(familyRevoked)).toBe('UNAUTHENTICATED');
    expect(errorOf(familyRevoked).extensions.reason).toBe('SESSION_REVOKED');
  });

  it('refreshSession works while the client still sends its expired access token', async () => {
    const session = await staffSession('admin.demo');
    gateway.clock.advance(gateway.config.ACCESS_TOKEN_TTL_SECONDS * 1000 + 1000);
    const refreshed = await gateway.graphql<{ refreshSession: Session }>(
      REFRESH,
      { t: session.refreshToken },
      bearer(session.accessToken),
    );
    expect(refreshed.errors).toBeUndefined();
    const viewer = await gateway.graphql<{ viewer: { roles: string[] } }>(
      VIEWER,
      undefined,
      bearer(refreshed.data!.refreshSession.accessToken),
    );
    expect(viewer.data!.viewer.roles).toEqual(['ADMIN']);
  });
});

describe('member operations', () => {
  it("me returns the member and its inbox; the service receives the member actor and the caller's correlation id", async () => {
    const phone = uniquePhone();
    const member = fakes.register(phone, 'Mei');
    const session = await memberSession(phone);
    const result = await gateway.graphql<{ me: Record<string, unknown> }>(
      '{ me { id memberCode displayName phoneMasked inbox(first: 5) { unread items { id kind title body createdAt readAt } } } }',
      undefined,
      { ...bearer(session.accessToken), 'x-correlation-id': 'corr-me-test-1' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toMatchObject({
      id: member.id,
      displayName: 'Mei',
      phoneMasked: member.phoneMasked,
      inbox: { unread: 1 },
    });
    expect(result.headers.get('x-correlation-id')).toBe('corr-me-test-1');
    const calls = fakes.received.filter((r) => r.envelope.correlationId === 'corr-me-test-1');
    expect(calls.map((c) => c.pattern).sort()).toEqual(['members.get-member', 'notifications.list-inbox']);
    for (const call of calls) expect(call.envelope.actor).toMatchObject({ kind: 'member', id: member.id });
  });

  it('staff may read any member; a member reading another member is FORBIDDEN', async () => {
    const phone = uniquePhone();
    const other = fakes.register(uniquePhone(), 'Other');
    fakes.register(phone, 'Self');
    const memberToken = (await memberSession(phone)).accessToken;
    const query = 'query ($id: ID!) { member(id: $id) { id displayName } }';
    expect(codeOf(await gateway.graphql(query, { id: other.id }, bearer(memberToken)))).toBe('FORBIDDEN');
    const staff = await staffSession('frontline.demo');
    const read = await gateway.graphql<{ member: { displayName: string } }>(
      query,
      { id: other.id },
      bearer(staff.accessToken),
    );
    expect(read.data!.member.displayName).toBe('Other');
  });

  it('registering an existing phone passes the service CONFLICT through; bad input is BAD_USER_INPUT with the field', async () => {
    const phone = uniquePhone();
    const mutation =
      'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { id displayName } }';
    const input = {
      phone,
      displayName: 'Twice',
      channel: 'MINI_PROGRAM',
      consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }],
    };
    expect((await gateway.graphql(mutation, { input })).errors).toBeUndefined();
    const again = await gateway.graphql(mutation, { input });
    expect(errorOf(again).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEMBER_PHONE_TAKEN' });
    const bad = await gateway.graphql(mutation, { input: { ...input, phone: '555' } });
    expect(errorOf(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
  });

  it('systemStatus pings every service for ADMIN', async () => {
    const admin = await staffSession('admin.demo');
    const result = await gateway.graphql<{ systemStatus: Array<{ service: string; ok: boolean }> }>(
      '{ systemStatus { service ok instance latencyMs error } }',
      undefined,
      bearer(admin.accessToken),
    );
    expect(result.data!.systemStatus.map((s) => s.service).sort()).toEqual([
      'feedback',
      'members',
      'notifications',
      'recommendations',
      'tickets',
    ]);
    expect(result.data!.systemStatus.every((s) => s.ok)).toBe(true);
  });
});
